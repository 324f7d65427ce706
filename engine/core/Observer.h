#pragma once
#include <chrono>
#include <cstdint>
#include <string>

namespace ulmfit {

/// Progress of one long-running task (download, extract, scan, tokenize, ...).
struct Progress {
    std::string task;   // short machine name: "download", "extract", "tokenize", ...
    double done = 0;    // units done so far
    double total = 0;   // total units, 0 when unknown
    double rate = 0;    // units per second, 0 when unknown
    std::string unit;   // "B", "files", "docs", "batches"
    std::string detail; // optional human-readable detail (current file, ...)
};

/// How often long work reports its progress at most: often enough for a live bar, rarely enough
/// that the reports cost nothing.
inline constexpr auto kProgressReportInterval = std::chrono::milliseconds(100);

/// The engine's only way of talking back while it works. Callbacks arrive on the
/// worker thread; implementations copy what they need and return quickly.
class Observer {
public:
    virtual ~Observer() = default;
    virtual void onProgress(const Progress&) {}
    virtual void onMessage(const std::string&) {}
};

/// Null-safe helper so engine code can take an optional observer pointer.
inline void report(Observer* observer, const Progress& progress) {
    if (observer)
        observer->onProgress(progress);
}

} // namespace ulmfit
