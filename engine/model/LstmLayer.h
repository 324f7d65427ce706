#pragma once
#include "model/WeightDropout.h"

#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <tuple>
#include <vector>

namespace ulmfit {

/// Hidden and cell state of one LSTM layer, each [1, bs, hidden].
struct LstmLayerState {
    torch::Tensor h;
    torch::Tensor c;
};
using LstmState = std::vector<LstmLayerState>; // one entry per layer

/// One unidirectional, batch-first LSTM layer whose hidden-to-hidden weights go through
/// WeightDropout; the recurrence runs in fusedLstm on the CPU and in at::lstm (cuDNN) on CUDA.
/// Parameters: weight_ih_l0, bias_ih_l0, bias_hh_l0, weight_hh_l0.raw (PyTorch's init).
class LstmLayerImpl : public torch::nn::Module {
  public:
    LstmLayerImpl(int64_t inputSize, int64_t hiddenSize, double weightP);
    /// input [bs, sl, inputSize] -> output [bs, sl, hiddenSize] and the new state (not detached).
    std::tuple<torch::Tensor, LstmLayerState> forward(const torch::Tensor& input,
                                                      const LstmLayerState& state);
    int64_t hiddenSize() const { return m_hiddenSize; }

    WeightDropout weightHh{nullptr};

  private:
    std::vector<torch::Tensor> fusedParameters(const torch::Tensor& input);

    int64_t m_hiddenSize;
    torch::Tensor m_weightIh, m_biasIh, m_biasHh;
};
TORCH_MODULE(LstmLayer);

} // namespace ulmfit
