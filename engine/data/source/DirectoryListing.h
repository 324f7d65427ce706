#pragma once
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ulmfit {

/// One entry of a directory listing, with its size taken from the directory's own stat data.
struct DirectoryEntry {
    std::string name;
    bool isDirectory = false;
    bool isRegularFile = false;
    std::uintmax_t bytes = 0;
};

/// Lists `folder` (not recursive) sorted by name, using readdir + fstatat on the open directory so
/// scanning 100k files costs one stat each and no path resolution. Throws ulmfit::Error when the
/// folder cannot be opened. Symlinks are followed; "." and ".." are skipped.
std::vector<DirectoryEntry> listDirectory(const std::filesystem::path& folder);

} // namespace ulmfit
