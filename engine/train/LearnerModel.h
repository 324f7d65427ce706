#pragma once
#include <torch/nn/module.h>
#include <torch/types.h>

#include <functional>
#include <memory>
#include <vector>

namespace ulmfit {

/// What a model's forward gives the loop: logits plus the last layer's hidden states that
/// AR/TAR regularise (undefined for models without them).
struct ModelOutput {
    torch::Tensor logits;        // [bs, seq_len, vocab] or [bs, classes]
    torch::Tensor rawHidden;     // last RNN layer output before dropout (TAR)
    torch::Tensor droppedHidden; // ... after dropout (AR)
};

/// One batch: int64 input and target.
struct Batch {
    torch::Tensor input, target;
};

/// The Learner's view of a model, so the loop is written once for the LM, the classifier and
/// the tiny synthetic models of the tests.
struct LearnerModel {
    std::shared_ptr<torch::nn::Module> module;
    std::function<ModelOutput(const torch::Tensor& input)> forward;
    std::function<void()> reset; // clears recurrent state; may be empty
    std::vector<std::vector<torch::Tensor>> groups;
    std::vector<torch::Tensor> noWeightDecay; // fastai's norm and bias parameters; empty: every 1-d tensor
};

/// Batches by index; startEpoch lets a loader reshuffle (fastai's DataLoader per epoch).
class BatchSource {
public:
    virtual ~BatchSource() = default;
    virtual std::size_t size() const = 0;
    virtual Batch batch(std::size_t index) = 0;
    virtual void startEpoch(int /*epoch*/) {}
};

/// Adapts any loader with size(), batch(i) -> {input, target} and startEpoch(int).
template <class Loader>
class LoaderSource : public BatchSource {
public:
    explicit LoaderSource(Loader& loader) : m_loader(loader) {}
    std::size_t size() const override { return m_loader.size(); }
    Batch batch(std::size_t index) override {
        auto b = m_loader.batch(index);
        return {b.input, b.target};
    }
    void startEpoch(int epoch) override { m_loader.startEpoch(epoch); }

private:
    Loader& m_loader;
};

} // namespace ulmfit
