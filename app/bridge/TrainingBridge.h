#pragma once
// Runs the engine's RecipeRunner on an owned worker thread and turns its TrainingObserver events
// into the training view's value types: batches of points at most ~15 times a second, epoch rows,
// stage starts. Cancel and pause reach the runner at the next batch boundary.
#include "app/bridge/EngineWorker.h"
#include "ui/training/TrainingTypes.h"
#include "ui/wizard/RecipeSpec.h"

#include <QObject>

#include <memory>

namespace ulmfit {
class PauseGate;
}

class TrainingBridge : public QObject {
    Q_OBJECT
public:
    explicit TrainingBridge(QObject* parent = nullptr);
    ~TrainingBridge() override; // cancels the run and joins the worker

    static constexpr const char* kTask = "train";
    EngineWorker* worker() const { return m_worker.get(); }
    bool isRunning() const { return m_worker->isBusy(); }

    void start(const ulmfit::ui::TrainingRequest& request); // outputDir must be set
    void cancel();
    void setPaused(bool paused);

    static ulmfit::ui::RunPlan planFor(const ulmfit::ui::RecipeSpec& recipe);

Q_SIGNALS:
    void runStarted(const ulmfit::ui::RunPlan& plan);
    void stageStarted(const ulmfit::ui::StageInfo& stage);
    void batchesReady(const QVector<ulmfit::ui::BatchPoint>& points);
    void epochEnded(const ulmfit::ui::EpochRow& row);
    void runFinished(const QString& outputDir, double accuracy);
    void runCancelled();
    void runFailed(const QString& message);
    void message(const QString& text);

private:
    std::shared_ptr<ulmfit::PauseGate> m_pause;
    std::unique_ptr<EngineWorker> m_worker;
};
