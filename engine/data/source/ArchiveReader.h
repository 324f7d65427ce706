#pragma once
#include "core/CancelToken.h"
#include "core/Observer.h"
#include "data/source/ArchiveEntryPolicy.h"
#include "data/source/ArchiveExtractor.h"

#include <chrono>
#include <cstdint>
#include <filesystem>

#include <archive.h> // archive_read_free / archive_write_free, the handles' deleters

namespace ulmfit {

/// One pass of libarchive reading an archive and writing its checked entries below `root`.
/// Internal to ArchiveExtractor, which owns the temporary folder and the final rename.
class ArchiveReader {
public:
    ArchiveReader(const ExtractOptions& options, std::filesystem::path root, Observer* observer,
                  const CancelToken* cancel);
    ~ArchiveReader();
    ArchiveReader(const ArchiveReader&) = delete;
    ArchiveReader& operator=(const ArchiveReader&) = delete;

    void extractAll();
    bool sawLinks() const { return m_sawLinks; }

private:
    bool nextHeader(archive_entry*& entry);
    void extractEntry(archive_entry* entry);
    void copyData();
    void addBytes(std::uintmax_t bytes);
    void reportProgress(bool force);
    [[noreturn]] void fail(const std::string& what, archive* source) const;

    const ExtractOptions& m_options;
    std::filesystem::path m_root;
    Observer* m_observer;
    const CancelToken* m_cancel;
    ArchiveEntryPolicy m_policy;
    // Owned from construction on: a constructor that throws (an unreadable archive) frees them too.
    template <int (*Free)(archive*)> struct Handle {
        archive* handle;
        Handle(const Handle&) = delete;
        Handle& operator=(const Handle&) = delete;
        ~Handle() { Free(handle); }
        operator archive*() const { return handle; }
    };
    Handle<archive_read_free> m_reader;
    Handle<archive_write_free> m_writer;
    std::uintmax_t m_archiveBytes = 0;
    std::uintmax_t m_extractedBytes = 0;
    std::size_t m_entries = 0;
    bool m_sawLinks = false;
    std::chrono::steady_clock::time_point m_start, m_lastReport;
};

} // namespace ulmfit
