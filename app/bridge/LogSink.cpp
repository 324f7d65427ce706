#include "app/bridge/LogSink.h"

#include <chrono>

using namespace ulmfit::ui;

LogRecords LogSink::take() {
    std::lock_guard<std::mutex> lock(m_bufferMutex);
    return m_buffer.take();
}

int LogSink::dropped() {
    std::lock_guard<std::mutex> lock(m_bufferMutex);
    return m_buffer.dropped();
}

void LogSink::sink_it_(const spdlog::details::log_msg& message) {
    LogRecord record;
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(message.time.time_since_epoch());
    record.time = QDateTime::fromMSecsSinceEpoch(ms.count());
    record.level = LogLevel(qBound(0, int(message.level), int(LogLevel::Critical)));
    record.logger = QString::fromUtf8(message.logger_name.data(), int(message.logger_name.size()));
    record.message = QString::fromUtf8(message.payload.data(), int(message.payload.size()));
    std::lock_guard<std::mutex> lock(m_bufferMutex);
    m_buffer.push(std::move(record)); // the forwarder's timer decides when the UI takes them
}
