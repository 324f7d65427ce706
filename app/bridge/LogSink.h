#pragma once
#include "ui/log/LogRecord.h"

#include <spdlog/sinks/base_sink.h>

#include <mutex>

/// An spdlog sink that keeps records in memory until the UI thread takes them, so logging from
/// any thread never waits for the UI and a burst of lines reaches the view as one batch.
class LogSink : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit LogSink(int capacity = 5000) : m_capacity(capacity) {}
    LogRecords take(); // thread-safe
    int dropped() const { return m_dropped; }

protected:
    void sink_it_(const spdlog::details::log_msg& message) override;
    void flush_() override {}

private:
    std::mutex m_bufferMutex;
    LogRecords m_buffer;
    int m_capacity;
    int m_dropped = 0;
};
