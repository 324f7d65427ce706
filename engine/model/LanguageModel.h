#pragma once
#include "model/AwdLstm.h"
#include "model/LinearDecoder.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace ulmfit {

/// AWD-LSTM language model (fastai get_language_model): encoder + tied LinearDecoder.
/// Checkpoint names: encoder.*, decoder.bias.
class LanguageModelImpl : public torch::nn::Module {
  public:
    explicit LanguageModelImpl(const AwdLstmConfig& config);
    /// input [bs, sl] -> logits [bs, sl, vocab] + last layer outputs for AR/TAR. The encoder's
    /// hidden state carries over between calls; call reset() at the start of each epoch.
    LmOutput forward(const torch::Tensor& input);
    void reset() { encoder->reset(); }
    const AwdLstmConfig& config() const { return encoder->config(); }

    AwdLstm encoder{nullptr};
    LinearDecoder decoder{nullptr};
};
TORCH_MODULE(LanguageModel);

} // namespace ulmfit
