#include "app/bridge/TrainingEventForwarder.h"

#include "app/bridge/TrainingBridge.h"

using namespace ulmfit::ui;

TrainingEventForwarder::TrainingEventForwarder(TrainingBridge* bridge, JobContext& context, int intervalMs)
    : m_bridge(bridge), m_context(context), m_intervalMs(intervalMs) {
    m_sinceFlush.start();
}

void TrainingEventForwarder::onProgress(const ulmfit::Progress& progress) {
    if (auto* observer = m_context.observer())
        observer->onProgress(progress);
}

void TrainingEventForwarder::onMessage(const std::string& text) {
    if (auto* observer = m_context.observer())
        observer->onMessage(text);
    m_context.deliver([bridge = m_bridge, message = QString::fromStdString(text)] { Q_EMIT bridge->message(message); });
}

BatchPoint TrainingEventForwarder::toPoint(const ulmfit::BatchEvent& e) {
    return BatchPoint{e.stageIndex, e.epoch, e.batch + 1, e.totalBatches, qint64(e.globalStep),
                      e.loss, e.smoothedLoss, e.lr, e.momentum};
}

EpochRow TrainingEventForwarder::toRow(const ulmfit::EpochEvent& e, qint64 step) {
    return EpochRow{e.stageIndex, e.epoch, step, e.trainLoss, e.validLoss, e.accuracy,
                    e.hasPerplexity ? e.perplexity : kNoValue, e.seconds};
}

void TrainingEventForwarder::onStage(const ulmfit::StageEvent& event) {
    if (event.kind != ulmfit::StageEvent::Kind::Started)
        return;
    flush();
    StageInfo info;
    info.index = event.stageIndex;
    info.title = QString::fromStdString(event.description);
    info.classifier = event.stageName == "classifier";
    info.firstStep = m_lastStep;
    m_context.deliver([bridge = m_bridge, info] { Q_EMIT bridge->stageStarted(info); });
}

void TrainingEventForwarder::onBatch(const ulmfit::BatchEvent& event) {
    m_points.append(toPoint(event));
    m_lastStep = qint64(event.globalStep);
    if (m_sinceFlush.elapsed() >= m_intervalMs)
        flush();
}

void TrainingEventForwarder::onEpoch(const ulmfit::EpochEvent& event) {
    flush(); // the row is plotted after the batches that led to it
    const EpochRow row = toRow(event, m_lastStep);
    m_context.deliver([bridge = m_bridge, row] { Q_EMIT bridge->epochEnded(row); });
}

void TrainingEventForwarder::flush() {
    m_sinceFlush.restart();
    if (m_points.isEmpty())
        return;
    m_context.deliver([bridge = m_bridge, points = std::move(m_points)] { Q_EMIT bridge->batchesReady(points); });
    m_points = {};
}
