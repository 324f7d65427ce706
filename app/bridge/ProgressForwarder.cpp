#include "app/bridge/ProgressForwarder.h"

#include "app/bridge/EngineWorker.h"

#include <spdlog/spdlog.h>

ProgressForwarder::ProgressForwarder(EngineWorker* worker, int intervalMs)
    : m_worker(worker), m_intervalMs(intervalMs) {
    m_sinceFlush.start();
}

ProgressInfo ProgressForwarder::toInfo(const ulmfit::Progress& p) {
    return {QString::fromStdString(p.task), p.done, p.total, p.rate, QString::fromStdString(p.unit),
            QString::fromStdString(p.detail)};
}

void ProgressForwarder::onProgress(const ulmfit::Progress& progress) {
    m_points.push_back(toInfo(progress));
    if (m_sinceFlush.elapsed() >= m_intervalMs)
        flush();
}

void ProgressForwarder::onMessage(const std::string& message) { spdlog::info("{}", message); }

void ProgressForwarder::flush() {
    m_sinceFlush.restart();
    if (m_points.isEmpty())
        return;
    QVector<ProgressInfo> points;
    points.swap(m_points);
    EngineWorker* worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, points] { Q_EMIT worker->progressed(points); }, Qt::QueuedConnection);
}
