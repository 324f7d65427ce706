#include "wizard/LanguageModelPage.h"

#include "wizard/StagesEditor.h"
#include "wizard/WizardWidgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QVBoxLayout>

namespace ulmfit::ui {

using namespace WizardWidgets;

LanguageModelPage::LanguageModelPage(QWidget* parent)
    : RecipePage(parent), m_source(new QComboBox), m_pretrainedPath(new QLineEdit),
      m_emb(intSpin("embSpin", 16, 2048, 8)), m_hidden(intSpin("hiddenSpin", 16, 4096, 8)),
      m_layers(intSpin("layersSpin", 1, 6)), m_batch(intSpin("lmBatchSpin", 1, 1024)),
      m_seqLen(intSpin("lmSeqLenSpin", 8, 1024)), m_dropMult(dropMultSpin("lmDropMultSpin")),
      m_mixedPrecision(new QCheckBox(tr("Mixed precision (fp16 on CUDA)"))), m_device(new QComboBox),
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
}

QWidget* LanguageModelPage::buildArchitecture() {
    auto* box = new QGroupBox(tr("Model"));
    m_source->setObjectName(QStringLiteral("lmSourceCombo"));
    m_source->addItem(tr("Pretrained AWD-LSTM (WikiText-103)"), int(LmSource::Pretrained));
    m_source->addItem(tr("From scratch"), int(LmSource::Scratch));
    connect(m_source, &QComboBox::currentIndexChanged, this, &LanguageModelPage::updateSourceWidgets);
    m_pretrainedPath->setObjectName(QStringLiteral("pretrainedEdit"));
    m_pretrainedPath->setPlaceholderText(tr("built-in weights"));
    auto* form = new QFormLayout(box);
    form->addRow(tr("Source:"), m_source);
    form->addRow(tr("Weights file:"), m_pretrainedPath);
    form->addRow(tr("Embedding size:"), m_emb);
    form->addRow(tr("Hidden size:"), m_hidden);
    form->addRow(tr("LSTM layers:"), m_layers);
    return box;
}

QWidget* LanguageModelPage::buildTraining() {
    auto* box = new QGroupBox(tr("Training"));
    m_mixedPrecision->setObjectName(QStringLiteral("mixedPrecisionCheck"));
    m_device->setObjectName(QStringLiteral("deviceCombo"));
    m_device->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    auto* form = new QFormLayout(box);
    form->addRow(tr("Batch size:"), m_batch);
    form->addRow(tr("Sequence length:"), m_seqLen);
    form->addRow(tr("drop_mult:"), m_dropMult);
    form->addRow(tr("Device:"), m_device);
    form->addRow(m_mixedPrecision);
    return box;
}

// The pretrained weights fix the architecture (400/1152/3); only a scratch model can change it.
void LanguageModelPage::updateSourceWidgets() {
    const bool scratch = m_source->currentData().toInt() == int(LmSource::Scratch);
    m_pretrainedPath->setEnabled(!scratch);
    for (auto* spin : {m_emb, m_hidden, m_layers})
        spin->setEnabled(scratch);
}

void LanguageModelPage::loadFrom(const RecipeSpec& spec) {
    m_source->setCurrentIndex(m_source->findData(int(spec.lm.source)));
    m_pretrainedPath->setText(spec.lm.pretrainedPath);
    m_emb->setValue(spec.lm.embSize);
    m_hidden->setValue(spec.lm.hiddenSize);
    m_layers->setValue(spec.lm.layers);
    m_batch->setValue(spec.lm.batchSize);
    m_seqLen->setValue(spec.lm.seqLen);
    m_dropMult->setValue(spec.lm.dropMult);
    m_mixedPrecision->setChecked(spec.mixedPrecision);
    m_device->setCurrentIndex(std::max(0, m_device->findData(spec.device)));
    m_stages->setStages(spec.stagesFor(StageModel::LanguageModel));
    updateSourceWidgets();
}

void LanguageModelPage::storeTo(RecipeSpec& spec) const {
    spec.lm.source = LmSource(m_source->currentData().toInt());
    spec.lm.pretrainedPath = m_pretrainedPath->text().trimmed();
    spec.lm.embSize = m_emb->value();
    spec.lm.hiddenSize = m_hidden->value();
    spec.lm.layers = m_layers->value();
    spec.lm.batchSize = m_batch->value();
    spec.lm.seqLen = m_seqLen->value();
    spec.lm.dropMult = m_dropMult->value();
    spec.mixedPrecision = m_mixedPrecision->isChecked();
    spec.device = m_device->currentData().toString();
    spec.setStagesFor(StageModel::LanguageModel, m_stages->stages());
}

bool LanguageModelPage::isComplete() const {
    return !m_stages->stages().isEmpty();
}

} // namespace ulmfit::ui
