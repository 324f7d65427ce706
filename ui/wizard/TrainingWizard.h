#pragma once
// The training wizard: data -> language model -> classifier -> summary, then startTrainingRequested.
// Presets fill every page; recipes load from and save to the engine's JSON format.
#include "common/ProgressInfo.h"
#include "wizard/RecipeSpec.h"

#include <QWizard>

namespace ulmfit::ui {

class ClassifierPage;
class DataPage;
class LanguageModelPage;
class RecipePage;
class SummaryPage;

class TrainingWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { DataPageId, LanguageModelPageId, ClassifierPageId, SummaryPageId };

    explicit TrainingWizard(QWidget* parent = nullptr);

    RecipeSpec recipe() const; // what the pages show now
    void setRecipe(const RecipeSpec& spec);
    void applyPreset(const QString& name); // keeps the chosen dataset
    bool saveRecipe(const QString& path, QString* error = nullptr) const;
    bool loadRecipe(const QString& path, QString* error = nullptr);

    void accept() override;

public Q_SLOTS:
    void setTokenizeProgress(const ProgressInfo& progress);
    void tokenizeFinished(bool ok, const QString& summary);

Q_SIGNALS:
    void startTrainingRequested(const ulmfit::ui::RecipeSpec& recipe);
    void tokenizeRequested(const QString& datasetPath, int maxDocsPerClass);

private:
    void setUpButtons();
    void chooseAndLoad();
    void chooseAndSave();
    QList<RecipePage*> recipePages() const;

    RecipeSpec m_base; // fields no page edits (the name) come from here
    DataPage* m_data;
    LanguageModelPage* m_lm;
    ClassifierPage* m_classifier;
    SummaryPage* m_summary;
};

} // namespace ulmfit::ui
