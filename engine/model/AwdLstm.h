#pragma once
#include "model/AwdLstmConfig.h"
#include "model/EmbeddingDropout.h"
#include "model/LstmLayer.h"
#include "model/RNNDropout.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/pimpl.h>

#include <vector>

namespace ulmfit {

/// The AWD-LSTM encoder (fastai AWD_LSTM): embedding with embedding dropout and input dropout,
/// nLayers weight-dropped LSTMs (hiddenSize, the last one back to embSize) with hidden dropout
/// between them. Shared in shape by the language model and the classifier (save/loadEncoder).
/// Checkpoint names: encoder.weight, rnns.<i>.{weight_ih_l0,bias_ih_l0,bias_hh_l0,weight_hh_l0.raw}.
class AwdLstmImpl : public torch::nn::Module {
  public:
    explicit AwdLstmImpl(const AwdLstmConfig& config);

    /// input [bs, sl] token ids -> last layer's output [bs, sl, embSize]. Uses the hidden state
    /// kept from the previous call (zeros after reset(); resized if bs changed) and keeps the
    /// new one detached, so language-model batches continue each other.
    torch::Tensor forward(const torch::Tensor& input);
    /// Same, but reads and replaces `state` instead of the kept one (SentenceEncoder uses this).
    torch::Tensor forwardWithState(const torch::Tensor& input, LstmState& state);
    /// Zero the kept hidden state (fastai reset(); call at the start of each epoch / document).
    void reset();

    /// Zero state for `batchSize` rows on the device/dtype of the weights.
    LstmState zeroState(int64_t batchSize) const;
    const LstmState& hidden() const { return m_hidden; }
    const AwdLstmConfig& config() const { return m_config; }

    torch::nn::Embedding encoder{nullptr};
    EmbeddingDropout encoderDp{nullptr};
    RNNDropout inputDp{nullptr};
    std::vector<LstmLayer> rnns;
    std::vector<RNNDropout> hiddenDps; // hiddenDps[i] follows rnns[i] (not applied after the last)

  private:
    void fitStateToBatch(LstmState& state, int64_t batchSize) const;

    AwdLstmConfig m_config;
    LstmState m_hidden;
};
TORCH_MODULE(AwdLstm);

} // namespace ulmfit
