#pragma once
#include <ATen/core/Tensor.h>

#include <tuple>

namespace ulmfit {

/// One unidirectional LSTM layer over a whole batch-first sequence on the CPU, with its own
/// backward: per time step one matmul and one pass over the gates, forward and back, where
/// LibTorch 1.13's at::lstm runs a dozen small kernels per step and records each for autograd
/// (most of an AWD-LSTM step's time in the profile, the matmuls a seventh of it).
/// The matmuls run in `matmulDtype` (bfloat16 under CPU mixed precision: oneDNN's kernels) with
/// float32 gates, cell state and output; the gradients come back in the inputs' float32.
/// input [bs, sl, in], h0 / c0 [1, bs, hidden], PyTorch's weight layout and gate order (i, f, g, o).
/// Returns output [bs, sl, hidden] and the last h, c [1, bs, hidden].
std::tuple<at::Tensor, at::Tensor, at::Tensor> fusedLstm(const at::Tensor& input, const at::Tensor& h0,
                                                         const at::Tensor& c0, const at::Tensor& weightIh,
                                                         const at::Tensor& weightHh, const at::Tensor& biasIh,
                                                         const at::Tensor& biasHh, at::ScalarType matmulDtype);

} // namespace ulmfit
