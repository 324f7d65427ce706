// Scans a fastai-layout dataset folder (train/{label}, test/{label}, optional unsup/).
#include "data/source/Dataset.h"

#include "core/Error.h"
#include "data/source/DirectoryListing.h"
#include "data/source/ReviewReader.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
const char* const kLabelledSplits[] = {"train", "test"};

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
    if (fs::is_regular_file(folder, ec))
        throw Error(folder.string() +
                    " is a file, not a dataset folder (an archive must be extracted first)");
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
    ReviewReader reader;
    return std::string(reader.read(file));
}

} // namespace ulmfit
