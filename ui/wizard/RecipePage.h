#pragma once
// A wizard page that shows part of a Recipe and writes the user's edits back into it.
#include "types/TrainingRequest.h"

#include <QWizardPage>

namespace ulmfit::ui {

class RecipePage : public QWizardPage {
    Q_OBJECT
  public:
    using QWizardPage::QWizardPage;

    virtual void loadFrom(const ulmfit::Recipe& recipe) = 0;
    virtual void storeTo(ulmfit::Recipe& recipe) const = 0;
};

} // namespace ulmfit::ui
