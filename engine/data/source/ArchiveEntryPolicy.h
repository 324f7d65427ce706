#pragma once
#include <filesystem>
#include <string>

struct archive_entry;

namespace ulmfit {

/// Decides whether an archive entry may be written below the extraction folder. Refuses what
/// could write or point outside it (absolute paths, `..`, escaping links) and special files.
/// Throws ulmfit::Error naming the entry; returns the entry's relative path when it is safe.
std::filesystem::path checkArchiveEntry(archive_entry* entry);

/// Checks after extraction that every symlink below `root` resolves inside `root`: links that
/// look harmless alone can escape together (a -> .., b -> a/..), which a per-entry check misses.
void checkLinksStayInside(const std::filesystem::path& root);

} // namespace ulmfit
