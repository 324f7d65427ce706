#pragma once
#include "app/bridge/ThrottledBuffer.h"
#include "ui/types/LogRecord.h"

#include <spdlog/sinks/base_sink.h>

#include <mutex>

/// An spdlog sink that keeps records in memory until the UI thread takes them (LogForwarder,
/// every 100 ms), so logging from any thread never waits for the UI and a burst of lines reaches
/// the view as one batch. When nobody takes them it keeps the newest `capacity` lines.
class LogSink : public spdlog::sinks::base_sink<std::mutex> {
  public:
    explicit LogSink(int capacity = 5000) : m_buffer(0, capacity) {}
    ulmfit::ui::LogRecords take(); // thread-safe
    int dropped();                 // thread-safe

  protected:
    void sink_it_(const spdlog::details::log_msg& message) override;
    void flush_() override {}

  private:
    std::mutex m_bufferMutex;
    ThrottledBuffer<ulmfit::ui::LogRecord> m_buffer; // guarded by m_bufferMutex
};
