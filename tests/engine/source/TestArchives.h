#pragma once
// Builds small (possibly hostile) tar.gz archives inside the tests with libarchive's writer API,
// so no binary fixtures are committed.
#include <archive.h>
#include <archive_entry.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace testarchives {

struct Entry {
    std::string path;
    mode_t type = AE_IFREG;
    std::string content;  // regular files
    std::string link;     // symlink target (AE_IFLNK)
    std::string hardlink; // hard link target (any type ignored)
    std::int64_t declaredSize = -1; // overrides content.size() in the header when >= 0
};

inline Entry file(std::string path, std::string content) { return {std::move(path), AE_IFREG, std::move(content)}; }
inline Entry dir(std::string path) { return {std::move(path), AE_IFDIR}; }
inline Entry symlinkEntry(std::string path, std::string target) {
    Entry e{std::move(path), AE_IFLNK};
    e.link = std::move(target);
    return e;
}
inline Entry hardlinkEntry(std::string path, std::string target) {
    Entry e{std::move(path), AE_IFREG};
    e.hardlink = std::move(target);
    return e;
}
inline Entry special(std::string path, mode_t type) { return {std::move(path), type}; }

inline void writeEntry(archive* out, const Entry& spec) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, spec.path.c_str());
    archive_entry_set_filetype(e, spec.type);
    archive_entry_set_perm(e, spec.type == AE_IFDIR ? 0755 : 0644);
    if (!spec.link.empty())
        archive_entry_set_symlink(e, spec.link.c_str());
    if (!spec.hardlink.empty())
        archive_entry_set_hardlink(e, spec.hardlink.c_str());
    const bool hasData = spec.type == AE_IFREG && spec.hardlink.empty();
    archive_entry_set_size(e, hasData ? (spec.declaredSize >= 0 ? spec.declaredSize : std::int64_t(spec.content.size())) : 0);
    if (archive_write_header(out, e) != ARCHIVE_OK)
        throw std::runtime_error(std::string("test archive: ") + archive_error_string(out));
    if (hasData && !spec.content.empty())
        archive_write_data(out, spec.content.data(), spec.content.size());
    archive_entry_free(e);
}

/// Writes `entries` as a gzip-compressed pax tar to `target`.
inline void writeTarGz(const std::filesystem::path& target, const std::vector<Entry>& entries) {
    archive* out = archive_write_new();
    archive_write_add_filter_gzip(out);
    archive_write_set_format_pax_restricted(out);
    if (archive_write_open_filename(out, target.c_str()) != ARCHIVE_OK)
        throw std::runtime_error("test archive: cannot create " + target.string());
    for (const Entry& entry : entries)
        writeEntry(out, entry);
    archive_write_close(out);
    archive_write_free(out);
}

inline std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

} // namespace testarchives
