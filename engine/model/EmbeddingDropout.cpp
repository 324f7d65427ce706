#include "model/EmbeddingDropout.h"

#include <ATen/ATen.h>

namespace ulmfit {

EmbeddingDropoutImpl::EmbeddingDropoutImpl(torch::nn::Embedding embedding, double p)
    : m_embedding(std::move(embedding)), m_p(p) {}

torch::Tensor EmbeddingDropoutImpl::forward(const torch::Tensor& words) {
    const torch::Tensor& weight = m_embedding->weight;
    torch::Tensor effective = weight;
    if (is_training() && m_p > 0) {
        // One keep/drop decision per vocabulary row, so every occurrence of a word drops together.
        auto mask = at::empty({weight.size(0), 1}, weight.options().requires_grad(false));
        if (m_p >= 1)
            mask.zero_();
        else
            mask.bernoulli_(1 - m_p).div_(1 - m_p);
        effective = weight * mask;
    }
    const auto padIdx = m_embedding->options.padding_idx().value_or(-1);
    return at::embedding(effective, words, padIdx);
}

} // namespace ulmfit
