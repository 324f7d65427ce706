#include "app/bridge/TrainingEventForwarder.h"

using namespace ulmfit::ui;

TrainingEventForwarder::TrainingEventForwarder(TrainingEventSink* sink, JobContext& context, int intervalMs)
    : m_sink(sink), m_context(context), m_points(intervalMs) {}

void TrainingEventForwarder::onProgress(const ulmfit::Progress& progress) {
    if (auto* observer = m_context.observer())
        observer->onProgress(progress);
}

void TrainingEventForwarder::onMessage(const std::string& text) {
    if (auto* observer = m_context.observer())
        observer->onMessage(text); // the log
    m_context.deliver(
        [sink = m_sink, message = QString::fromStdString(text)] { sink->onEngineMessage(message); });
}

BatchPoint TrainingEventForwarder::toPoint(const ulmfit::BatchEvent& e) {
    return BatchPoint{e.stageIndex, e.epoch,        e.batch + 1, e.totalBatches, qint64(e.globalStep),
                      e.loss,       e.smoothedLoss, e.lr,        e.momentum};
}

EpochRow TrainingEventForwarder::toRow(const ulmfit::EpochEvent& e, qint64 step) {
    return EpochRow{e.stageIndex,
                    e.epoch,
                    step,
                    e.trainLoss,
                    e.validLoss,
                    e.accuracy,
                    e.hasPerplexity ? e.perplexity : kNoValue,
                    e.seconds};
}

void TrainingEventForwarder::onStage(const ulmfit::StageEvent& event) {
    if (event.kind != ulmfit::StageEvent::Kind::Started)
        return;
    flush();
    StageInfo info;
    info.index = event.stageIndex;
    info.stage = event.stage;
    info.classifier = event.stageName == "classifier";
    info.epochs = event.stage.epochs;
    info.firstStep = m_lastStep;
    m_context.deliver([sink = m_sink, info] { sink->onStageStarted(info); });
}

void TrainingEventForwarder::onBatch(const ulmfit::BatchEvent& event) {
    m_lastStep = qint64(event.globalStep);
    if (m_points.push(toPoint(event)))
        flush();
}

void TrainingEventForwarder::onEpoch(const ulmfit::EpochEvent& event) {
    flush(); // the row is plotted after the batches that led to it
    const EpochRow row = toRow(event, m_lastStep);
    m_context.deliver([sink = m_sink, row] { sink->onEpochEnded(row); });
}

void TrainingEventForwarder::flush() {
    if (m_points.isEmpty())
        return;
    m_context.deliver([sink = m_sink, points = m_points.take()] { sink->onBatches(points); });
}
