#pragma once
#include "core/CancelToken.h"
#include "core/Observer.h"
#include "data/source/Downloader.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace ulmfit {

/// What `fetchDataset` gets and where it puts it (fastai's untar_data, with checks).
struct FetchOptions {
    std::string url = kImdbUrl;
    std::filesystem::path localArchive; // offline: extract this archive instead of downloading
    std::filesystem::path destRoot;     // default userDataDir(); archives go to <destRoot>/archives
    std::string sha256;                 // optional expected checksum of the archive
    std::uintmax_t maxExtractBytes = std::uintmax_t(4) << 30;
};

struct FetchResult {
    std::filesystem::path archive;     // the archive used (downloaded or local)
    std::filesystem::path datasetRoot; // the folder holding train/ and test/
    bool downloaded = false;           // a transfer happened in this call
    bool extracted = false;            // false when an earlier extraction was reused
};

/// Ensures the dataset is downloaded and extracted: `<destRoot>/<archive stem>` (e.g.
/// `<data>/imdb`) is reused when an earlier extraction completed, else the archive is downloaded
/// to `<destRoot>/archives/` (resuming a partial download) or taken from `localArchive`, checked,
/// and extracted safely. Throws ulmfit::Error with an actionable message.
FetchResult fetchDataset(const FetchOptions& options, Observer* observer = nullptr,
                         const CancelToken* cancel = nullptr);

/// "imdb.tgz" -> "imdb", "x.tar.gz" -> "x", "data.zip" -> "data": the folder an archive extracts to.
std::string datasetNameForArchive(const std::string& archiveFileName);

/// The file name part of a URL, without query or fragment ("imdb.tgz").
std::string fileNameFromUrl(const std::string& url);

} // namespace ulmfit
