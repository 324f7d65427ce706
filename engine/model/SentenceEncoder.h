#pragma once
#include "model/AwdLstm.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace ulmfit {

/// Encoder outputs of the chunks that are pooled, and which of their positions to ignore.
struct SentenceEncoderOutput {
    torch::Tensor output; // [bs, kept, emb]
    torch::Tensor mask;   // [bs, kept] bool, true = padding or outside the row's last maxLen tokens
};

/// fastai SentenceEncoder: reads a [bs, len] batch in seqLen chunks with the state reset per
/// batch and detached between chunks, keeping only the chunks that cover the last maxLen tokens.
/// Padding may be at the front (pad_first) or the end: front padding is realigned per row so a
/// document's tokens start on a chunk boundary and leading pad chunks are never run, which makes
/// a padded document encode exactly like the same document alone.
class SentenceEncoderImpl : public torch::nn::Module {
  public:
    SentenceEncoderImpl(AwdLstm module, int64_t seqLen, int64_t maxLen, int64_t padIdx);
    SentenceEncoderOutput forward(const torch::Tensor& input);
    void reset() { module->reset(); }

    AwdLstm module{nullptr};

  private:
    torch::Tensor encodeChunk(const torch::Tensor& chunk, const std::vector<int64_t>& active,
                              LstmState& state);

    int64_t m_seqLen, m_maxLen, m_padIdx;
};
TORCH_MODULE(SentenceEncoder);

} // namespace ulmfit
