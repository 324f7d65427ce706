#include "data/source/DatasetFetcher.h"

#include "core/Error.h"
#include "core/Paths.h"
#include "data/source/ArchiveExtractor.h"
#include "data/source/Dataset.h"
#include "data/source/Sha256.h"

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
bool endsWith(const std::string& text, const std::string& suffix) {
    return text.size() > suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// True when `folder` can be used as is; throws when it exists but looks like a broken leftover.
bool reusableDataset(const fs::path& folder) {
    std::error_code ec;
    if (!fs::exists(folder, ec))
        return false;
    if (isCompletelyExtracted(folder))
        return true;
    try {
        findDatasetRoot(folder); // extracted by hand: fine too
        return true;
    } catch (const Error&) {
        throw Error(folder.string() + " exists but is not a complete dataset (an interrupted extraction?); "
                    "delete it and run again");
    }
}

void checkLocalArchive(const FetchOptions& options, const CancelToken* cancel) {
    std::error_code ec;
    if (!fs::is_regular_file(options.localArchive, ec))
        throw Error("archive " + options.localArchive.string() + " does not exist or is not a file");
    if (options.sha256.empty())
        return;
    const std::string actual = sha256File(options.localArchive, cancel);
    if (actual != normalizeSha256(options.sha256))
        throw Error("archive " + options.localArchive.string() + " has SHA-256 " + actual + ", not the expected " +
                    normalizeSha256(options.sha256) + "; it is damaged or a different file");
}
} // namespace

std::string fileNameFromUrl(const std::string& url) {
    const std::string path = url.substr(0, url.find_first_of("?#"));
    const auto slash = path.find_last_of('/');
    const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    if (name.empty() || path.find("://") + 2 == slash)
        throw Error("cannot tell the archive's file name from the URL " + url);
    return name;
}

std::string datasetNameForArchive(const std::string& archiveFileName) {
    for (const char* suffix : {".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst", ".tgz", ".tar", ".zip"})
        if (endsWith(archiveFileName, suffix))
            return archiveFileName.substr(0, archiveFileName.size() - std::string(suffix).size());
    return fs::path(archiveFileName).stem().string();
}

FetchResult fetchDataset(const FetchOptions& options, Observer* observer, const CancelToken* cancel) {
    const fs::path root = options.destRoot.empty() ? userDataDir() : options.destRoot;
    const bool local = !options.localArchive.empty();
    FetchResult result;
    result.archive = local ? options.localArchive : root / "archives" / fileNameFromUrl(options.url);
    const fs::path folder = root / datasetNameForArchive(result.archive.filename().string());
    if (reusableDataset(folder)) {
        result.datasetRoot = findDatasetRoot(folder);
        return result;
    }
    if (local) {
        checkLocalArchive(options, cancel);
    } else {
        DownloadOptions download;
        download.url = options.url;
        download.destination = result.archive;
        download.sha256 = options.sha256;
        result.downloaded = !downloadFile(download, observer, cancel).reused;
    }
    extractArchive({result.archive, folder, options.maxExtractBytes}, observer, cancel);
    result.extracted = true;
    result.datasetRoot = findDatasetRoot(folder);
    return result;
}

} // namespace ulmfit
