#pragma once
// Runs the engine's RecipeRunner on an owned worker thread and turns its TrainingObserver events
// into the training view's value types: batches of points at most ~15 times a second, epoch rows,
// stage starts, the data preparation's progress. Cancel and pause reach the runner at the next
// batch boundary.
#include "app/bridge/EngineWorker.h"
#include "app/bridge/TrainingEventForwarder.h"
#include "ui/types/TrainingRequest.h"
#include "ui/types/TrainingTypes.h"

#include <QObject>

#include <memory>

namespace ulmfit {
class PauseGate;
}

class TrainingBridge : public QObject, private TrainingEventSink {
    Q_OBJECT
  public:
    explicit TrainingBridge(QObject* parent = nullptr);
    ~TrainingBridge() override; // cancels the run and joins the worker

    bool isRunning() const { return m_worker->isBusy(); }

    JobHandle* start(const ulmfit::ui::TrainingRequest& request); // outputDir must be set
    /// fastai's lr_find for stage `stage` of `model` (0 = its first), on the same worker as runs, so it
    /// never competes with one. Answers with lrFound. An empty outputDir uses a per-user scratch folder
    /// (an archive is extracted there once); a run folder with an encoder.pt seeds the classifier.
    JobHandle* findLearningRate(const ulmfit::ui::TrainingRequest& request, ulmfit::RecipeStage::Model model,
                                int stage);
    void cancel();
    void setPaused(bool paused);

    static ulmfit::ui::RunPlan planFor(const ulmfit::Recipe& recipe);
    /// The recipe of the run in `folder` (its recipe.json), to resume it; throws ulmfit::Error with what
    /// to choose instead when the folder is not a run's.
    static ulmfit::Recipe runRecipe(const QString& folder);
    /// The dataset to resume the run in `folder` on (RunFolder::datasetToResume); empty, with `why`
    /// set to the reason, when there is none.
    static QString runDataset(const QString& folder, QString* why);
    /// Why the run in `folder` has nothing left to resume (it finished); empty when it has.
    static QString finishedRunNote(const ulmfit::Recipe& recipe, const QString& folder);

  Q_SIGNALS:
    void runStarted(const ulmfit::ui::RunPlan& plan);
    void preparing(const ulmfit::ui::ProgressInfo& progress); // data and corpus before the first stage
    void stageStarted(const ulmfit::ui::StageInfo& stage);
    void batchesReady(const QVector<ulmfit::ui::BatchPoint>& points);
    void epochEnded(const ulmfit::ui::EpochRow& row);
    void runFinished(const QString& outputDir, double accuracy);
    void runCancelled();
    void runFailed(const QString& message);
    void message(const QString& text); // the engine's notes ("saved the encoder to …")
    void lrFound(const ulmfit::ui::LrFinderCurve& curve);
    /// The worker took its first job or finished its last (a run's or an LR search's clean-up included).
    void busyChanged(bool busy);

  private:
    // TrainingEventSink: the run's forwarder calls these on the UI thread.
    void onStageStarted(const ulmfit::ui::StageInfo& stage) override { Q_EMIT stageStarted(stage); }
    void onBatches(const QVector<ulmfit::ui::BatchPoint>& points) override { Q_EMIT batchesReady(points); }
    void onEpochEnded(const ulmfit::ui::EpochRow& row) override { Q_EMIT epochEnded(row); }
    void onEngineMessage(const QString& text) override { Q_EMIT message(text); }

    std::shared_ptr<ulmfit::PauseGate> m_pause;
    std::unique_ptr<EngineWorker> m_worker;
};
