#pragma once
#include "model/RNNDropout.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace ulmfit {

/// Output of the language model: logits plus the last LSTM layer's raw and dropped outputs,
/// which AR (alpha * dropped.pow(2).mean()) and TAR (beta * (raw[:,1:]-raw[:,:-1]).pow(2).mean()) need.
struct LmOutput {
    torch::Tensor logits;            // [bs, sl, vocab]
    torch::Tensor rawLastHidden;     // [bs, sl, emb]
    torch::Tensor droppedLastHidden; // [bs, sl, emb]
};

/// fastai LinearDecoder: output dropout then Linear(emb -> vocab) whose weight is TIED to the
/// embedding matrix (same tensor, registered only by the embedding) plus an own bias.
class LinearDecoderImpl : public torch::nn::Module {
  public:
    LinearDecoderImpl(torch::Tensor tiedWeight, double outputP);
    LmOutput forward(const torch::Tensor& rawLastHidden);
    const torch::Tensor& weight() const { return m_weight; }
    const torch::Tensor& bias() const { return m_bias; }

    RNNDropout outputDp{nullptr};

  private:
    torch::Tensor m_weight;
    torch::Tensor m_bias;
};
TORCH_MODULE(LinearDecoder);

} // namespace ulmfit
