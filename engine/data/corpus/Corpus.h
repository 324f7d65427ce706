#pragma once
#include "data/corpus/Vocab.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ulmfit {

/// Which folder a document came from (fastai's GrandparentSplitter names).
enum class Split : std::uint8_t { Train = 0, Test = 1, Unsup = 2 };
const char* splitName(Split split);
Split splitFromName(const std::string& name); // throws ulmfit::Error for anything else

/// A read-only view of one document's token ids (C++17 has no std::span).
struct DocTokens {
    const std::int32_t* data = nullptr;
    std::size_t size = 0;
    const std::int32_t* begin() const { return data; }
    const std::int32_t* end() const { return data + size; }
};

/// The tokenized, numericalized dataset: all token ids in one flat int32 array with per-document
/// offsets (50k IMDb reviews are ~15M tokens = 60 MB), plus each document's split, label and path.
struct Corpus {
    Vocab vocab;
    std::vector<std::int32_t> tokens;  // every document's ids, back to back
    std::vector<std::int64_t> offsets; // size() + 1 entries; doc i is tokens[offsets[i], offsets[i+1])
    std::vector<Split> splits;
    std::vector<std::int32_t> labels;     // index into labelNames, -1 for unlabelled (unsup)
    std::vector<std::string> labelNames;  // e.g. {"neg", "pos"}
    std::vector<std::string> sourcePaths; // the review file of each document
    std::filesystem::path root;           // dataset root it was built from

    std::size_t size() const { return splits.size(); }
    std::int64_t totalTokens() const { return static_cast<std::int64_t>(tokens.size()); }
    DocTokens doc(std::size_t i) const;
    std::int64_t docLength(std::size_t i) const { return offsets[i + 1] - offsets[i]; }
    std::vector<std::size_t> indicesOf(Split split) const;
    std::vector<std::size_t> allIndices() const;
    /// Throws ulmfit::Error when the arrays disagree (used after loading from disk).
    void validate() const;
    /// Reverses each document's ids in place, as fastai's backwards=True does after numericalizing
    /// (a document's xxbos comes last). Calling it again restores the reading order.
    void reverseDocuments();
};

} // namespace ulmfit
