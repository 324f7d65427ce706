#pragma once
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace ulmfit {

/// Variational dropout: one Bernoulli mask of shape [bs, 1, features] shared by every time step
/// of a [bs, sl, features] input, survivors rescaled by 1/(1-p); identity in eval.
class RNNDropoutImpl : public torch::nn::Module {
  public:
    explicit RNNDropoutImpl(double p = 0.5);
    torch::Tensor forward(const torch::Tensor& input);
    double p() const { return m_p; }

  private:
    double m_p;
};
TORCH_MODULE(RNNDropout);

} // namespace ulmfit
