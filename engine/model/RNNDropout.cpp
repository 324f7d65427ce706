#include "model/RNNDropout.h"

#include <ATen/ATen.h>

namespace ulmfit {

RNNDropoutImpl::RNNDropoutImpl(double p) : m_p(p) {}

torch::Tensor RNNDropoutImpl::forward(const torch::Tensor& input) {
    if (!is_training() || m_p <= 0)
        return input;
    // Mask [bs, 1, features]: the same units are dropped at every time step.
    auto mask = at::empty({input.size(0), 1, input.size(2)}, input.options().requires_grad(false));
    if (m_p >= 1)
        mask.zero_();
    else
        mask.bernoulli_(1 - m_p).div_(1 - m_p);
    return input * mask;
}

} // namespace ulmfit
