#pragma once
// In-memory corpora for the batch tests: every token id is distinct (except each document's leading
// xxbos), so a test can check where each token ended up.
#include "data/corpus/Corpus.h"

#include <string>
#include <vector>

namespace testing {

inline ulmfit::Corpus tinyCorpus(const std::vector<int>& lengths, const std::vector<int>& labels = {}) {
    ulmfit::Corpus c;
    std::vector<std::string> itos{"xxunk", "xxpad", "xxbos", "xxeos", "xxfld", "xxrep", "xxwrep", "xxup", "xxmaj"};
    c.offsets.push_back(0);
    c.labelNames = {"neg", "pos"};
    for (std::size_t d = 0; d < lengths.size(); ++d) {
        c.tokens.push_back(2); // xxbos
        for (int i = 1; i < lengths[d]; ++i) {
            c.tokens.push_back(static_cast<std::int32_t>(itos.size()));
            itos.push_back("d" + std::to_string(d) + "t" + std::to_string(i));
        }
        c.offsets.push_back(static_cast<std::int64_t>(c.tokens.size()));
        c.splits.push_back(d % 2 ? ulmfit::Split::Test : ulmfit::Split::Train);
        c.labels.push_back(labels.empty() ? static_cast<int>(d % 2) : labels[d]);
        c.sourcePaths.push_back("doc" + std::to_string(d) + ".txt");
    }
    c.vocab = ulmfit::Vocab(std::move(itos));
    return c;
}

/// Lengths from a fixed LCG in [minLen, maxLen].
inline std::vector<int> pseudoRandomLengths(std::size_t n, int minLen, int maxLen, std::uint64_t seed = 7) {
    std::vector<int> lengths;
    for (std::size_t i = 0; i < n; ++i) {
        seed = seed * 6364136223846793005ull + 1442695040888963407ull;
        lengths.push_back(minLen + static_cast<int>((seed >> 33) % static_cast<std::uint64_t>(maxLen - minLen + 1)));
    }
    return lengths;
}

} // namespace testing
