#pragma once
#include "core/CancelToken.h"

namespace ulmfit::cli {

/// While alive, Ctrl+C (SIGINT) cancels `token`: the engine stops at its next check, so a download
/// keeps its .part file, an extraction removes its temporary folder and training keeps its last
/// checkpoint. Scopes nest; the previous handler and token come back on destruction.
class InterruptScope {
public:
    explicit InterruptScope(CancelToken& token);
    ~InterruptScope();
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;

private:
    CancelToken* m_previousToken;
    void (*m_previousHandler)(int);
};

} // namespace ulmfit::cli
