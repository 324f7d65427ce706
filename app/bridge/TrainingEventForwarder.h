#pragma once
// The TrainingObserver of one run: copies engine events into ui/training value types and pushes
// them, on the UI thread, into the sink its owner gives it; batches go through a ThrottledBuffer.
#include "app/bridge/EngineWorker.h"
#include "app/bridge/ThrottledBuffer.h"
#include "train/TrainingObserver.h"
#include "ui/types/TrainingTypes.h"

/// Where a run's events arrive, on the UI thread (TrainingBridge turns them into its signals).
class TrainingEventSink {
  public:
    virtual ~TrainingEventSink() = default;
    virtual void onStageStarted(const ulmfit::ui::StageInfo& stage) = 0;
    virtual void onBatches(const QVector<ulmfit::ui::BatchPoint>& points) = 0;
    virtual void onEpochEnded(const ulmfit::ui::EpochRow& row) = 0;
    virtual void onEngineMessage(const QString& text) = 0;
};

class TrainingEventForwarder : public ulmfit::TrainingObserver {
  public:
    TrainingEventForwarder(TrainingEventSink* sink, JobContext& context, int intervalMs);

    void onProgress(const ulmfit::Progress& progress) override; // corpus building etc.: the job's progress
    void onMessage(const std::string& message) override;
    void onStage(const ulmfit::StageEvent& event) override;
    void onBatch(const ulmfit::BatchEvent& event) override;
    void onEpoch(const ulmfit::EpochEvent& event) override;
    void flush();

    static ulmfit::ui::BatchPoint toPoint(const ulmfit::BatchEvent& event);
    static ulmfit::ui::EpochRow toRow(const ulmfit::EpochEvent& event, qint64 step);

  private:
    TrainingEventSink* m_sink;
    JobContext& m_context;
    ThrottledBuffer<ulmfit::ui::BatchPoint> m_points;
    qint64 m_lastStep = 0;
};
