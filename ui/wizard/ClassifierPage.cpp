#include "wizard/ClassifierPage.h"

#include "wizard/StagesEditor.h"
#include "wizard/WizardWidgets.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QVBoxLayout>

namespace ulmfit::ui {

using namespace WizardWidgets;

ClassifierPage::ClassifierPage(QWidget* parent)
    : RecipePage(parent), m_batch(intSpin("clasBatchSpin", 1, 1024)), m_chunkLength(intSpin("clasSeqLenSpin", 8, 1024)),
      m_maxDocTokens(intSpin("maxDocTokensSpin", 0, 100000, 64)),
      m_dropMult(dropMultSpin("clasDropMultSpin")),
      m_stages(new StagesEditor(StageModel::Classifier, QStringLiteral("clasStages"))) {
    setObjectName(QStringLiteral("classifierPage"));
    setTitle(tr("Classifier"));
    setSubTitle(
        tr("The classifier reuses the fine-tuned encoder and unfreezes it a few layer groups at a time."));
    auto* settings = new QGroupBox(tr("Training"));
    auto* form = new QFormLayout(settings);
    form->addRow(tr("Batch size:"), m_batch);
    m_chunkLength->setToolTip(tr("The encoder reads each review in chunks of this many tokens (the book: 72)."));
    form->addRow(tr("Chunk length:"), m_chunkLength);
    m_maxDocTokens->setSpecialValueText(tr("whole review"));
    form->addRow(tr("Tokens read per review:"), m_maxDocTokens);
    form->addRow(tr("drop_mult:"), m_dropMult);
    auto* stagesBox = new QGroupBox(tr("Stages (gradual unfreezing)"));
    auto* stagesLayout = new QVBoxLayout(stagesBox);
    auto* hint = new QLabel(tr("Double-click a cell to edit. Freeze -1 trains the head only, 0 unfreezes "
                               "everything; rates are 2e-2 or slice(1e-2/2.6**4, 1e-2)."));
    hint->setWordWrap(true);
    stagesLayout->addWidget(hint);
    stagesLayout->addWidget(m_stages);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(settings);
    layout->addWidget(stagesBox, 1);
    connect(m_stages, &StagesEditor::stagesChanged, this, &QWizardPage::completeChanged);
}

void ClassifierPage::loadFrom(const ulmfit::Recipe& spec) {
    m_batch->setValue(spec.classifierBatchSize);
    m_chunkLength->setValue(spec.seqLen);
    m_maxDocTokens->setValue(spec.maxDocTokens);
    m_dropMult->setValue(spec.classifierDropMult);
    m_stages->setStages(spec.stagesOf(StageModel::Classifier));
}

void ClassifierPage::storeTo(ulmfit::Recipe& spec) const {
    spec.classifierBatchSize = m_batch->value();
    spec.seqLen = m_chunkLength->value();
    spec.maxDocTokens = m_maxDocTokens->value();
    spec.classifierDropMult = m_dropMult->value();
    spec.setStagesOf(StageModel::Classifier, m_stages->stages());
}

bool ClassifierPage::isComplete() const {
    return !m_stages->stages().empty();
}

} // namespace ulmfit::ui
