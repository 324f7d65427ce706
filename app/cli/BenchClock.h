#pragma once
// The clocks the `bench` commands read: wall time since a point, and the process's CPU time (user +
// system, all threads), whose ratio says how many cores a step really kept busy.
#include <sys/resource.h>

#include <chrono>

namespace ulmfit::cli {

inline double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

inline double cpuSeconds() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

} // namespace ulmfit::cli
