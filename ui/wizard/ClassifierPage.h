#pragma once
// Wizard page 3: the classifier's loaders, dropout and gradual-unfreezing stages.
#include "wizard/RecipePage.h"

class QDoubleSpinBox;
class QSpinBox;

namespace ulmfit::ui {

class StagesEditor;

class ClassifierPage : public RecipePage {
    Q_OBJECT
  public:
    explicit ClassifierPage(QWidget* parent = nullptr);

    void loadFrom(const ulmfit::Recipe& recipe) override;
    void storeTo(ulmfit::Recipe& recipe) const override;
    bool isComplete() const override;
    StagesEditor* stagesEditor() const { return m_stages; }

  private:
    QSpinBox* m_batch;
    QSpinBox* m_chunkLength;
    QSpinBox* m_maxDocTokens;
    QDoubleSpinBox* m_dropMult;
    StagesEditor* m_stages;
};

} // namespace ulmfit::ui
