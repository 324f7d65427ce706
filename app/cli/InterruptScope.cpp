#include "InterruptScope.h"

#include <atomic>
#include <csignal>

namespace ulmfit::cli {
namespace {

// A lock-free atomic load and store are async-signal-safe.
std::atomic<CancelToken*> g_interruptToken{nullptr};
static_assert(std::atomic<CancelToken*>::is_always_lock_free);

extern "C" void cancelOnInterrupt(int) {
    if (CancelToken* token = g_interruptToken.load())
        token->cancel();
}

} // namespace

InterruptScope::InterruptScope(CancelToken& token)
    : m_previousToken(g_interruptToken.exchange(&token)), m_previousHandler(std::signal(SIGINT, cancelOnInterrupt)) {}

InterruptScope::~InterruptScope() {
    std::signal(SIGINT, m_previousHandler);
    g_interruptToken.store(m_previousToken);
}

} // namespace ulmfit::cli
