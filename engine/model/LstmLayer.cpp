#include "model/LstmLayer.h"

#include <ATen/ATen.h>
#include "model/Autocast.h"
#include "model/FusedLstm.h"

#include <cmath>

namespace ulmfit {

LstmLayerImpl::LstmLayerImpl(int64_t inputSize, int64_t hiddenSize, double weightP)
    : m_hiddenSize(hiddenSize) {
    // PyTorch's LSTM init: every weight and bias uniform(-1/sqrt(hidden), 1/sqrt(hidden)).
    const double bound = 1.0 / std::sqrt(static_cast<double>(hiddenSize));
    auto init = [bound](std::initializer_list<int64_t> shape) {
        return at::empty(shape).uniform_(-bound, bound);
    };
    m_weightIh = register_parameter("weight_ih_l0", init({4 * hiddenSize, inputSize}));
    m_biasIh = register_parameter("bias_ih_l0", init({4 * hiddenSize}));
    m_biasHh = register_parameter("bias_hh_l0", init({4 * hiddenSize}));
    weightHh = register_module("weight_hh_l0", WeightDropout(init({4 * hiddenSize, hiddenSize}), weightP));
}

std::tuple<torch::Tensor, LstmLayerState> LstmLayerImpl::forward(const torch::Tensor& input,
                                                                 const LstmLayerState& state) {
    // The dropped hidden-to-hidden weight goes straight into a fused kernel, so the recurrence
    // is never a loop of small LibTorch ops over time steps.
    if (input.is_cpu() && input.scalar_type() == at::kFloat) {
        // LibTorch's CPU autocast leaves the LSTM in float32, yet the recurrence is most of the
        // work: under mixed precision its matmuls run in bfloat16 (oneDNN), the rest in float32.
        const auto matmulDtype = autocast::cpuEnabled() ? autocast::cpuDtype() : at::kFloat;
        auto [output, h, c] =
            fusedLstm(input, state.h, state.c, m_weightIh, weightHh->forward(), m_biasIh, m_biasHh, matmulDtype);
        return {output, LstmLayerState{h, c}};
    }
    const auto params = fusedParameters(input);
    auto [output, h, c] =
        at::lstm(input, {state.h, state.c}, params, /*has_biases=*/true, /*num_layers=*/1,
                 /*dropout=*/0.0, is_training(), /*bidirectional=*/false, /*batch_first=*/true);
    return {output, LstmLayerState{h, c}};
}

std::vector<torch::Tensor> LstmLayerImpl::fusedParameters(const torch::Tensor& input) {
    std::vector<torch::Tensor> params{m_weightIh, weightHh->forward(), m_biasIh, m_biasHh}; // PyTorch's order
    if (!input.is_cuda())
        return params;
    // cuDNN wants the four as consecutive views of one buffer; given separate tensors it copies
    // them itself on every call and warns each time (fastai silences that warning). One
    // differentiable cat here is the same copy, without the warning. Under autocast the buffer
    // is cast once, so the per-parameter casts of the lstm autocast wrapper are no-ops.
    const auto dtype =
        autocast::cudaEnabled() ? autocast::cudaDtype() : m_weightIh.scalar_type();
    std::vector<torch::Tensor> flat;
    for (const auto& p : params)
        flat.push_back(p.reshape({-1}));
    auto buffer = at::cat(flat).to(dtype);
    std::vector<torch::Tensor> views;
    int64_t offset = 0;
    for (const auto& p : params) {
        views.push_back(buffer.narrow(0, offset, p.numel()).view(p.sizes()));
        offset += p.numel();
    }
    return views;
}

} // namespace ulmfit
