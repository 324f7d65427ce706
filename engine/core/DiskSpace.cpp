#include "core/DiskSpace.h"

#include <cstdio>
#include <limits>

namespace ulmfit {
namespace fs = std::filesystem;

std::uintmax_t freeSpaceFor(const fs::path& path) {
    std::error_code ec;
    // The nearest existing folder: a failed write may have left the target's folder unmade.
    fs::path folder = path.has_parent_path() ? path.parent_path() : fs::current_path(ec);
    while (!folder.empty() && !fs::exists(folder, ec) && folder != folder.root_path())
        folder = folder.parent_path();
    const fs::space_info space = fs::space(folder.empty() ? fs::path(".") : folder, ec);
    return ec ? std::numeric_limits<std::uintmax_t>::max() : space.available;
}

std::string formatBytes(std::uintmax_t bytes) {
    char text[32];
    if (bytes >= 1000 * 1000)
        std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / 1e6);
    else if (bytes >= 1000)
        std::snprintf(text, sizeof text, "%.0f KB", static_cast<double>(bytes) / 1e3);
    else
        std::snprintf(text, sizeof text, "%ju bytes", bytes);
    return text;
}

std::string writeFailureMessage(const fs::path& path, std::uintmax_t bytesNeeded, const std::string& detail) {
    const std::uintmax_t free = freeSpaceFor(path);
    if (free != std::numeric_limits<std::uintmax_t>::max() && free < bytesNeeded)
        return "not enough disk space to write " + path.string() + ": it needs " + formatBytes(bytesNeeded) +
               " and " + formatBytes(free) + " is free there; free some space or choose another folder";
    std::string message = "writing " + path.string() + " (" + formatBytes(bytesNeeded) + ") failed";
    if (!detail.empty())
        message += " (" + detail + ")";
    if (free != std::numeric_limits<std::uintmax_t>::max())
        message += "; " + formatBytes(free) + " is free there";
    return message;
}

} // namespace ulmfit
