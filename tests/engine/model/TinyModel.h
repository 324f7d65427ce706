#pragma once
#include "model/AwdLstmConfig.h"
#include "model/ClassifierOptions.h"

#include <torch/types.h>

namespace ulmfit::test {

/// A model small enough that every test runs in milliseconds on a CPU.
inline AwdLstmConfig tinyConfig(int64_t vocab = 30, bool classifier = false) {
    auto config = classifier ? classifierConfig(vocab) : lmConfig(vocab);
    config.embSize = 8;
    config.hiddenSize = 12;
    config.nLayers = 3;
    return config;
}

inline ClassifierOptions tinyOptions(int64_t seqLen = 5, int64_t maxLen = 20, int64_t classes = 3) {
    ClassifierOptions options;
    options.nClasses = classes;
    options.seqLen = seqLen;
    options.maxLen = maxLen;
    options.linFtrs = {6};
    options.linPs = {0.1};
    return options;
}

/// Random token ids that are never the padding token (1).
inline torch::Tensor randomTokens(int64_t bs, int64_t sl, int64_t vocab = 30) {
    auto t = torch::randint(2, vocab, {bs, sl}, torch::kLong);
    return t;
}

} // namespace ulmfit::test
