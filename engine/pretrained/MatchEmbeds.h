#pragma once
#include "pretrained/StateDict.h"

#include <string>
#include <vector>

namespace ulmfit {

struct MatchedEmbeddings {
    torch::Tensor embedding;  // [newVocab, emb]
    torch::Tensor bias;       // [newVocab], undefined when no bias was given
    std::int64_t matched = 0; // tokens of the new vocabulary found in the old one
};

/// fastai's match_embeds: row i of the new embedding is the old row of newVocab[i] when the old
/// vocabulary has that token (special tokens included, matched by their text like any other),
/// else the mean of all old rows; the decoder bias likewise with the mean bias. A token listed
/// twice in the old vocabulary takes its last row, as fastai's {w: i for i, w in ...} does.
/// Throws ulmfit::Error when the sizes do not match the old vocabulary.
MatchedEmbeddings matchEmbeds(const torch::Tensor& oldEmbedding, const torch::Tensor& oldBias,
                              const std::vector<std::string>& oldVocab,
                              const std::vector<std::string>& newVocab);

/// The same on a language-model state dict in fastai's layout (0.encoder.weight, 1.decoder.bias):
/// the embedding, its dropout copy (0.encoder_dp.emb.weight) and the tied decoder weight
/// (1.decoder.weight) all become the one new tensor. Returns the number of matched tokens.
std::int64_t matchEmbeds(StateDict& stateDict, const std::vector<std::string>& oldVocab,
                         const std::vector<std::string>& newVocab);

} // namespace ulmfit
