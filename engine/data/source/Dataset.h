#pragma once
#include "core/CancelToken.h"
#include "core/Observer.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ulmfit {

/// One review file of a fastai-layout dataset (`<split>/<label>/<id>_<rating>.txt`).
struct ReviewFile {
    std::filesystem::path path;
    std::string split;     // "train", "test", "unsup" (grandparent folder, fastai's GrandparentSplitter)
    std::string label;     // "neg", "pos" (parent folder, fastai's parent_label); "" for unsup
    int rating = -1;       // from the file name `ID_RATING.txt`, -1 when absent
    std::uintmax_t bytes = 0;
};

/// What a scan of a dataset folder found, in a deterministic order (split, label, file name).
struct DatasetIndex {
    std::filesystem::path root;
    std::vector<ReviewFile> files;
    std::vector<std::string> labels; // sorted label names seen in labelled splits, e.g. {"neg","pos"}
    std::map<std::string, std::map<std::string, std::size_t>> counts; // split -> label -> files
    std::vector<std::filesystem::path> emptyFiles;                    // reported, skipped from `files`

    std::size_t count(const std::string& split) const;
};

/// Accepts the dataset folder itself (holding train/ and test/) or a parent folder with exactly one
/// such child (e.g. the folder an archive was extracted to). Throws ulmfit::Error if neither.
std::filesystem::path findDatasetRoot(const std::filesystem::path& folder);

/// Scans `train/{label}`, `test/{label}` and optional `unsup/` for *.txt files.
/// Throws ulmfit::Error with an actionable message when the layout is not fastai's.
DatasetIndex scanDataset(const std::filesystem::path& folder, Observer* observer = nullptr,
                         const CancelToken* cancel = nullptr);

/// Reads a review as UTF-8: invalid byte sequences become U+FFFD (sanitizeUtf8); never throws on content.
/// Throws ulmfit::Error only when the file cannot be read.
std::string readReviewText(const std::filesystem::path& file);

} // namespace ulmfit
