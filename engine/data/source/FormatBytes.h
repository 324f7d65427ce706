#pragma once
#include <cstdio>
#include <string>

namespace ulmfit {

/// "812 B", "1.5 KiB", "30.1 MiB", "4.00 GiB": sizes in messages and progress lines.
inline std::string formatBytes(double bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int unit = 0;
    while (bytes >= 1024 && unit < 4)
        bytes /= 1024, ++unit;
    char text[32];
    std::snprintf(text, sizeof text, unit == 0 ? "%.0f %s" : "%.1f %s", bytes, units[unit]);
    return text;
}

} // namespace ulmfit
