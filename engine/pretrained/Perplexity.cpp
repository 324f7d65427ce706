#include "pretrained/Perplexity.h"

#include "core/Error.h"
#include "data/text/Tokenizer.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cmath>

namespace ulmfit {

PerplexityResult perplexity(const LanguageModel& lm, const std::vector<std::int64_t>& ids, std::int64_t chunk,
                            const CancelToken* cancel) {
    LanguageModel model = lm; // the same module; the holder's copy lets it run (forward, reset)
    if (ids.size() < 2)
        throw Error("a text needs at least one token after xxbos to measure perplexity");
    const auto vocabSize = model->config().vocabSize;
    for (const auto id : ids)
        if (id < 0 || id >= vocabSize)
            throw Error("token id " + std::to_string(id) + " is outside the model's vocabulary of " +
                        std::to_string(vocabSize));
    torch::NoGradGuard noGrad;
    model->eval();
    model->reset();
    const auto device = model->decoder->bias().device();
    const auto all = torch::tensor(ids, at::kLong);
    const auto n = static_cast<std::int64_t>(ids.size()) - 1; // inputs: all but the last token
    double totalLoss = 0;
    for (std::int64_t start = 0; start < n; start += chunk) {
        throwIfCancelled(cancel);
        const auto length = std::min(chunk, n - start);
        const auto input = all.narrow(0, start, length).view({1, length}).to(device);
        const auto target = all.narrow(0, start + 1, length).to(device);
        const auto logits = model->forward(input).logits.view({length, vocabSize}).to(at::kDouble);
        totalLoss += at::cross_entropy_loss(logits, target, {}, at::Reduction::Sum).item<double>();
    }
    model->reset();
    PerplexityResult result;
    result.predicted = n;
    result.meanLoss = totalLoss / static_cast<double>(n);
    result.perplexity = std::exp(result.meanLoss);
    return result;
}

PerplexityResult textPerplexity(const LanguageModel& model, const Vocab& vocab, std::string_view text,
                                const CancelToken* cancel, Direction direction) {
    const text::Tokenizer tokenizer;
    const auto tokens = tokenizer.tokenize(text);
    std::vector<std::int64_t> ids;
    ids.reserve(tokens.size());
    for (const auto id : vocab.encode(tokens))
        ids.push_back(id);
    if (direction == Direction::Backward)
        std::reverse(ids.begin(), ids.end());
    return perplexity(model, ids, 512, cancel);
}

} // namespace ulmfit
