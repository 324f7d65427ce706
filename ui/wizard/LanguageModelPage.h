#pragma once
// Wizard page 2: the language model (pretrained or from scratch), its hyper-parameters, the device,
// and its fine-tuning stages.
#include "types/PretrainedModels.h"
#include "wizard/RecipePage.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace ulmfit::ui {

class PretrainedStartEditor;
class StagesEditor;

class LanguageModelPage : public RecipePage {
    Q_OBJECT
  public:
    explicit LanguageModelPage(QWidget* parent = nullptr);

    void loadFrom(const ulmfit::Recipe& recipe) override;
    void storeTo(ulmfit::Recipe& recipe) const override;
    bool isComplete() const override;
    void setPretrainedModels(const PretrainedModelList& models);
    StagesEditor* stagesEditor() const { return m_stages; }

  Q_SIGNALS:
    void pretrainedDownloadRequested(const QString& name);
    void pretrainedImportRequested(const QString& name, const QString& archiveOrFolder);

  private:
    QWidget* buildArchitecture();
    QWidget* buildTraining();
    void startChanged();
    void updateScratchWarning();

    PretrainedStartEditor* m_start;
    QComboBox* m_direction;
    QSpinBox* m_emb;
    QSpinBox* m_hidden;
    QSpinBox* m_layers;
    QSpinBox* m_batch;
    QSpinBox* m_seqLen;
    QSpinBox* m_maxDocs;
    QDoubleSpinBox* m_dropMult;
    QDoubleSpinBox* m_weightDecay;
    QDoubleSpinBox* m_checkpointMinutes;
    QCheckBox* m_mixedPrecision;
    QComboBox* m_device;
    StagesEditor* m_stages;
};

} // namespace ulmfit::ui
