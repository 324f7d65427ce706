#pragma once
#include "model/AwdLstmConfig.h"
#include "model/ClassifierOptions.h"
#include "model/PoolingLinearClassifier.h"
#include "model/SentenceEncoder.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace ulmfit {

/// Logits plus the pooled encoder outputs (fastai's classifier also returns them for AR/TAR).
struct ClassifierOutput {
    torch::Tensor logits;        // [bs, nClasses]
    torch::Tensor encoderOutput; // [bs, kept, emb]
    torch::Tensor mask;          // [bs, kept], true = ignored
};

/// ULMFiT classifier (fastai get_text_classifier): SentenceEncoder over an AWD-LSTM, then
/// PoolingLinearClassifier with dims {3*emb, linFtrs..., nClasses} and ps {outputP, linPs...}.
/// Checkpoint names: encoder.module.* (same shapes as the LM encoder), head.layers.*.
class TextClassifierImpl : public torch::nn::Module {
  public:
    TextClassifierImpl(const AwdLstmConfig& config, const ClassifierOptions& options);
    torch::Tensor forward(const torch::Tensor& input); // [bs, len] -> logits [bs, nClasses]
    /// rowBlocks > 1: the encoder runs that many blocks of rows on their own threads (model/ParallelRows.h).
    ClassifierOutput forwardDetailed(const torch::Tensor& input, int rowBlocks = 1);
    void reset() { encoder->reset(); }

    const AwdLstmConfig& config() const { return encoder->module->config(); }
    const ClassifierOptions& options() const { return m_options; }
    AwdLstm awdLstm() const { return encoder->module; } // what save/loadEncoder take

    SentenceEncoder encoder{nullptr};
    PoolingLinearClassifier head{nullptr};

  private:
    ClassifierOptions m_options;
};
TORCH_MODULE(TextClassifier);

} // namespace ulmfit
