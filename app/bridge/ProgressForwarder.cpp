#include "app/bridge/ProgressForwarder.h"

#include <spdlog/spdlog.h>

using ulmfit::ui::ProgressInfo;

ProgressForwarder::ProgressForwarder(int intervalMs, Sink sink)
    : m_points(intervalMs), m_sink(std::move(sink)) {}

ProgressInfo ProgressForwarder::toInfo(const ulmfit::Progress& p) {
    return {QString::fromStdString(p.task),  p.done, p.total, p.rate, QString::fromStdString(p.unit),
            QString::fromStdString(p.detail)};
}

void ProgressForwarder::onProgress(const ulmfit::Progress& progress) {
    if (m_points.push(toInfo(progress)))
        flush();
}

void ProgressForwarder::onMessage(const std::string& message) {
    spdlog::info("{}", message);
}

void ProgressForwarder::flush() {
    if (!m_points.isEmpty())
        m_sink(m_points.take());
}
