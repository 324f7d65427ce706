#include "batches/BatchView.h"

#include "batches/BatchTableModel.h"
#include "common/Format.h"
#include "common/RichTextDelegate.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace ulmfit::ui {

BatchView::BatchView(QWidget* parent) : QWidget(parent), m_model(new BatchTableModel(this)) {
    setObjectName(QStringLiteral("batchView"));
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("batchTable"));
    m_table->setModel(m_model);
    m_table->setItemDelegate(new RichTextDelegate(m_table));
    m_table->setWordWrap(true);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(createControls());
    layout->addWidget(m_table, 1);
    setDatasetAvailable(false);
}

QWidget* BatchView::createControls() {
    m_kind = new QComboBox;
    m_kind->setObjectName(QStringLiteral("batchKind"));
    m_kind->addItem(tr("Language model (text / text_)"));
    m_kind->addItem(tr("Classifier (text / category)"));
    m_rows = new QSpinBox;
    m_rows->setObjectName(QStringLiteral("batchRows"));
    m_rows->setRange(1, 64);
    m_rows->setValue(6);
    m_another = new QPushButton(tr("Show &batch"));
    m_another->setObjectName(QStringLiteral("anotherBatchButton"));
    m_cancel = new QPushButton(tr("Cancel"));
    m_cancel->setObjectName(QStringLiteral("batchCancelButton"));
    m_cancel->hide();
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("batchProgress"));
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("batchStatus"));
    m_status->setWordWrap(true);

    auto* controls = new QWidget;
    auto* row = new QHBoxLayout(controls);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(new QLabel(tr("Data loader:")));
    row->addWidget(m_kind);
    row->addSpacing(12);
    row->addWidget(new QLabel(tr("Rows:")));
    row->addWidget(m_rows);
    row->addWidget(m_another);
    row->addSpacing(12);
    row->addWidget(m_progress);
    row->addWidget(m_cancel);
    row->addWidget(m_status, 1);
    connect(m_another, &QPushButton::clicked, this, &BatchView::request);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &BatchView::request);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        Q_EMIT cancelRequested();
    });
    return controls;
}

void BatchView::request() {
    if (!m_datasetAvailable || !m_another->isEnabled())
        return;
    Q_EMIT batchRequested(kind(), rows());
}

void BatchView::setDatasetAvailable(bool available) {
    m_datasetAvailable = available;
    m_another->setEnabled(available);
    m_model->setTable({});
    setIdle(available ? tr("Press “Show batch” to tokenize the dataset and draw a batch.")
                      : tr("Open a dataset on the Dataset page first."));
}

void BatchView::setBusy(const QString& message) {
    m_another->setEnabled(false);
    m_kind->setEnabled(false);
    m_progress->setRange(0, 0);
    m_progress->show();
    m_cancel->setEnabled(true);
    m_cancel->show();
    m_status->setText(message);
}

void BatchView::setProgress(const ProgressInfo& p) {
    if (p.total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(1000 * qBound(0.0, p.fraction(), 1.0)));
    }
    m_status->setText(tr("%1: %2").arg(Format::taskName(p.task), Format::progress(p)));
}

void BatchView::setBatch(const ShownBatch& table) {
    m_model->setTable(table);
    m_another->setText(tr("Another &batch"));
    setIdle(tr("Rows shown: %1. Special tokens (xxbos, xxmaj, …) are highlighted.").arg(table.rows.size()));
}

void BatchView::setFailed(const QString& message) {
    setIdle(tr("Could not build a batch: %1").arg(message));
}

void BatchView::setIdle(const QString& message) {
    m_progress->hide();
    m_cancel->hide();
    m_another->setEnabled(m_datasetAvailable);
    m_kind->setEnabled(true);
    m_status->setText(message);
}

BatchKind BatchView::kind() const {
    return m_kind->currentIndex() == 1 ? BatchKind::Classifier : BatchKind::LanguageModel;
}

int BatchView::rows() const {
    return m_rows->value();
}

} // namespace ulmfit::ui
