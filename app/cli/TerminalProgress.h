#pragma once
#include "core/Observer.h"

#include <chrono>
#include <cstdio>
#include <string>

namespace ulmfit::cli {

/// Engine progress as one rewritten stderr line ("download  12.3 MiB / 144.4 MiB  8%  3.2 MiB/s
/// ETA 0:41"), at most ~10 redraws a second. When stderr is not a terminal (logs, tests) it prints
/// one line per finished task instead of carriage-return animations.
class TerminalProgress : public Observer {
public:
    explicit TerminalProgress(std::FILE* out = stderr);
    ~TerminalProgress() override; // ends an open line

    void onProgress(const Progress& progress) override;
    void onMessage(const std::string& message) override;

    /// "12.3 MiB / 144.4 MiB  8.5%  3.2 MiB/s  ETA 0:41" (exposed for tests).
    static std::string formatLine(const Progress& progress);

private:
    void finishLine();

    std::FILE* m_out;
    bool m_interactive;
    bool m_lineOpen = false;
    std::string m_task;
    std::string m_reportedTask; // non-interactive: the last task whose end was printed
    std::chrono::steady_clock::time_point m_lastDraw;
};

} // namespace ulmfit::cli
