#include "data/source/DirectoryListing.h"

#include "core/Error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

namespace ulmfit {
namespace {
/// Owns a DIR* so an exception never leaks the descriptor.
struct DirHandle {
    DIR* dir = nullptr;
    ~DirHandle() {
        if (dir)
            ::closedir(dir);
    }
};

/// Fills type and size; d_type avoids a stat for directories on most file systems.
bool describe(int dirFd, const dirent* ent, DirectoryEntry& out) {
    if (ent->d_type == DT_DIR) {
        out.isDirectory = true;
        return true;
    }
    struct stat st {};
    if (::fstatat(dirFd, ent->d_name, &st, 0) != 0)
        return false; // e.g. a dangling symlink: not a file we can read
    out.isDirectory = S_ISDIR(st.st_mode);
    out.isRegularFile = S_ISREG(st.st_mode);
    out.bytes = out.isRegularFile ? static_cast<std::uintmax_t>(st.st_size) : 0;
    return true;
}
} // namespace

std::vector<DirectoryEntry> listDirectory(const std::filesystem::path& folder) {
    DirHandle handle;
    handle.dir = ::opendir(folder.c_str());
    if (!handle.dir)
        throw Error("cannot read folder " + folder.string() + ": " + std::strerror(errno));
    const int fd = ::dirfd(handle.dir);
    std::vector<DirectoryEntry> entries;
    while (const dirent* ent = ::readdir(handle.dir)) {
        if (std::strcmp(ent->d_name, ".") == 0 || std::strcmp(ent->d_name, "..") == 0)
            continue;
        DirectoryEntry entry;
        entry.name = ent->d_name;
        if (describe(fd, ent, entry))
            entries.push_back(std::move(entry));
    }
    std::sort(entries.begin(), entries.end(),
              [](const DirectoryEntry& a, const DirectoryEntry& b) { return a.name < b.name; });
    return entries;
}

} // namespace ulmfit
