#include "infer/TextGenerator.h"

#include "core/Error.h"
#include "infer/TextDecoding.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/utils.h>

#include <algorithm>

namespace ulmfit {

TextGenerator::TextGenerator(const std::filesystem::path& lmBundleDir, torch::Device device)
    : TextGenerator(loadLanguageModelBundle(lmBundleDir, device), device) {}

TextGenerator::TextGenerator(LoadedLanguageModel lm, torch::Device device)
    : m_model(std::move(lm.model)), m_vocab(std::move(lm.vocab)), m_device(device), m_direction(lm.direction) {
    m_model->to(device);
    m_model->eval();
}

std::vector<std::string> TextGenerator::generate(std::string_view prompt, int nWords, double temperature,
                                                 int nSamples, std::uint64_t seed,
                                                 const CancelToken* cancel) {
    GenerationOptions options;
    options.nWords = nWords;
    options.temperature = temperature;
    options.nSamples = nSamples;
    options.seed = seed;
    std::vector<std::string> texts;
    for (const auto& tokens : generateTokens(prompt, options, cancel))
        texts.push_back(detokenize(tokens));
    return texts;
}

std::vector<std::vector<std::string>> TextGenerator::generateTokens(std::string_view prompt,
                                                                    const GenerationOptions& options,
                                                                    const CancelToken* cancel) {
    if (!(options.temperature > 0))
        throw Error("temperature must be greater than 0");
    if (options.nWords < 0 || options.nSamples < 1)
        throw Error("need at least one sample and a non-negative number of words");
    auto promptIds = m_vocab.encode(m_tokenizer.tokenize(prompt));
    const bool backward = m_direction == Direction::Backward;
    if (backward) {
        // Read right to left, the prompt's xxbos would end it: the model would go on into the
        // previous document. Without it, the model writes what precedes the prompt in its own review.
        const int32_t bos = m_vocab.id("xxbos");
        if (!promptIds.empty() && promptIds.front() == bos && bos != Vocab::kUnkId)
            promptIds.erase(promptIds.begin());
    }
    std::vector<int64_t> ids(promptIds.begin(), promptIds.end());
    if (backward) {
        std::reverse(ids.begin(), ids.end());
        if (ids.empty())
            throw Error("a backward language model needs a prompt to write what comes before it");
    }
    torch::NoGradGuard noGrad;
    m_model->reset();
    // The samples run side by side as the rows of one batch; the hidden state carries the
    // prompt forward, so each step feeds only the newly sampled token.
    auto input = torch::tensor(ids, at::kLong).view({1, -1}).repeat({options.nSamples, 1}).to(m_device);
    auto logits = m_model(input).logits.select(1, -1);
    auto gen = at::make_generator<at::CPUGeneratorImpl>(options.seed);
    std::vector<torch::Tensor> sampled;
    for (int w = 0; w < options.nWords; ++w) {
        throwIfCancelled(cancel);
        sampled.push_back(sample(logits, options, gen)); // [nSamples, 1] on the CPU
        logits = m_model(sampled.back().to(m_device)).logits.select(1, 0);
    }
    auto all = sampled.empty() ? at::empty({options.nSamples, 0}, at::kLong) : at::cat(sampled, 1);
    std::vector<std::vector<std::string>> samples;
    for (int s = 0; s < options.nSamples; ++s) {
        std::vector<std::string> generated;
        for (int64_t w = 0; w < all.size(1); ++w)
            generated.push_back(m_vocab.token(static_cast<int32_t>(all[s][w].item<int64_t>())));
        std::vector<std::string> tokens = m_vocab.decodeTokens(promptIds.data(), promptIds.size(), true);
        if (backward) { // sampled right to left: reversed, they come before the prompt
            std::vector<std::string> before(generated.rbegin(), generated.rend());
            tokens.insert(tokens.begin(), before.begin(), before.end());
        } else {
            tokens.insert(tokens.end(), generated.begin(), generated.end());
        }
        samples.push_back(std::move(tokens));
    }
    return samples;
}

torch::Tensor TextGenerator::sample(const torch::Tensor& lastLogits, const GenerationOptions& options,
                                    at::Generator& gen) const {
    auto probs = at::softmax(lastLogits.to(at::kCPU, at::kDouble) / options.temperature, -1);
    if (options.noUnk)
        probs.select(1, Vocab::kUnkId).zero_();
    return at::multinomial(probs, 1, /*replacement=*/false, gen);
}

} // namespace ulmfit
