#pragma once
#include "core/Error.h"

#include <atomic>

namespace ulmfit {

/// A flag another thread sets to stop long work; the work checks it at batch/chunk boundaries.
class CancelToken {
public:
    void cancel() noexcept { m_cancelled.store(true, std::memory_order_relaxed); }
    void reset() noexcept { m_cancelled.store(false, std::memory_order_relaxed); }
    bool cancelled() const noexcept { return m_cancelled.load(std::memory_order_relaxed); }
    void throwIfCancelled() const {
        if (cancelled())
            throw Cancelled();
    }

private:
    std::atomic<bool> m_cancelled{false};
};

/// Null-safe check for optional tokens passed as pointers.
inline void throwIfCancelled(const CancelToken* token) {
    if (token)
        token->throwIfCancelled();
}

} // namespace ulmfit
