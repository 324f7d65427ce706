#pragma once
// The reference the corpus builder's vocabulary is checked against.
#include "data/corpus/Vocab.h"

#include <string>
#include <unordered_map>
#include <vector>

/// Every token of `docs` counted, in order of first occurrence in the corpus: fastai's Counter, whose
/// order Vocab::build keeps for ties.
inline std::vector<ulmfit::TokenCount> countInCorpusOrder(const std::vector<std::vector<std::string>>& docs) {
    std::vector<ulmfit::TokenCount> counts;
    std::unordered_map<std::string, std::size_t> where;
    for (const auto& doc : docs)
        for (const auto& token : doc) {
            const auto [it, added] = where.emplace(token, counts.size());
            if (added)
                counts.push_back({token, 0});
            ++counts[it->second].count;
        }
    return counts;
}
