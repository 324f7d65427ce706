#pragma once
// The training wizard: data -> language model -> classifier -> summary, then startTrainingRequested.
// Presets fill every page; recipes load from and save to the engine's JSON format.
#include "types/ProgressInfo.h"
#include "types/TrainingRequest.h"

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

    ulmfit::Recipe recipe() const;   // what the pages show now
    TrainingRequest request() const; // the recipe plus dataset and output folder
    void setRecipe(const ulmfit::Recipe& recipe);
    void setDataPath(const QString& path);
    void setOutputDir(const QString& path);
    void setTokenizeAvailable(bool available);
    void applyPreset(const QString& name); // the dataset and output folder stay
    bool saveRecipe(const QString& path, QString* error = nullptr) const;
    bool loadRecipe(const QString& path, QString* error = nullptr);

    void accept() override;

  public Q_SLOTS:
    void setTokenizeProgress(const ProgressInfo& progress);
    void tokenizeFinished(bool ok, const QString& summary);

  Q_SIGNALS:
    void startTrainingRequested(const ulmfit::ui::TrainingRequest& request);
    void tokenizeRequested(const QString& datasetPath);

  private:
    void setUpButtons();
    void chooseAndLoad();
    void chooseAndSave();
    QList<RecipePage*> recipePages() const;

    ulmfit::Recipe m_base; // fields no page edits (the name) come from here
    DataPage* m_data;
    LanguageModelPage* m_lm;
    ClassifierPage* m_classifier;
    SummaryPage* m_summary;
};

} // namespace ulmfit::ui
