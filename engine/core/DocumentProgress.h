#pragma once
#include "core/Observer.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>

namespace ulmfit {

/// Counts documents finished by worker threads and reports them to an observer, serialised and
/// throttled to about ten reports a second (the last one always goes out).
class DocumentProgress {
public:
    DocumentProgress(Observer* observer, std::size_t total, std::string task)
        : m_observer(observer), m_total(total), m_task(std::move(task)) {}

    void add(std::size_t docs) {
        const std::size_t done = m_done.fetch_add(docs) + docs;
        if (!m_observer)
            return;
        std::lock_guard lock(m_mutex);
        const auto now = Clock::now();
        if (done < m_total && now - m_lastReport < kProgressReportInterval)
            return;
        m_lastReport = now;
        const double seconds = std::chrono::duration<double>(now - m_start).count();
        m_observer->onProgress(
            {m_task, double(done), double(m_total), seconds > 0 ? double(done) / seconds : 0.0, "docs", {}});
    }

private:
    using Clock = std::chrono::steady_clock;
    Observer* m_observer;
    std::size_t m_total;
    std::string m_task;
    std::atomic<std::size_t> m_done{0};
    std::mutex m_mutex;
    Clock::time_point m_start = Clock::now();
    Clock::time_point m_lastReport{};
};

} // namespace ulmfit
