#include "wizard/LanguageModelPage.h"

#include "recipe/Recipe.h"
#include "wizard/PretrainedStartEditor.h"
#include "wizard/StagesEditor.h"
#include "wizard/WizardWidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QVBoxLayout>

namespace ulmfit::ui {

using namespace WizardWidgets;

namespace {
// fastai's AWD_LSTM config, the sizes of its WikiText-103 weights.
constexpr int kWikiTextEmb = 400, kWikiTextHidden = 1152, kWikiTextLayers = 3;
} // namespace

LanguageModelPage::LanguageModelPage(QWidget* parent)
    : RecipePage(parent), m_start(new PretrainedStartEditor), m_direction(new QComboBox),
      m_emb(intSpin("embSpin", 8, 2048, 8)), m_hidden(intSpin("hiddenSpin", 8, 4096, 8)),
      m_layers(intSpin("layersSpin", 1, 6)), m_batch(intSpin("lmBatchSpin", 1, 1024)),
      m_seqLen(intSpin("seqLenSpin", 8, 1024)), m_maxDocs(intSpin("lmMaxDocsSpin", 0, 10000000, 1000)),
      m_dropMult(dropMultSpin("lmDropMultSpin")), m_weightDecay(new QDoubleSpinBox),
      m_checkpointMinutes(new QDoubleSpinBox),
      m_mixedPrecision(new QCheckBox(tr("Mixed precision (fp16 on CUDA, bf16 on CPUs that have it)"))), m_device(new QComboBox),
      m_stages(new StagesEditor(StageModel::LanguageModel, QStringLiteral("lmStages"))) {
    setObjectName(QStringLiteral("languageModelPage"));
    setTitle(tr("Language model"));
    setSubTitle(tr("Fine-tune a language model on all the reviews first: it learns the style of IMDb."));
    auto* columns = new QHBoxLayout;
    columns->addWidget(buildArchitecture());
    columns->addWidget(buildTraining());
    auto* stagesBox = new QGroupBox(tr("Stages (freeze, then fit_one_cycle)"));
    auto* stagesLayout = new QVBoxLayout(stagesBox);
    stagesLayout->addWidget(m_stages);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns);
    layout->addWidget(stagesBox, 1);
    connect(m_stages, &StagesEditor::stagesChanged, this, &QWizardPage::completeChanged);
    connect(m_stages, &StagesEditor::stagesChanged, this, &LanguageModelPage::updateScratchWarning);
    connect(m_start, &PretrainedStartEditor::changed, this, &LanguageModelPage::startChanged);
    connect(m_start, &PretrainedStartEditor::downloadRequested, this,
            &LanguageModelPage::pretrainedDownloadRequested);
    connect(m_start, &PretrainedStartEditor::importRequested, this, &LanguageModelPage::pretrainedImportRequested);
}

QWidget* LanguageModelPage::buildArchitecture() {
    auto* box = new QGroupBox(tr("Model"));
    m_direction->setObjectName(QStringLiteral("directionCombo"));
    m_direction->addItem(tr("Forward"), QStringLiteral("fwd"));
    m_direction->addItem(tr("Backward"), QStringLiteral("bwd"));
    m_direction->addItem(tr("Both (ensemble)"), QStringLiteral("both"));
    m_direction->setToolTip(tr("Backward reads each review right to left (fastai's backwards=True, from wt103-bwd). "
                               "Both trains the two one after the other and averages their classifiers, as the "
                               "ULMFiT paper's best IMDb result does; it takes twice as long."));
    auto* form = new QFormLayout(box);
    form->addRow(tr("Start from:"), m_start);
    form->addRow(tr("Direction:"), m_direction);
    connect(m_direction, &QComboBox::currentIndexChanged, this, [this] {
        const QString direction = m_direction->currentData().toString();
        m_start->setDirections(direction != QLatin1String("bwd"), direction != QLatin1String("fwd"));
    });
    form->addRow(tr("Embedding size:"), m_emb);
    form->addRow(tr("Hidden size:"), m_hidden);
    form->addRow(tr("LSTM layers:"), m_layers);
    return box;
}

QWidget* LanguageModelPage::buildTraining() {
    auto* box = new QGroupBox(tr("Training"));
    m_weightDecay->setObjectName(QStringLiteral("weightDecaySpin"));
    m_weightDecay->setRange(0.0, 1.0);
    m_weightDecay->setDecimals(3);
    m_weightDecay->setSingleStep(0.01);
    m_checkpointMinutes->setObjectName(QStringLiteral("checkpointMinutesSpin"));
    m_checkpointMinutes->setRange(0.0, 1440.0);
    m_checkpointMinutes->setDecimals(1);
    m_checkpointMinutes->setSuffix(tr(" min"));
    m_checkpointMinutes->setSpecialValueText(tr("after epochs only"));
    m_checkpointMinutes->setToolTip(tr("Also save a checkpoint inside an epoch this often, so that a run "
                                       "interrupted half-way through a long epoch resumes where it was."));
    m_mixedPrecision->setObjectName(QStringLiteral("mixedPrecisionCheck"));
    m_mixedPrecision->setToolTip(tr("float16 on a CUDA GPU; bfloat16 on CPUs where it is faster (AMX, or AVX512-BF16 on "
                                    "AMD: about 1.5 times as fast). Weights and the loss stay float32."));
    m_device->setObjectName(QStringLiteral("deviceCombo"));
    m_device->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    m_seqLen->setToolTip(tr("BPTT length of the language model's batches (the book: 80)."));
    m_maxDocs->setSpecialValueText(tr("all"));
    m_maxDocs->setToolTip(
        tr("Train the language model on at most this many reviews (a shorter LM stage on a CPU)."));
    auto* form = new QFormLayout(box);
    form->addRow(tr("Batch size:"), m_batch);
    form->addRow(tr("Sequence length:"), m_seqLen);
    form->addRow(tr("Reviews for the LM:"), m_maxDocs);
    form->addRow(tr("drop_mult:"), m_dropMult);
    form->addRow(tr("Weight decay:"), m_weightDecay);
    form->addRow(tr("Checkpoint every:"), m_checkpointMinutes);
    form->addRow(tr("Device:"), m_device);
    form->addRow(m_mixedPrecision);
    return box;
}

void LanguageModelPage::setPretrainedModels(const PretrainedModelList& models) {
    m_start->setPretrainedModels(models);
}

// WikiText-103's weights fix the sizes; the other starts leave them to the user.
void LanguageModelPage::startChanged() {
    const bool wikiText = m_start->start() == PretrainedStartEditor::WikiText103;
    if (wikiText) {
        m_emb->setValue(kWikiTextEmb);
        m_hidden->setValue(kWikiTextHidden);
        m_layers->setValue(kWikiTextLayers);
    }
    for (QSpinBox* size : {m_emb, m_hidden, m_layers})
        size->setEnabled(!wikiText);
    updateScratchWarning();
    Q_EMIT completeChanged();
}

void LanguageModelPage::updateScratchWarning() {
    ulmfit::Recipe recipe; // only the scratch choice: an earlier model whose folder is not typed yet is no warning
    recipe.setStagesOf(StageModel::LanguageModel, m_stages->stages());
    m_start->setScratchWarningVisible(m_start->start() == PretrainedStartEditor::Scratch &&
                                      ulmfit::fineTunesFromScratch(recipe));
}

void LanguageModelPage::loadFrom(const ulmfit::Recipe& spec) {
    m_emb->setValue(spec.embSize);
    m_hidden->setValue(spec.hiddenSize);
    m_layers->setValue(spec.nLayers);
    m_batch->setValue(spec.lmBatchSize);
    m_seqLen->setValue(spec.lmSeqLen);
    m_maxDocs->setValue(spec.lmMaxDocs);
    m_dropMult->setValue(spec.lmDropMult);
    m_weightDecay->setValue(spec.weightDecay);
    m_checkpointMinutes->setValue(spec.checkpointMinutes);
    m_mixedPrecision->setChecked(spec.mixedPrecision);
    m_device->setCurrentIndex(std::max(0, m_device->findData(QString::fromStdString(spec.device))));
    m_stages->setStages(spec.stagesOf(StageModel::LanguageModel));
    const bool both = spec.directions.size() > 1;
    m_direction->setCurrentIndex(both ? 2 : spec.directions.front() == ulmfit::Direction::Backward ? 1 : 0);
    m_start->setPretrained(QString::fromStdString(spec.pretrained)); // after the sizes: WikiText-103 fixes them
    startChanged();
}

void LanguageModelPage::storeTo(ulmfit::Recipe& spec) const {
    spec.pretrained = m_start->pretrained().toStdString();
    const QString direction = m_direction->currentData().toString();
    if (direction == QLatin1String("both"))
        spec.directions = {ulmfit::Direction::Forward, ulmfit::Direction::Backward};
    else
        spec.directions = {direction == QLatin1String("bwd") ? ulmfit::Direction::Backward : ulmfit::Direction::Forward};
    spec.embSize = m_emb->value();
    spec.hiddenSize = m_hidden->value();
    spec.nLayers = m_layers->value();
    spec.lmBatchSize = m_batch->value();
    spec.lmSeqLen = m_seqLen->value();
    spec.lmMaxDocs = m_maxDocs->value();
    spec.lmDropMult = m_dropMult->value();
    spec.weightDecay = m_weightDecay->value();
    spec.checkpointMinutes = m_checkpointMinutes->value();
    spec.mixedPrecision = m_mixedPrecision->isChecked();
    spec.device = m_device->currentData().toString().toStdString();
    spec.setStagesOf(StageModel::LanguageModel, m_stages->stages());
}

// WikiText-103 must be installed, an earlier model named; scratch needs nothing more.
bool LanguageModelPage::isComplete() const {
    return m_start->isComplete() && !m_stages->stages().empty();
}

} // namespace ulmfit::ui
