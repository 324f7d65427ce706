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
    : RecipePage(parent), m_batch(intSpin("clasBatchSpin", 1, 1024)), m_seqLen(intSpin("clasSeqLenSpin", 8, 1024)),
      m_dropMult(dropMultSpin("clasDropMultSpin")),
      m_stages(new StagesEditor(StageModel::Classifier, QStringLiteral("clasStages"))) {
    setObjectName(QStringLiteral("classifierPage"));
    setTitle(tr("Classifier"));
    setSubTitle(tr("The classifier reuses the fine-tuned encoder and unfreezes it a few layer groups at a time."));
    auto* settings = new QGroupBox(tr("Training"));
    auto* form = new QFormLayout(settings);
    form->addRow(tr("Batch size:"), m_batch);
    form->addRow(tr("Sequence length:"), m_seqLen);
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

void ClassifierPage::loadFrom(const RecipeSpec& spec) {
    m_batch->setValue(spec.classifier.batchSize);
    m_seqLen->setValue(spec.classifier.seqLen);
    m_dropMult->setValue(spec.classifier.dropMult);
    m_stages->setStages(spec.stagesFor(StageModel::Classifier));
}

void ClassifierPage::storeTo(RecipeSpec& spec) const {
    spec.classifier.batchSize = m_batch->value();
    spec.classifier.seqLen = m_seqLen->value();
    spec.classifier.dropMult = m_dropMult->value();
    spec.setStagesFor(StageModel::Classifier, m_stages->stages());
}

bool ClassifierPage::isComplete() const {
    return !m_stages->stages().isEmpty();
}

} // namespace ulmfit::ui
