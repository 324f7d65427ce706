#pragma once
// The training wizard: data -> language model -> classifier -> summary, then startTrainingRequested.
// Presets fill every page; recipes load from and save to the engine's JSON format.
#include "types/PretrainedModels.h"
#include "types/ProgressInfo.h"
#include "types/TrainingRequest.h"
#include "types/TrainingTypes.h"

#include <QWizard>

namespace ulmfit::ui {

class ClassifierPage;
class DataPage;
class LanguageModelPage;
class LrFinderDialog;
class StagesEditor;
class RecipePage;
class SummaryPage;

class TrainingWizard : public QWizard {
    Q_OBJECT
  public:
    enum PageId { DataPageId, LanguageModelPageId, ClassifierPageId, SummaryPageId };

    explicit TrainingWizard(QWidget* parent = nullptr);

    ulmfit::Recipe recipe() const;   // what the pages show now
    TrainingRequest request() const; // the recipe plus dataset and output folder
    void setRecipe(const ulmfit::Recipe& recipe);
    void setDataPath(const QString& path);
    void setOutputDir(const QString& path);
    void setTokenizeAvailable(bool available);
    /// The installed pretrained models (refreshed after a download or an import).
    void setPretrainedModels(const PretrainedModelList& models);
    void applyPreset(const QString& name); // the dataset and output folder stay
    bool saveRecipe(const QString& path, QString* error = nullptr) const;
    bool loadRecipe(const QString& path, QString* error = nullptr);

    void accept() override;

  public Q_SLOTS:
    void setTokenizeProgress(const ProgressInfo& progress);
    void tokenizeFinished(bool ok, const QString& summary);
    // The answers to lrFindRequested, shown in the lr_find dialog.
    void setLrFindProgress(const ProgressInfo& progress);
    void showLrCurve(const ulmfit::ui::LrFinderCurve& curve);
    void lrFindFailed(const QString& message);
    void lrFindCancelled();

  Q_SIGNALS:
    void startTrainingRequested(const ulmfit::ui::TrainingRequest& request);
    void tokenizeRequested(const QString& datasetPath);
    void pretrainedDownloadRequested(const QString& name);
    void pretrainedImportRequested(const QString& name, const QString& archiveOrFolder);
    /// lr_find for stage `stage` of `model` in the recipe the pages show now.
    void lrFindRequested(const ulmfit::ui::TrainingRequest& request, ulmfit::RecipeStage::Model model, int stage);
    void lrFindCancelRequested();

  private:
    void setUpButtons();
    void chooseAndLoad();
    void chooseAndSave();
    QList<RecipePage*> recipePages() const;
    StagesEditor* stagesEditor(ulmfit::RecipeStage::Model model) const;
    void findLearningRate(ulmfit::RecipeStage::Model model, int stage);
    LrFinderDialog* lrFinder(); // created on first use

    ulmfit::Recipe m_base; // fields no page edits (the name) come from here
    DataPage* m_data;
    LanguageModelPage* m_lm;
    ClassifierPage* m_classifier;
    SummaryPage* m_summary;
    LrFinderDialog* m_lrFinder = nullptr;
    ulmfit::RecipeStage::Model m_lrFindModel = ulmfit::RecipeStage::Model::LanguageModel;
    int m_lrFindStage = 0;
};

} // namespace ulmfit::ui
