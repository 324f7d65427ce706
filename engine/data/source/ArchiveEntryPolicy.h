#pragma once
#include <filesystem>
#include <set>
#include <string>

struct archive_entry;

namespace ulmfit {

/// Decides whether archive entries may be written below the extraction folder. Refuses what could
/// write or point outside it (absolute paths, `..`, escaping links, writing through a link the
/// archive created earlier) and special files. One instance per archive: it remembers the links.
class ArchiveEntryPolicy {
public:
    /// Throws ulmfit::Error naming the entry; returns the entry's relative path when it is safe.
    std::filesystem::path check(archive_entry* entry);

private:
    void checkNotThroughLink(const std::string& name, const std::filesystem::path& path, const char* what) const;

    std::set<std::filesystem::path> m_links; // symlinks extracted so far (relative paths)
};

/// Checks after extraction that every symlink below `root` resolves inside `root`: links that
/// look harmless alone can escape together (a -> .., b -> a/..), which a per-entry check misses.
void checkLinksStayInside(const std::filesystem::path& root);

} // namespace ulmfit
