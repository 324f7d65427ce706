#pragma once
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

namespace ulmfit {

/// DropConnect on one weight matrix (the LSTM's hidden-to-hidden weights): holds the raw
/// weight as parameter "raw" and hands out a freshly dropped copy per forward pass in
/// training (F.dropout semantics, rescaled by 1/(1-p)); in eval it returns the raw weight.
class WeightDropoutImpl : public torch::nn::Module {
  public:
    WeightDropoutImpl(torch::Tensor rawWeight, double p);
    torch::Tensor forward();
    const torch::Tensor& raw() const { return m_raw; }
    double p() const { return m_p; }

  private:
    torch::Tensor m_raw;
    double m_p;
};
TORCH_MODULE(WeightDropout);

} // namespace ulmfit
