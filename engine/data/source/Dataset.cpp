// Scans a fastai-layout dataset folder (train/{label}, test/{label}, optional unsup/).
#include "data/source/Dataset.h"

#include "core/Error.h"
#include "data/source/DirectoryListing.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
const char* const kLabelledSplits[] = {"train", "test"};

struct FileDescriptor {
    int fd;
    explicit FileDescriptor(int descriptor) : fd(descriptor) {}
    ~FileDescriptor() {
        if (fd >= 0)
            ::close(fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
};

bool hasSplits(const fs::path& folder) {
    std::error_code ec;
    return fs::is_directory(folder / "train", ec) && fs::is_directory(folder / "test", ec);
}

bool endsWithTxt(const std::string& name) {
    return name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0;
}

/// `ID_RATING.txt` -> RATING; -1 when the name does not follow that pattern.
int ratingFromName(const std::string& name) {
    const auto underscore = name.rfind('_');
    const auto dot = name.size() - 4;
    if (underscore == std::string::npos || underscore + 1 >= dot)
        return -1;
    int rating = 0;
    for (auto i = underscore + 1; i < dot; ++i) {
        if (name[i] < '0' || name[i] > '9' || rating > 1000)
            return -1;
        rating = rating * 10 + (name[i] - '0');
    }
    return rating;
}

/// Adds the *.txt files of one label folder (no content is read: sizes come from the listing).
void scanLabelFolder(const fs::path& folder, const std::string& split, const std::string& label,
                     DatasetIndex& index) {
    std::size_t& count = index.counts[split][label];
    for (const DirectoryEntry& entry : listDirectory(folder)) {
        if (!entry.isRegularFile || !endsWithTxt(entry.name))
            continue;
        fs::path path = folder / entry.name;
        if (entry.bytes == 0) {
            index.emptyFiles.push_back(std::move(path));
            continue;
        }
        index.files.push_back({std::move(path), split, label, ratingFromName(entry.name), entry.bytes});
        ++count;
    }
}

void scanLabelledSplit(const fs::path& root, const std::string& split, DatasetIndex& index,
                       std::set<std::string>& labels, Observer* observer, const CancelToken* cancel) {
    bool anyLabel = false;
    for (const DirectoryEntry& entry : listDirectory(root / split)) {
        if (!entry.isDirectory)
            continue; // e.g. urls_pos.txt next to the label folders
        throwIfCancelled(cancel);
        scanLabelFolder(root / split / entry.name, split, entry.name, index);
        labels.insert(entry.name);
        anyLabel = true;
        report(observer, {"scan", double(index.files.size()), 0, 0, "files", split + "/" + entry.name});
    }
    if (!anyLabel)
        throw Error("dataset folder " + (root / split).string() +
                    " has no label folders: expected one subfolder per label, e.g. " + split + "/pos and " +
                    split + "/neg");
}
} // namespace

std::size_t DatasetIndex::count(const std::string& split) const {
    const auto it = counts.find(split);
    if (it == counts.end())
        return 0;
    std::size_t total = 0;
    for (const auto& [label, n] : it->second)
        total += n;
    return total;
}

fs::path findDatasetRoot(const fs::path& folder) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw Error("dataset folder " + folder.string() + " does not exist");
    if (hasSplits(folder))
        return folder;
    std::vector<fs::path> candidates;
    for (const DirectoryEntry& entry : listDirectory(folder))
        if (entry.isDirectory && hasSplits(folder / entry.name))
            candidates.push_back(folder / entry.name);
    if (candidates.size() == 1)
        return candidates.front();
    throw Error("folder " + folder.string() +
                " is not a fastai-layout dataset: expected train/ and test/ subfolders with one folder per "
                "label (train/pos, train/neg, test/pos, test/neg)" +
                (candidates.empty() ? std::string() : "; it holds several datasets, pick one"));
}

DatasetIndex scanDataset(const fs::path& folder, Observer* observer, const CancelToken* cancel) {
    DatasetIndex index;
    index.root = findDatasetRoot(folder);
    std::set<std::string> labels;
    for (const char* split : kLabelledSplits)
        scanLabelledSplit(index.root, split, index, labels, observer, cancel);
    std::error_code ec;
    if (fs::is_directory(index.root / "unsup", ec)) {
        throwIfCancelled(cancel);
        scanLabelFolder(index.root / "unsup", "unsup", "", index);
    }
    index.labels.assign(labels.begin(), labels.end());
    report(observer, {"scan", double(index.files.size()), double(index.files.size()), 0, "files", ""});
    return index;
}

std::string readReviewText(const fs::path& file) {
    // open/fstat/read straight into the string: training reads 50,000 small files, and stdio's
    // buffering added a copy and system calls to each.
    const FileDescriptor in(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    if (in.fd < 0)
        throw Error("cannot read review " + file.string() + " (was the dataset moved or deleted?)");
    struct stat info {};
    std::string bytes;
    if (::fstat(in.fd, &info) == 0 && info.st_size > 0)
        bytes.resize(static_cast<std::size_t>(info.st_size));
    std::size_t size = 0;
    for (;;) {
        if (size == bytes.size())
            bytes.resize(std::max<std::size_t>(4096, bytes.size() * 2)); // grew since fstat, or no size
        const ssize_t n = ::read(in.fd, bytes.data() + size, bytes.size() - size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw Error("error while reading review " + file.string() + ": " + std::strerror(errno));
        if (n == 0)
            break;
        size += static_cast<std::size_t>(n);
    }
    bytes.resize(size);
    sanitizeUtf8(bytes);
    return bytes;
}

} // namespace ulmfit
