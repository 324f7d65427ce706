#include "data/source/ArchiveReader.h"

#include "core/Error.h"
#include "core/TextFormat.h"
#include "data/source/ArchiveEntryPolicy.h"

#include <archive.h>
#include <archive_entry.h>
#include <cstring>

namespace ulmfit {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {
constexpr std::size_t kReadBlock = 256 * 1024;
} // namespace

ArchiveReader::ArchiveReader(const ExtractOptions& options, fs::path root, Observer* observer,
                             const CancelToken* cancel)
    : m_options(options), m_root(std::move(root)), m_observer(observer), m_cancel(cancel),
      m_reader{archive_read_new()}, m_writer{archive_write_disk_new()}, m_start(Clock::now()) {
    std::error_code ec;
    m_archiveBytes = fs::file_size(options.archive, ec);
    archive_read_support_filter_all(m_reader);
    archive_read_support_format_all(m_reader);
    // ArchiveEntryPolicy refuses writing through links itself: libarchive's SECURE_SYMLINKS would
    // open every folder of every path (9 syscalls a file instead of 1).
    archive_write_disk_set_options(m_writer, ARCHIVE_EXTRACT_SECURE_NODOTDOT);
    if (archive_read_open_filename(m_reader, options.archive.c_str(), kReadBlock) != ARCHIVE_OK)
        fail("cannot open", m_reader);
}

ArchiveReader::~ArchiveReader() = default;

void ArchiveReader::fail(const std::string& what, archive* source) const {
    const char* detail = archive_error_string(source);
    std::string message =
        what + " archive " + m_options.archive.string() + ": " + (detail ? detail : "unknown error");
    if (source == m_writer) // the disk side failed, not the archive
        throw Error(message +
                    (archive_errno(source) ? std::string(" (") + std::strerror(archive_errno(source)) + ")"
                                           : std::string()) +
                    "; is the disk full or the folder not writable?");
    throw Error(message + " (the file is truncated, corrupt or not an archive; download it again)");
}

void ArchiveReader::extractAll() {
    archive_entry* entry = nullptr;
    while (nextHeader(entry)) {
        throwIfCancelled(m_cancel);
        extractEntry(entry);
        ++m_entries;
        reportProgress(false);
    }
    if (m_entries == 0)
        throw Error("archive " + m_options.archive.string() + " is empty or not an archive");
    if (archive_write_close(m_writer) != ARCHIVE_OK)
        fail("cannot finish writing", m_writer);
    reportProgress(true);
}

bool ArchiveReader::nextHeader(archive_entry*& entry) {
    const int status = archive_read_next_header(m_reader, &entry);
    if (status == ARCHIVE_EOF)
        return false;
    if (status < ARCHIVE_WARN)
        fail("cannot read", m_reader);
    return true;
}

void ArchiveReader::extractEntry(archive_entry* entry) {
    const char* name = archive_entry_pathname(entry);
    if (!name || !*name) // what a damaged tar header usually decodes to
        throw Error("archive " + m_options.archive.string() +
                    " is corrupt: it holds an entry without a name (download it again)");
    const fs::path relative = m_policy.check(entry);
    const bool isDir = archive_entry_filetype(entry) == AE_IFDIR;
    m_sawLinks = m_sawLinks || archive_entry_filetype(entry) == AE_IFLNK || archive_entry_hardlink(entry);
    if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > 0 &&
        m_extractedBytes + std::uintmax_t(archive_entry_size(entry)) > m_options.maxBytes)
        addBytes(std::uintmax_t(archive_entry_size(entry))); // fail before writing a huge entry
    // Absolute paths below the temporary folder: libarchive resolves relative ones against the cwd.
    archive_entry_set_pathname(entry, (m_root / relative).c_str());
    if (const char* hardlink = archive_entry_hardlink(entry))
        archive_entry_set_hardlink(entry, (m_root / fs::path(hardlink).lexically_normal()).c_str());
    archive_entry_set_perm(entry, isDir ? 0755 : 0644); // never read-only: cleanup must always work
    if (archive_write_header(m_writer, entry) < ARCHIVE_WARN)
        fail("cannot write entry '" + relative.string() + "' of", m_writer);
    if (!isDir && archive_entry_size(entry) > 0)
        copyData();
    if (archive_write_finish_entry(m_writer) < ARCHIVE_WARN)
        fail("cannot write entry '" + relative.string() + "' of", m_writer);
}

void ArchiveReader::copyData() {
    const void* block = nullptr;
    size_t size = 0;
    la_int64_t offset = 0;
    for (;;) {
        const int status = archive_read_data_block(m_reader, &block, &size, &offset);
        if (status == ARCHIVE_EOF)
            return;
        if (status < ARCHIVE_WARN)
            fail("cannot read", m_reader);
        throwIfCancelled(m_cancel);
        addBytes(size);
        if (archive_write_data_block(m_writer, block, size, offset) < ARCHIVE_WARN)
            fail("cannot write while extracting", m_writer);
        reportProgress(false);
    }
}

void ArchiveReader::addBytes(std::uintmax_t bytes) {
    m_extractedBytes += bytes;
    if (m_extractedBytes > m_options.maxBytes)
        throw Error(
            "archive " + m_options.archive.string() + " expands to more than " +
            formatBytes(double(m_options.maxBytes)) +
            "; extraction stopped (an archive bomb?). Raise the extraction limit only if you trust it");
}

void ArchiveReader::reportProgress(bool force) {
    const auto now = Clock::now();
    if (!m_observer || (!force && now - m_lastReport < kProgressReportInterval))
        return;
    m_lastReport = now;
    const double done = double(archive_filter_bytes(m_reader, -1));
    const double seconds = std::chrono::duration<double>(now - m_start).count();
    m_observer->onProgress({"extract", force ? double(m_archiveBytes) : done, double(m_archiveBytes),
                            seconds > 0 ? done / seconds : 0, "B", std::to_string(m_entries) + " entries"});
}

} // namespace ulmfit
