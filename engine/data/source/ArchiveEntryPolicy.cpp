#include "data/source/ArchiveEntryPolicy.h"

#include "core/Error.h"

#include <archive_entry.h>

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
[[noreturn]] void refuse(const std::string& name, const std::string& why) {
    throw Error("refusing to extract archive entry '" + name + "': " + why +
                ". The archive may be malicious; nothing was extracted");
}

bool hasDotDot(const fs::path& path) {
    for (const auto& part : path)
        if (part == "..")
            return true;
    return false;
}

/// A relative path that stays below the root without any `..` component.
void checkInsidePath(const std::string& name, const std::string& path, const char* what) {
    if (!path.empty() && path.front() == '/')
        refuse(name, std::string(what) + " is an absolute path (" + path + ")");
    if (hasDotDot(fs::path(path)))
        refuse(name, std::string(what) + " contains '..' (" + path + ")");
}

void checkSymlink(const std::string& name, const fs::path& relative, const char* target) {
    const std::string link = target ? target : "";
    if (link.empty() || link.front() == '/')
        refuse(name, "it is a symbolic link to an absolute path (" + link + ")");
    const fs::path resolved = (relative.parent_path() / link).lexically_normal();
    if (!resolved.empty() && *resolved.begin() == "..")
        refuse(name, "it is a symbolic link pointing outside the destination (" + link + ")");
}

void checkFileType(const std::string& name, mode_t type) {
    switch (type) {
    case AE_IFREG:
    case AE_IFDIR:
    case AE_IFLNK:
        return;
    case AE_IFCHR:
    case AE_IFBLK:
        refuse(name, "it is a device file");
    case AE_IFIFO:
        refuse(name, "it is a FIFO (named pipe)");
    case AE_IFSOCK:
        refuse(name, "it is a socket");
    default:
        refuse(name, "it has an unknown file type");
    }
}
} // namespace

fs::path ArchiveEntryPolicy::check(archive_entry* entry) {
    const char* rawName = archive_entry_pathname(entry);
    const std::string name = rawName ? rawName : "";
    if (name.empty())
        throw Error("the archive is corrupt: it holds an entry without a name (download it again)");
    checkInsidePath(name, name, "its path");
    const fs::path relative = fs::path(name).lexically_normal();
    checkNotThroughLink(name, relative.parent_path(), "it would be written");
    if (const char* hardlink = archive_entry_hardlink(entry)) {
        checkInsidePath(name, hardlink, "it is a hard link whose target");
        checkNotThroughLink(name, fs::path(hardlink).lexically_normal(), "it is a hard link to a path");
    } else {
        checkFileType(name, archive_entry_filetype(entry));
    }
    if (archive_entry_filetype(entry) == AE_IFLNK && !archive_entry_hardlink(entry)) {
        checkSymlink(name, relative, archive_entry_symlink(entry));
        m_links.insert(relative);
    }
    return relative;
}

/// Neither `path` nor any folder above it may be a symlink from this archive: writing through
/// one could land outside the destination when links combine (see checkLinksStayInside).
void ArchiveEntryPolicy::checkNotThroughLink(const std::string& name, const fs::path& path, const char* what) const {
    if (m_links.empty())
        return;
    fs::path prefix;
    for (const auto& part : path) {
        prefix /= part;
        if (m_links.count(prefix))
            refuse(name, std::string(what) + " through the symbolic link '" + prefix.string() + "'");
    }
}

void checkLinksStayInside(const fs::path& root) {
    const fs::path base = fs::canonical(root);
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
        if (!it->is_symlink())
            continue;
        const fs::path resolved = fs::weakly_canonical(it->path());
        const auto rel = resolved.lexically_relative(base);
        if (rel.empty() || *rel.begin() == "..")
            refuse(it->path().lexically_relative(root).string(),
                   "it is a symbolic link that resolves outside the destination (" + resolved.string() + ")");
    }
}

} // namespace ulmfit
