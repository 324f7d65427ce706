#pragma once
#include "core/CancelToken.h"
#include "core/Observer.h"

#include <cstdint>
#include <filesystem>

namespace ulmfit {

/// What to extract where. A single top folder in the archive (imdb.tgz holds `imdb/`) is
/// stripped, so `destination` itself becomes the dataset folder.
struct ExtractOptions {
    std::filesystem::path archive;
    std::filesystem::path destination; // must not exist yet; created only when extraction completes
    std::uintmax_t maxBytes = std::uintmax_t(4) << 30; // archive-bomb guard on the extracted size
    bool stripSingleTopFolder = true;
};

/// Name of the marker file written into a completely extracted folder.
inline constexpr const char* kExtractedMarker = ".ulmfit-extracted";

/// True when `folder` holds the marker of a completed extraction.
bool isCompletelyExtracted(const std::filesystem::path& folder);

/// Extracts with libarchive (tar, tar.gz, zip, ...) into a hidden temporary folder next to the
/// destination and renames it into place only when complete. Refuses unsafe entries (see
/// ArchiveEntryPolicy.h), stops past `maxBytes`, reports progress as task "extract" in compressed
/// bytes read, and honours `cancel`. On any error or cancel the destination and the temporary
/// folder are gone. Returns the destination.
std::filesystem::path extractArchive(const ExtractOptions& options, Observer* observer = nullptr,
                                     const CancelToken* cancel = nullptr);

} // namespace ulmfit
