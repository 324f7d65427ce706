#include "wizard/DataPage.h"

#include "common/Dialogs.h"

#include "wizard/WizardWidgets.h"

#include <QComboBox>
#include <QDoubleSpinBox>
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

using namespace WizardWidgets;

DataPage::DataPage(QWidget* parent)
    : RecipePage(parent), m_preset(new QComboBox), m_path(new QLineEdit), m_output(new QLineEdit),
      m_maxVocab(intSpin("maxVocabSpin", 100, 1000000, 1000)), m_minFreq(intSpin("minFreqSpin", 1, 1000)),
      m_validPct(new QDoubleSpinBox), m_seed(intSpin("seedSpin", 0, 1 << 30)),
      m_tokenize(new QPushButton(tr("Tokenize now"))), m_tokenizeBar(new QProgressBar),
      m_message(new QLabel) {
    setObjectName(QStringLiteral("dataPage"));
    setTitle(tr("Data"));
    setSubTitle(tr(
        "Choose a preset and the labelled reviews to train on (a folder with train/ and test/, or a .tgz)."));
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    m_preset->addItem(tr("Book (GPU)"), QStringLiteral("book"));
    m_preset->addItem(tr("Quick (CPU)"), QStringLiteral("quick"));
    m_preset->addItem(tr("Book, bidirectional (GPU)"), QStringLiteral("book-bidirectional"));
    connect(m_preset, &QComboBox::activated, this,
            [this](int index) { Q_EMIT presetChosen(m_preset->itemData(index).toString()); });
    m_path->setObjectName(QStringLiteral("datasetEdit"));
    m_path->setPlaceholderText(tr("imdb/ folder or imdb_sample.tgz"));
    connect(m_path, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    m_output->setObjectName(QStringLiteral("outputEdit"));
    m_output->setPlaceholderText(tr("default: a new folder under the application's runs/"));
    m_validPct->setObjectName(QStringLiteral("validPctSpin"));
    m_validPct->setRange(1, 50);
    m_validPct->setSuffix(QStringLiteral(" %"));
    m_validPct->setDecimals(0);
    auto* form = new QFormLayout(this);
    form->addRow(tr("Preset:"), m_preset);
    form->addRow(tr("Dataset:"), buildPathRow(m_path, true));
    form->addRow(tr("Output folder:"), buildPathRow(m_output, false));
    form->addRow(tr("Vocabulary size (max):"), m_maxVocab);
    form->addRow(tr("Minimum word frequency:"), m_minFreq);
    form->addRow(tr("LM validation share:"), m_validPct);
    form->addRow(tr("Random seed:"), m_seed);
    form->addRow(tr("Tokenization:"), buildTokenizeRow());
    m_message->setObjectName(QStringLiteral("dataMessage"));
    m_message->setWordWrap(true);
    form->addRow(m_message);
}

QWidget* DataPage::buildPathRow(QLineEdit* edit, bool withArchive) {
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    auto* folder = new QPushButton(tr("Folder…"));
    connect(folder, &QPushButton::clicked, this, [this, edit] { browse(edit, false); });
    layout->addWidget(folder);
    if (withArchive) {
        auto* archive = new QPushButton(tr("Archive…"));
        connect(archive, &QPushButton::clicked, this, [this, edit] { browse(edit, true); });
        layout->addWidget(archive);
    }
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
        Q_EMIT tokenizeRequested(dataPath());
    });
    layout->addWidget(m_tokenize);
    layout->addWidget(m_tokenizeBar, 1);
    return row;
}

void DataPage::browse(QLineEdit* edit, bool archive) {
    const QString path = archive ? Dialogs::openFile(this, tr("Dataset archive"), edit->text(),
                                                     tr("Archives (*.tgz *.tar.gz *.tar)"))
                                 : Dialogs::existingDirectory(this, tr("Choose a folder"), edit->text());
    if (!path.isEmpty())
        edit->setText(path);
}

void DataPage::selectPreset(const QString& name) {
    const int index = m_preset->findData(name);
    if (index >= 0)
        m_preset->setCurrentIndex(index);
}

QString DataPage::dataPath() const {
    return m_path->text().trimmed();
}

void DataPage::setDataPath(const QString& path) {
    m_path->setText(path);
}

QString DataPage::outputDir() const {
    return m_output->text().trimmed();
}

void DataPage::setOutputDir(const QString& path) {
    m_output->setText(path);
}

void DataPage::setTokenizeAvailable(bool available) {
    // Hide the whole form row (label included), not just its widgets.
    auto* form = qobject_cast<QFormLayout*>(layout());
    if (form && m_tokenize->parentWidget())
        form->setRowVisible(m_tokenize->parentWidget(), available);
}

void DataPage::loadFrom(const ulmfit::Recipe& spec) {
    selectPreset(QString::fromStdString(spec.name));
    m_maxVocab->setValue(spec.vocab.maxVocab);
    m_minFreq->setValue(spec.vocab.minFreq);
    m_validPct->setValue(spec.lmValidPct * 100.0);
    m_seed->setValue(spec.seed);
}

void DataPage::storeTo(ulmfit::Recipe& spec) const {
    spec.vocab.maxVocab = m_maxVocab->value();
    spec.vocab.minFreq = m_minFreq->value();
    spec.lmValidPct = m_validPct->value() / 100.0;
    spec.seed = m_seed->value();
}

bool DataPage::isComplete() const {
    return !dataPath().isEmpty();
}

bool DataPage::validatePage() {
    if (QFileInfo::exists(dataPath()))
        return true;
    m_message->setText(tr("<b>%1</b> does not exist. Choose the dataset folder or its .tgz archive.")
                           .arg(dataPath().toHtmlEscaped()));
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
