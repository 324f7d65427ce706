#pragma once
// Wizard page 4: the whole recipe in the book's notation, read back before training starts.
#include "wizard/RecipePage.h"

#include <functional>

class QPlainTextEdit;

namespace ulmfit::ui {

class SummaryPage : public RecipePage {
    Q_OBJECT
  public:
    using RecipeProvider = std::function<TrainingRequest()>;
    explicit SummaryPage(RecipeProvider provider, QWidget* parent = nullptr);

    void initializePage() override;
    void loadFrom(const ulmfit::Recipe& recipe) override; // shows the recipe without run options
    void storeTo(ulmfit::Recipe&) const override {}

    static QString describe(const TrainingRequest& request);

  private:
    RecipeProvider m_provider;
    QPlainTextEdit* m_text;
};

} // namespace ulmfit::ui
