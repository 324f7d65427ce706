#include "pretrained/MatchEmbeds.h"

#include "core/Error.h"
#include "pretrained/FastaiLayout.h"

#include <ATen/ATen.h>

#include <unordered_map>

namespace ulmfit {

MatchedEmbeddings matchEmbeds(const torch::Tensor& oldEmbedding, const torch::Tensor& oldBias,
                              const std::vector<std::string>& oldVocab,
                              const std::vector<std::string>& newVocab) {
    if (oldEmbedding.dim() != 2 || oldEmbedding.size(0) != static_cast<int64_t>(oldVocab.size()))
        throw Error("the embedding is " + shapeText(oldEmbedding.sizes()) + " but the old vocabulary has " +
                    std::to_string(oldVocab.size()) + " tokens");
    if (oldBias.defined() && oldBias.sizes() != at::IntArrayRef{oldEmbedding.size(0)})
        throw Error("the decoder bias is " + shapeText(oldBias.sizes()) + " but the old vocabulary has " +
                    std::to_string(oldVocab.size()) + " tokens");
    if (oldVocab.empty())
        throw Error("cannot match embeddings from an empty vocabulary");
    std::unordered_map<std::string, int64_t> oldIds;
    oldIds.reserve(oldVocab.size());
    for (std::size_t i = 0; i < oldVocab.size(); ++i)
        oldIds[oldVocab[i]] = static_cast<int64_t>(i); // a repeated token keeps its last id

    // One gather instead of a row-by-row copy: unknown tokens gather row 0, then get the mean.
    const auto n = static_cast<int64_t>(newVocab.size());
    auto index = at::empty({n}, at::kLong);
    auto missing = at::empty({n}, at::kBool);
    auto* indexData = index.data_ptr<int64_t>();
    auto* missingData = missing.data_ptr<bool>();
    MatchedEmbeddings result;
    for (int64_t i = 0; i < n; ++i) {
        const auto it = oldIds.find(newVocab[static_cast<std::size_t>(i)]);
        missingData[i] = it == oldIds.end();
        indexData[i] = missingData[i] ? 0 : it->second;
        result.matched += missingData[i] ? 0 : 1;
    }
    torch::NoGradGuard noGrad;
    const auto device = oldEmbedding.device();
    index = index.to(device);
    missing = missing.to(device);
    result.embedding = oldEmbedding.index_select(0, index);
    result.embedding.index_put_({missing}, oldEmbedding.mean(0));
    if (oldBias.defined()) {
        result.bias = oldBias.index_select(0, index);
        result.bias.index_put_({missing}, oldBias.mean(0));
    }
    return result;
}

std::int64_t matchEmbeds(StateDict& stateDict, const std::vector<std::string>& oldVocab,
                         const std::vector<std::string>& newVocab) {
    const torch::Tensor* bias = stateDict.find(fastai::kDecoderBiasKey);
    auto matched =
        matchEmbeds(stateDict.at(fastai::kEmbeddingKey), bias ? *bias : torch::Tensor(), oldVocab, newVocab);
    stateDict.set(fastai::kEmbeddingKey, matched.embedding);
    if (stateDict.contains(fastai::kEmbeddingDropoutKey))
        stateDict.set(fastai::kEmbeddingDropoutKey, matched.embedding);
    stateDict.set(fastai::kDecoderWeightKey, matched.embedding);
    if (matched.bias.defined())
        stateDict.set(fastai::kDecoderBiasKey, matched.bias);
    return matched.matched;
}

} // namespace ulmfit
