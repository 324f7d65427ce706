#pragma once
// The TrainingObserver of one run: copies engine events into ui/training value types and hands
// them to the UI thread, batches coalesced to at most one delivery per interval.
#include "app/bridge/EngineWorker.h"
#include "train/TrainingObserver.h"
#include "ui/training/TrainingTypes.h"

#include <QElapsedTimer>
#include <QVector>

class TrainingBridge;

class TrainingEventForwarder : public ulmfit::TrainingObserver {
public:
    TrainingEventForwarder(TrainingBridge* bridge, JobContext& context, int intervalMs);

    void onProgress(const ulmfit::Progress& progress) override; // corpus building etc.
    void onMessage(const std::string& message) override;
    void onStage(const ulmfit::StageEvent& event) override;
    void onBatch(const ulmfit::BatchEvent& event) override;
    void onEpoch(const ulmfit::EpochEvent& event) override;
    void flush();

    static ulmfit::ui::BatchPoint toPoint(const ulmfit::BatchEvent& event);
    static ulmfit::ui::EpochRow toRow(const ulmfit::EpochEvent& event, qint64 step);

private:
    TrainingBridge* m_bridge;
    JobContext& m_context;
    int m_intervalMs;
    QElapsedTimer m_sinceFlush;
    QVector<ulmfit::ui::BatchPoint> m_points;
    qint64 m_lastStep = 0;
};
