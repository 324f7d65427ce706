#pragma once
#include <torch/nn/module.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/pimpl.h>

namespace ulmfit {

/// Drops whole rows (words) of the embedding matrix in training and rescales the survivors
/// by 1/(1-p), so a dropped word is zero at every position it appears (fastai EmbeddingDropout).
class EmbeddingDropoutImpl : public torch::nn::Module {
  public:
    /// `embedding` is owned (registered) by the caller; it is deliberately not registered here
    /// so its weight appears once in parameters() and in the checkpoint.
    EmbeddingDropoutImpl(torch::nn::Embedding embedding, double p);
    torch::Tensor forward(const torch::Tensor& words);
    double p() const { return m_p; }

  private:
    torch::nn::Embedding m_embedding;
    double m_p;
};
TORCH_MODULE(EmbeddingDropout);

} // namespace ulmfit
