#pragma once
#include "core/CancelToken.h"

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace ulmfit {

/// Pause/resume for long work: the worker calls wait() between batches and blocks while
/// paused, still waking up to honour a cancel.
class PauseGate {
public:
    void pause() {
        std::lock_guard lock(m_mutex);
        m_paused = true;
    }
    void resume() {
        {
            std::lock_guard lock(m_mutex);
            m_paused = false;
        }
        m_changed.notify_all();
    }
    bool paused() const {
        std::lock_guard lock(m_mutex);
        return m_paused;
    }
    /// Blocks while paused; throws Cancelled if `cancel` is set meanwhile.
    void wait(const CancelToken* cancel) {
        std::unique_lock lock(m_mutex);
        while (m_paused) {
            if (cancel && cancel->cancelled())
                break;
            m_changed.wait_for(lock, std::chrono::milliseconds(50));
        }
        lock.unlock();
        throwIfCancelled(cancel);
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    bool m_paused = false;
};

} // namespace ulmfit
