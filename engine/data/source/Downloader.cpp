#include "data/source/Downloader.h"

#include "core/CreatedFolders.h"
#include "core/Error.h"
#include "core/TextFormat.h"
#include "data/source/CurlTransfer.h"
#include "data/source/Sha256.h"

#include <cstring>
#include <curl/curl.h>

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
std::uintmax_t sizeOrZero(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    return ec ? 0 : size;
}

std::string progressText(const TransferOutcome& outcome) {
    std::string text = formatBytes(double(outcome.fileBytes));
    if (outcome.expectedTotal > 0)
        text += " of " + formatBytes(double(outcome.expectedTotal));
    return text;
}

[[noreturn]] void throwTransferError(const DownloadOptions& options, const fs::path& part,
                                     const TransferOutcome& outcome) {
    std::error_code ignored;
    if (outcome.fileBytes == 0)
        fs::remove(part, ignored); // nothing worth resuming
    const std::string keep = outcome.fileBytes == 0 ? std::string()
                                                    : "; the partial download is kept at " + part.string() +
                                                          ", run again to resume";
    if (outcome.diskErrno)
        throw Error("cannot write " + part.string() + ": " + std::strerror(outcome.diskErrno) +
                    " (disk full?)");
    if (outcome.httpStatus >= 400)
        throw Error("download of " + options.url + " failed: the server answered HTTP " +
                    std::to_string(outcome.httpStatus) + " " + outcome.statusText + " (check the URL)");
    switch (outcome.curlCode) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
        throw Error("cannot connect to " + options.url + " (" + outcome.curlMessage +
                    "); check your internet connection, or pass a local copy of the archive");
    case CURLE_OPERATION_TIMEDOUT:
        throw Error("download of " + options.url + " timed out or stalled after " + progressText(outcome) +
                    keep);
    case CURLE_PARTIAL_FILE:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_SEND_ERROR:
        throw Error("the connection to " + options.url + " was lost after " + progressText(outcome) + " (" +
                    outcome.curlMessage + ")" + keep);
    default:
        throw Error("download of " + options.url + " failed: " + outcome.curlMessage + keep);
    }
}

/// One transfer; returns true when the partial file is complete, false to start over from zero.
bool transferOnce(const DownloadOptions& options, const fs::path& part, Observer* observer,
                  const CancelToken* cancel, bool& resumed) {
    const std::uintmax_t offset = sizeOrZero(part);
    const TransferOutcome outcome = CurlTransfer(options, part, offset, observer, cancel).run();
    if (outcome.cancelled)
        throw Cancelled();
    if (outcome.httpStatus == 416 && offset > 0) // nothing left after our offset: done, or a stale part
        return outcome.rangeTotal == std::int64_t(offset);
    if (outcome.rangeMismatch)
        return false;
    if (outcome.curlCode != CURLE_OK || outcome.httpStatus >= 400 || outcome.diskErrno)
        throwTransferError(options, part, outcome);
    resumed = offset > 0 && !outcome.restarted;
    return true;
}

void verifyChecksum(const DownloadOptions& options, const fs::path& part, const CancelToken* cancel) {
    const std::string expected = normalizeSha256(options.sha256);
    const std::string actual = sha256File(part, cancel);
    if (actual == expected)
        return;
    std::error_code ignored;
    fs::remove(part, ignored);
    throw Error("the download of " + options.url + " is damaged or not the expected file: its SHA-256 is " +
                actual + " but " + expected +
                " was expected. The download was deleted; run again to download it anew");
}

void runCheck(const DownloadOptions& options, const fs::path& part, const CancelToken* cancel) {
    const std::string mismatch = options.check(part, cancel);
    if (mismatch.empty())
        return;
    std::error_code ignored;
    fs::remove(part, ignored);
    throw Error("the download of " + options.url + " is damaged or not the expected file: " + mismatch +
                ". The download was deleted; run again to download it anew");
}

/// An existing final file is reused when it passes the configured checksum and check (if any).
bool reusable(const DownloadOptions& options, const CancelToken* cancel) {
    std::error_code ec;
    if (!fs::is_regular_file(options.destination, ec))
        return false;
    const bool sumMatches =
        options.sha256.empty() || sha256File(options.destination, cancel) == normalizeSha256(options.sha256);
    if (sumMatches && (!options.check || options.check(options.destination, cancel).empty()))
        return true;
    fs::remove(options.destination, ec); // stale or damaged: download it again
    return false;
}
} // namespace

fs::path partialDownloadPath(const fs::path& destination) {
    return destination.string() + ".part";
}

DownloadResult downloadFile(const DownloadOptions& options, Observer* observer, const CancelToken* cancel) {
    if (options.url.empty() || options.destination.empty())
        throw Error("nothing to download: the URL or the destination is empty");
    if (!options.sha256.empty())
        normalizeSha256(options.sha256); // a typo in the checksum fails before any transfer
    DownloadResult result{options.destination};
    if (reusable(options, cancel))
        return result.reused = true, result.bytes = sizeOrZero(options.destination), result;
    std::error_code ec;
    CreatedFolders folders(options.destination.parent_path());
    const fs::path part = partialDownloadPath(options.destination);
    if (!transferOnce(options, part, observer, cancel, result.resumed)) {
        fs::remove(part, ec); // the partial file does not fit the server's file: start over once
        if (!transferOnce(options, part, observer, cancel, result.resumed))
            throw Error("the server at " + options.url +
                        " does not answer range requests consistently; try again");
    }
    if (!options.sha256.empty())
        verifyChecksum(options, part, cancel);
    if (options.check)
        runCheck(options, part, cancel);
    fs::rename(part, options.destination, ec);
    if (ec)
        throw Error("cannot move " + part.string() + " to " + options.destination.string() + ": " +
                    ec.message());
    folders.keep();
    result.bytes = sizeOrZero(options.destination);
    report(observer, {"download", double(result.bytes), double(result.bytes), 0, "B", options.url});
    return result;
}

} // namespace ulmfit
