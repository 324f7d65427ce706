#include "log/LogView.h"

#include "log/LogFilterModel.h"
#include "log/LogModel.h"

#include <QComboBox>
#include <QDir>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace ulmfit::ui {

LogView::LogView(QWidget* parent)
    : QWidget(parent), m_model(new LogModel(20000, this)), m_filter(new LogFilterModel(this)) {
    setObjectName(QStringLiteral("logView"));
    m_filter->setSourceModel(m_model);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("logTable"));
    m_table->setModel(m_filter);
    m_table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed); // constant cost per line
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(LogModel::MessageColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(LogModel::TimeColumn,
                            m_table->fontMetrics().horizontalAdvance(QStringLiteral("00:00:00.000__")));
    m_table->setColumnWidth(LogModel::LevelColumn,
                            m_table->fontMetrics().horizontalAdvance(QStringLiteral("critical____")));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createControls());
    layout->addWidget(m_table, 1);
    m_file = new QLabel;
    m_file->setObjectName(QStringLiteral("logFile"));
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_file);
    setMinimumLevel(LogLevel::Info);
}

QWidget* LogView::createControls() {
    m_level = new QComboBox;
    m_level->setObjectName(QStringLiteral("logLevelFilter"));
    for (LogLevel level : {LogLevel::Trace, LogLevel::Debug, LogLevel::Info, LogLevel::Warning,
                           LogLevel::Error, LogLevel::Critical})
        m_level->addItem(LogModel::levelName(level), int(level));
    m_text = new QLineEdit;
    m_text->setObjectName(QStringLiteral("logTextFilter"));
    m_text->setPlaceholderText(tr("Filter messages…"));
    m_text->setClearButtonEnabled(true);
    auto* clear = new QPushButton(tr("C&lear"));
    clear->setObjectName(QStringLiteral("logClearButton"));

    auto* controls = new QWidget;
    auto* row = new QHBoxLayout(controls);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Show level and above:")));
    row->addWidget(m_level);
    row->addWidget(m_text, 1);
    row->addWidget(clear);
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] {
        m_filter->setMinimumLevel(minimumLevel());
        Q_EMIT minimumLevelChanged(minimumLevel());
    });
    connect(m_text, &QLineEdit::textChanged, m_filter, &LogFilterModel::setText);
    connect(clear, &QPushButton::clicked, m_model, &LogModel::clear);
    return controls;
}

void LogView::append(const LogRecords& records) {
    const QScrollBar* bar = m_table->verticalScrollBar();
    const bool follow = bar->value() == bar->maximum();
    m_model->append(records);
    if (follow)
        m_table->scrollToBottom();
}

void LogView::setLogFile(const QString& path) {
    m_file->setText(tr("Also written to %1").arg(QDir::toNativeSeparators(path)));
}

void LogView::setMinimumLevel(LogLevel level) {
    m_level->setCurrentIndex(m_level->findData(int(level)));
    m_filter->setMinimumLevel(level);
}

LogLevel LogView::minimumLevel() const {
    return LogLevel(m_level->currentData().toInt());
}

} // namespace ulmfit::ui
