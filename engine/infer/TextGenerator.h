#pragma once
#include "core/CancelToken.h"
#include "data/corpus/Vocab.h"
#include "data/text/Tokenizer.h"
#include "model/ModelBundle.h"

#include <torch/types.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ulmfit {

/// Settings of one generate() call (fastai LMLearner.predict: n_words, temperature, no_unk).
struct GenerationOptions {
    int nWords = 40;
    double temperature = 1.0; // > 0; lower = more conservative
    int nSamples = 1;
    std::uint64_t seed = 42; // same seed, same model, same prompt -> same text
    bool noUnk = true;       // never sample xxunk
};

/// Continues a prompt with a saved language model, sampling each next token from
/// softmax(logits / temperature) as fastai does, and decodes the tokens back to text. A backward
/// language model reads right to left, so it writes what comes before the prompt: its texts are
/// nWords sampled tokens followed by the prompt (which they end with).
class TextGenerator {
  public:
    explicit TextGenerator(const std::filesystem::path& lmBundleDir, torch::Device device = torch::kCPU);
    explicit TextGenerator(LoadedLanguageModel lm, torch::Device device = torch::kCPU);

    /// nSamples texts, each the prompt followed by nWords sampled tokens (backward: preceded), decoded.
    std::vector<std::string> generate(std::string_view prompt, int nWords = 40, double temperature = 1.0,
                                      int nSamples = 1, std::uint64_t seed = 42,
                                      const CancelToken* cancel = nullptr);
    /// The raw tokens (prompt tokens included) of each sample.
    std::vector<std::vector<std::string>> generateTokens(std::string_view prompt,
                                                         const GenerationOptions& options,
                                                         const CancelToken* cancel = nullptr);

    const Vocab& vocab() const { return m_vocab; }

  private:
    torch::Tensor sample(const torch::Tensor& lastLogits, const GenerationOptions& options,
                         at::Generator& gen) const;

    LanguageModel m_model{nullptr};
    Vocab m_vocab;
    torch::Device m_device;
    Direction m_direction;
    text::Tokenizer m_tokenizer;
};

} // namespace ulmfit
