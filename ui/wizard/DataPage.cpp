#include "wizard/DataPage.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>

#include <cmath>

namespace ulmfit::ui {

DataPage::DataPage(QWidget* parent)
    : RecipePage(parent), m_preset(new QComboBox), m_path(new QLineEdit), m_maxDocs(new QSpinBox),
      m_validPct(new QDoubleSpinBox), m_seed(new QSpinBox), m_tokenize(new QPushButton(tr("Tokenize now"))),
      m_tokenizeBar(new QProgressBar), m_message(new QLabel) {
    setObjectName(QStringLiteral("dataPage"));
    setTitle(tr("Data"));
    setSubTitle(tr("Choose a preset and the labelled reviews to train on (a folder with train/ and test/, or a .tgz)."));
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    m_preset->addItem(tr("Book (GPU)"), QStringLiteral("book"));
    m_preset->addItem(tr("Quick (CPU)"), QStringLiteral("quick"));
    connect(m_preset, &QComboBox::activated, this, [this](int index) {
        Q_EMIT presetChosen(m_preset->itemData(index).toString());
    });
    m_path->setObjectName(QStringLiteral("datasetEdit"));
    m_path->setPlaceholderText(tr("imdb/ folder or imdb_sample.tgz"));
    connect(m_path, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    m_maxDocs->setObjectName(QStringLiteral("maxDocsSpin"));
    m_maxDocs->setRange(0, 1000000);
    m_maxDocs->setSpecialValueText(tr("all"));
    m_validPct->setObjectName(QStringLiteral("validPctSpin"));
    m_validPct->setRange(1, 50);
    m_validPct->setSuffix(QStringLiteral(" %"));
    m_validPct->setDecimals(0);
    m_seed->setObjectName(QStringLiteral("seedSpin"));
    m_seed->setRange(0, 1 << 30);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Preset:"), m_preset);
    form->addRow(tr("Dataset:"), buildDatasetRow());
    form->addRow(tr("Documents per class:"), m_maxDocs);
    form->addRow(tr("LM validation share:"), m_validPct);
    form->addRow(tr("Random seed:"), m_seed);
    form->addRow(tr("Tokenization:"), buildTokenizeRow());
    m_message->setObjectName(QStringLiteral("dataMessage"));
    m_message->setWordWrap(true);
    form->addRow(m_message);
}

QWidget* DataPage::buildDatasetRow() {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* folder = new QPushButton(tr("Folder…"));
    auto* archive = new QPushButton(tr("Archive…"));
    connect(folder, &QPushButton::clicked, this, [this] { browse(false); });
    connect(archive, &QPushButton::clicked, this, [this] { browse(true); });
    layout->addWidget(m_path, 1);
    layout->addWidget(folder);
    layout->addWidget(archive);
    return row;
}

QWidget* DataPage::buildTokenizeRow() {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tokenize->setObjectName(QStringLiteral("tokenizeButton"));
    m_tokenize->setToolTip(tr("Optional: tokenize now and cache the tokens; training does it otherwise."));
    m_tokenizeBar->setObjectName(QStringLiteral("tokenizeProgress"));
    m_tokenizeBar->setRange(0, 1000);
    m_tokenizeBar->setValue(0);
    connect(m_tokenize, &QPushButton::clicked, this, [this] {
        m_tokenize->setEnabled(false);
        m_message->setText(tr("Tokenizing…"));
        Q_EMIT tokenizeRequested(m_path->text().trimmed(), m_maxDocs->value());
    });
    layout->addWidget(m_tokenize);
    layout->addWidget(m_tokenizeBar, 1);
    return row;
}

void DataPage::browse(bool archive) {
    const QString path = archive
        ? QFileDialog::getOpenFileName(this, tr("Dataset archive"), m_path->text(), tr("Archives (*.tgz *.tar.gz *.tar)"))
        : QFileDialog::getExistingDirectory(this, tr("Dataset folder"), m_path->text());
    if (!path.isEmpty())
        m_path->setText(path);
}

void DataPage::selectPreset(const QString& name) {
    const int index = m_preset->findData(name);
    if (index >= 0)
        m_preset->setCurrentIndex(index);
}

void DataPage::loadFrom(const RecipeSpec& spec) {
    selectPreset(spec.name);
    m_path->setText(spec.data.path);
    m_maxDocs->setValue(spec.data.maxDocsPerClass);
    m_validPct->setValue(spec.data.validPct * 100.0);
    m_seed->setValue(spec.seed);
}

void DataPage::storeTo(RecipeSpec& spec) const {
    spec.data.path = m_path->text().trimmed();
    spec.data.maxDocsPerClass = m_maxDocs->value();
    spec.data.validPct = m_validPct->value() / 100.0;
    spec.seed = m_seed->value();
}

bool DataPage::isComplete() const {
    return !m_path->text().trimmed().isEmpty();
}

bool DataPage::validatePage() {
    if (QFileInfo::exists(m_path->text().trimmed()))
        return true;
    m_message->setText(tr("<b>%1</b> does not exist. Choose the dataset folder or its .tgz archive.")
                           .arg(m_path->text().trimmed().toHtmlEscaped()));
    return false;
}

void DataPage::setTokenizeProgress(const ProgressInfo& progress) {
    const double fraction = progress.fraction();
    m_tokenizeBar->setRange(0, fraction < 0 ? 0 : 1000); // busy indicator while the total is unknown
    if (fraction >= 0)
        m_tokenizeBar->setValue(int(std::lround(fraction * 1000)));
    if (!progress.detail.isEmpty())
        m_message->setText(progress.detail);
}

void DataPage::tokenizeFinished(bool ok, const QString& summary) {
    m_tokenize->setEnabled(true);
    m_tokenizeBar->setRange(0, 1000);
    m_tokenizeBar->setValue(ok ? 1000 : 0);
    m_message->setText(ok ? summary : tr("Tokenization failed: %1").arg(summary));
}

} // namespace ulmfit::ui
