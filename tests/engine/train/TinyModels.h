#pragma once
// Tiny synthetic models and batches for the training tests (CPU, fixed seeds).
#include "train/LearnerModel.h"

#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>

namespace ulmfit::test {

/// Embedding -> Linear "language model" over a vocabulary of `vocab` tokens, two groups.
struct TinyLmImpl : torch::nn::Module {
    explicit TinyLmImpl(int vocab = 12, int dim = 8)
        : embedding(register_module("embedding", torch::nn::Embedding(vocab, dim))),
          head(register_module("head", torch::nn::Linear(dim, vocab))) {}
    ModelOutput forward(const torch::Tensor& input) {
        auto hidden = torch::tanh(embedding(input));
        return {head(hidden), hidden, hidden};
    }
    torch::nn::Embedding embedding;
    torch::nn::Linear head;
};

inline LearnerModel tinyLm(int vocab = 12, int dim = 8, int* resets = nullptr) {
    auto module = std::make_shared<TinyLmImpl>(vocab, dim);
    LearnerModel model;
    model.module = module;
    model.forward = [module](const torch::Tensor& x) { return module->forward(x); };
    model.reset = [resets] {
        if (resets)
            ++*resets;
    };
    model.groups = {module->embedding->parameters(), module->head->parameters()};
    return model;
}

/// A fixed set of batches: target is the next token of a cyclic sequence, so it is learnable.
class FixedBatches : public BatchSource {
public:
    FixedBatches(int count, int bs = 4, int seqLen = 6, int vocab = 12, std::uint64_t seed = 1) {
        torch::manual_seed(seed);
        for (int i = 0; i < count; ++i) {
            auto input = torch::randint(vocab, {bs, seqLen}, torch::kLong);
            m_batches.push_back({input, (input + 1) % vocab});
        }
    }
    std::size_t size() const override { return m_batches.size(); }
    Batch batch(std::size_t index) override {
        ++served;
        return m_batches.at(index);
    }
    void startEpoch(int epoch) override { epochsStarted.push_back(epoch); }

    int served = 0;
    std::vector<int> epochsStarted;

private:
    std::vector<Batch> m_batches;
};

} // namespace ulmfit::test
