#include "data/corpus/Corpus.h"

#include "core/Error.h"

#include <algorithm>
#include <numeric>

namespace ulmfit {

const char* splitName(Split split) {
    switch (split) {
    case Split::Train: return "train";
    case Split::Test: return "test";
    case Split::Unsup: return "unsup";
    }
    return "?";
}

Split splitFromName(const std::string& name) {
    if (name == "train")
        return Split::Train;
    if (name == "test")
        return Split::Test;
    if (name == "unsup")
        return Split::Unsup;
    throw Error("unknown dataset split '" + name + "' (expected train, test or unsup)");
}

DocTokens Corpus::doc(std::size_t i) const {
    return {tokens.data() + offsets[i], static_cast<std::size_t>(docLength(i))};
}

std::vector<std::size_t> Corpus::indicesOf(Split split) const {
    std::vector<std::size_t> result;
    for (std::size_t i = 0; i < splits.size(); ++i)
        if (splits[i] == split)
            result.push_back(i);
    return result;
}

std::vector<std::size_t> Corpus::allIndices() const {
    std::vector<std::size_t> result(size());
    std::iota(result.begin(), result.end(), std::size_t{0});
    return result;
}

void Corpus::validate() const {
    const std::size_t n = splits.size();
    if (offsets.size() != n + 1 || labels.size() != n || sourcePaths.size() != n)
        throw Error("corpus arrays have inconsistent sizes");
    if (offsets.front() != 0 || offsets.back() != totalTokens())
        throw Error("corpus offsets do not cover the token array");
    for (std::size_t i = 0; i < n; ++i) {
        if (offsets[i + 1] < offsets[i])
            throw Error("corpus offsets are not increasing");
        if (labels[i] < -1 || labels[i] >= static_cast<std::int32_t>(labelNames.size()))
            throw Error("corpus label index out of range");
        if (static_cast<int>(splits[i]) > static_cast<int>(Split::Unsup))
            throw Error("corpus split code out of range");
    }
    const auto vocabSize = static_cast<std::int32_t>(vocab.size());
    for (const std::int32_t id : tokens)
        if (id < 0 || id >= vocabSize)
            throw Error("corpus token id out of the vocabulary range");
}

void Corpus::reverseDocuments() {
    for (std::size_t i = 0; i < size(); ++i)
        std::reverse(tokens.begin() + offsets[i], tokens.begin() + offsets[i + 1]);
}

} // namespace ulmfit
