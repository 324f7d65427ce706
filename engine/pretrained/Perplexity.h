#pragma once
#include "core/CancelToken.h"
#include "data/corpus/Vocab.h"
#include "model/LanguageModel.h"
#include "recipe/Recipe.h"

#include <string_view>
#include <vector>

namespace ulmfit {

struct PerplexityResult {
    double perplexity = 0;      // exp(meanLoss)
    double meanLoss = 0;        // mean cross-entropy in nats
    std::int64_t predicted = 0; // tokens predicted (all but the first)
};

/// A language model's perplexity on one token sequence: every token after the first is
/// predicted from the ones before it, in eval mode (no dropout) from a zero hidden state; the
/// text runs through in chunks of `chunk` tokens with the state carried over, which gives the
/// same numbers as one pass. Leaves the model in eval mode with its state reset. Throws
/// ulmfit::Error for fewer than 2 tokens or an id outside the vocabulary.
PerplexityResult perplexity(const LanguageModel& model, const std::vector<std::int64_t>& ids,
                            std::int64_t chunk = 512, const CancelToken* cancel = nullptr);

/// The same for a text: tokenized with fastai's rules (which put xxbos in front) and
/// numericalized with `vocab` (unknown tokens are xxunk). A backward model reads the ids reversed
/// (xxbos last), as it was trained.
PerplexityResult textPerplexity(const LanguageModel& model, const Vocab& vocab, std::string_view text,
                                const CancelToken* cancel = nullptr, Direction direction = Direction::Forward);

} // namespace ulmfit
