#pragma once
#include "data/text/SpecialTokens.h"
#include "model/ModelBundle.h"

#include <torch/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace ulmfit::test {

/// fastai's special tokens followed by a few words the tests' sentences use.
inline std::vector<std::string> tinyVocab() {
    auto vocab = text::specialTokens();
    for (const char* w : {"i", "liked", "this", "movie", "it", "was", "great", "bad", "terrible", "film", ".",
                          "!", ",", "the", "a", "and"})
        vocab.push_back(w);
    return vocab;
}

inline AwdLstmConfig tinyConfig(bool classifier) {
    auto vocabSize = static_cast<int64_t>(tinyVocab().size());
    auto config = classifier ? classifierConfig(vocabSize) : lmConfig(vocabSize);
    config.embSize = 8;
    config.hiddenSize = 10;
    config.nLayers = 2;
    return config;
}

inline TextClassifier tinyClassifier() {
    ClassifierOptions options;
    options.nClasses = 2;
    options.seqLen = 4;
    options.maxLen = 12;
    options.linFtrs = {6};
    options.linPs = {0.1};
    return TextClassifier(tinyConfig(true), options);
}

/// Saves a freshly initialised (seeded) classifier bundle with labels {neg, pos} into `dir`.
inline TextClassifier writeClassifierBundle(const std::filesystem::path& dir, uint64_t seed = 1) {
    torch::manual_seed(seed);
    auto model = tinyClassifier();
    saveClassifierBundle(dir, model, tinyVocab(), {"neg", "pos"});
    return model;
}

inline LanguageModel writeLanguageModelBundle(const std::filesystem::path& dir, uint64_t seed = 1) {
    torch::manual_seed(seed);
    LanguageModel lm(tinyConfig(false));
    saveLanguageModelBundle(dir, lm, tinyVocab());
    return lm;
}

} // namespace ulmfit::test
