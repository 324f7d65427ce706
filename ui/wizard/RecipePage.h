#pragma once
// A wizard page that shows part of a RecipeSpec and writes the user's edits back into it.
#include "wizard/RecipeSpec.h"

#include <QWizardPage>

namespace ulmfit::ui {

class RecipePage : public QWizardPage {
    Q_OBJECT
public:
    using QWizardPage::QWizardPage;

    virtual void loadFrom(const RecipeSpec& spec) = 0;
    virtual void storeTo(RecipeSpec& spec) const = 0;
};

} // namespace ulmfit::ui
