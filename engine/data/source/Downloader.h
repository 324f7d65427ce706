#pragma once
#include "core/CancelToken.h"
#include "core/Observer.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace ulmfit {

/// fastai's IMDb archive (URLs.IMDB).
inline constexpr const char* kImdbUrl = "https://s3.amazonaws.com/fast-ai-nlp/imdb.tgz";

/// An extra check of a completed download beside the SHA-256, e.g. fastai's own listing of a file's
/// size and the MD5 of its first MiB (zoo/FastaiCheck.h). Returns "" when `file` is the expected
/// one, else what differs ("its size is 12 B, not the listed 105067061 B"): the download is then deleted.
using DownloadCheck =
    std::function<std::string(const std::filesystem::path& file, const CancelToken* cancel)>;

struct DownloadOptions {
    std::string url = kImdbUrl;
    std::filesystem::path destination; // final file; the transfer writes `<destination>.part`
    std::string sha256;                // expected checksum (hex); empty = not checked
    DownloadCheck check;               // optional further check; an existing file must pass it to be reused
    long connectTimeoutSeconds = 30;
    long stallSeconds = 60;            // fail when slower than stallBytesPerSecond for this long
    long stallBytesPerSecond = 1;
};

struct DownloadResult {
    std::filesystem::path file;
    std::uintmax_t bytes = 0;
    bool reused = false;  // the destination was already there (and matched the checksum)
    bool resumed = false; // continued a partial download with a Range request
};

/// `<destination>.part`: where an unfinished download lives between runs.
std::filesystem::path partialDownloadPath(const std::filesystem::path& destination);

/// Downloads `url` with libcurl (redirects followed) to `<destination>.part`, resuming an earlier
/// partial file with an HTTP Range request, checks the SHA-256 when given, and renames the file
/// into place only when complete; `check`, when set, runs after the checksum. Progress: task
/// "download", unit "B". A checksum or check mismatch deletes the download; network failures and
/// cancel keep the .part for the next run. Throws ulmfit::Error (ulmfit::Cancelled on cancel) with
/// a message that says what to do.
DownloadResult downloadFile(const DownloadOptions& options, Observer* observer = nullptr,
                            const CancelToken* cancel = nullptr);

} // namespace ulmfit
