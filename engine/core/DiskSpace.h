#pragma once
#include <cstdint>
#include <filesystem>
#include <string>

namespace ulmfit {

/// Bytes a user may still write in the folder holding `path` (statvfs's f_bavail); the largest
/// std::uintmax_t when the file system cannot tell.
std::uintmax_t freeSpaceFor(const std::filesystem::path& path);

/// "12.3 MB", "840 KB", "96 bytes": sizes as a user reads them.
std::string formatBytes(std::uintmax_t bytes);

/// The one-line message for a write of `bytesNeeded` bytes to `path` that failed: "not enough disk
/// space to write PATH: it needs 12.3 MB and 1.1 MB is free there" when the numbers say so, a plain
/// "writing PATH (12.3 MB) failed (DETAIL); 80 GB is free there" otherwise. Call it after the
/// partial file is gone, so "free" is true.
std::string writeFailureMessage(const std::filesystem::path& path, std::uintmax_t bytesNeeded,
                                const std::string& detail = {});

} // namespace ulmfit
