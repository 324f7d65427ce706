#include "model/FusedLstm.h"

#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <c10/util/Exception.h>
#include <torch/csrc/autograd/custom_function.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace ulmfit {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// The gate loops below are cloned for AVX-512 and AVX2 and picked at load time (Debian builds for
// baseline x86-64), and their iterations are independent: the four gates of a row are separate
// slices of one buffer, which the compiler cannot prove on its own.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__)) && !defined(__SANITIZE_ADDRESS__)
#define ULMFIT_VECTOR_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define ULMFIT_VECTOR_CLONES
#endif
#if defined(__clang__)
#define ULMFIT_INDEPENDENT_ITERATIONS _Pragma("clang loop vectorize(assume_safety)")
#elif defined(__GNUC__)
#define ULMFIT_INDEPENDENT_ITERATIONS _Pragma("GCC ivdep")
#else
#define ULMFIT_INDEPENDENT_ITERATIONS
#endif

// exp as Cephes' expf (a degree-6 polynomial after range reduction, within 2 ulp), written without
// calls or branches so that the loops vectorize: std::exp does not without -ffast-math.
inline float vectorExp(float x) {
    x = std::min(std::max(x, -87.0f), 88.0f);
    const float n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f; // round to nearest (1.5 * 2^23)
    const float r = x - n * 0.693359375f + n * 2.12194440e-4f;
    float p = 1.9875691500e-4f;
    p = p * r + 1.3981999507e-3f;
    p = p * r + 8.3334519073e-3f;
    p = p * r + 4.1665795894e-2f;
    p = p * r + 1.6666665459e-1f;
    p = p * r + 5.0000001201e-1f;
    p = p * r * r + r + 1.0f;
    const std::int32_t bits = (static_cast<std::int32_t>(n) + 127) << 23; // 2^n
    float scale;
    std::memcpy(&scale, &bits, sizeof scale);
    return p * scale;
}

inline float vectorSigmoid(float x) { return 1.0f / (1.0f + vectorExp(-x)); }
inline float vectorTanh(float x) { return 1.0f - 2.0f / (1.0f + vectorExp(2.0f * x)); } // within ~2e-7

/// One time step forward. `gates` holds the input projection plus both biases on entry and the
/// activations i, f, g, o on return; `recurrent` is h_{t-1} times the hidden weights.
ULMFIT_VECTOR_CLONES
void cellForward(float* __restrict gates, const float* __restrict recurrent, const float* __restrict cPrev,
                 float* __restrict cNext, float* __restrict tanhC, float* __restrict h, int64_t rows,
                 int64_t hidden) {
    for (int64_t b = 0; b < rows; ++b) {
        float* g = gates + b * 4 * hidden;
        const float* r = recurrent + b * 4 * hidden;
        const float* cp = cPrev + b * hidden;
        float* cn = cNext + b * hidden;
        float* tc = tanhC + b * hidden;
        float* hb = h + b * hidden;
        ULMFIT_INDEPENDENT_ITERATIONS
        for (int64_t j = 0; j < hidden; ++j) {
            const float in = vectorSigmoid(g[j] + r[j]);
            const float forget = vectorSigmoid(g[hidden + j] + r[hidden + j]);
            const float cand = vectorTanh(g[2 * hidden + j] + r[2 * hidden + j]);
            const float out = vectorSigmoid(g[3 * hidden + j] + r[3 * hidden + j]);
            const float cell = forget * cp[j] + in * cand;
            const float t = vectorTanh(cell);
            g[j] = in;
            g[hidden + j] = forget;
            g[2 * hidden + j] = cand;
            g[3 * hidden + j] = out;
            cn[j] = cell;
            tc[j] = t;
            hb[j] = out * t;
        }
    }
}

/// One time step back: from the loss's gradient at h_t (the output's plus the recurrence's) and
/// the cell's from step t+1, the gradients of the four gate pre-activations; `dCell` becomes the
/// cell gradient for step t-1.
ULMFIT_VECTOR_CLONES
void cellBackward(const float* __restrict acts, const float* __restrict tanhC, const float* __restrict cPrev,
                  const float* __restrict dOut, const float* __restrict dRecurrent, float* __restrict dCell,
                  float* __restrict dGates, int64_t rows, int64_t hidden) {
    for (int64_t b = 0; b < rows; ++b) {
        const float* a = acts + b * 4 * hidden;
        float* dg = dGates + b * 4 * hidden;
        const int64_t row = b * hidden;
        ULMFIT_INDEPENDENT_ITERATIONS
        for (int64_t j = 0; j < hidden; ++j) {
            const float in = a[j], forget = a[hidden + j], cand = a[2 * hidden + j], out = a[3 * hidden + j];
            const float t = tanhC[row + j];
            const float dh = dOut[row + j] + dRecurrent[row + j];
            const float dc = dCell[row + j] + dh * out * (1.0f - t * t);
            dg[j] = dc * cand * in * (1.0f - in);
            dg[hidden + j] = dc * cPrev[row + j] * forget * (1.0f - forget);
            dg[2 * hidden + j] = dc * in * (1.0f - cand * cand);
            dg[3 * hidden + j] = dh * t * out * (1.0f - out);
            dCell[row + j] = dc * forget;
        }
    }
}

float* floats(const at::Tensor& t) { return t.data_ptr<float>(); }

/// Runs `pass(firstRow, rows)` over the batch's rows on LibTorch's intra-op threads, in blocks big
/// enough (about 4,000 values, half the quick recipe's first layer) to be worth a hand-off.
template <class Pass>
void overRows(int64_t rows, int64_t hidden, const Pass& pass) {
    const int64_t grain = std::max<int64_t>(1, 4096 / std::max<int64_t>(1, hidden));
    at::parallel_for(0, rows, grain, [&](int64_t begin, int64_t end) { pass(begin, end - begin); });
}

class FusedLstmFunction : public torch::autograd::Function<FusedLstmFunction> {
  public:
    static variable_list forward(AutogradContext* ctx, const at::Tensor& input, const at::Tensor& h0,
                                 const at::Tensor& c0, const at::Tensor& weightIh, const at::Tensor& weightHh,
                                 const at::Tensor& biasIh, const at::Tensor& biasHh, at::ScalarType matmulDtype) {
        const int64_t bs = input.size(0), sl = input.size(1), in = input.size(2), hidden = weightHh.size(1);
        const auto f32 = input.options().dtype(at::kFloat);
        // Time-major, so that each step's rows are one contiguous block.
        const auto x = input.transpose(0, 1).reshape({sl * bs, in}).to(matmulDtype).contiguous();
        const auto wIh = weightIh.to(matmulDtype), wHh = weightHh.to(matmulDtype);
        // The input part of every step's gates in one matmul, both biases added once.
        const auto gates = at::mm(x, wIh.t()).to(at::kFloat).add_(biasIh + biasHh).view({sl, bs, 4 * hidden});
        auto hs = at::empty({sl + 1, bs, hidden}, f32.dtype(matmulDtype)); // h_{t-1}: the matmuls' input
        auto cs = at::empty({sl + 1, bs, hidden}, f32);                     // c_{t-1}
        hs[0].copy_(h0[0]);
        cs[0].copy_(c0[0]);
        auto tanhC = at::empty({sl, bs, hidden}, f32);
        auto out = at::empty({sl, bs, hidden}, f32);
        auto recurrentM = at::empty({bs, 4 * hidden}, f32.dtype(matmulDtype));
        auto recurrent = matmulDtype == at::kFloat ? recurrentM : at::empty({bs, 4 * hidden}, f32);
        const auto wHhT = wHh.t();
        const int64_t gateStep = bs * 4 * hidden, step = bs * hidden;
        for (int64_t t = 0; t < sl; ++t) {
            at::mm_out(recurrentM, hs[t], wHhT);
            if (matmulDtype != at::kFloat)
                recurrent.copy_(recurrentM);
            overRows(bs, hidden, [&](int64_t b, int64_t rows) {
                const int64_t g = t * gateStep + b * 4 * hidden, o = t * step + b * hidden;
                cellForward(floats(gates) + g, floats(recurrent) + b * 4 * hidden, floats(cs) + o,
                            floats(cs) + step + o, floats(tanhC) + o, floats(out) + o, rows, hidden);
            });
            hs[t + 1].copy_(out[t]);
        }
        ctx->save_for_backward({x, wIh, wHh, gates, hs, cs, tanhC});
        return {out.transpose(0, 1).contiguous(), out[sl - 1].unsqueeze(0).clone(), cs[sl].unsqueeze(0).clone()};
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        const auto saved = ctx->get_saved_variables();
        const auto &x = saved[0], &wIh = saved[1], &wHh = saved[2], &gates = saved[3], &hs = saved[4],
                   &cs = saved[5], &tanhC = saved[6];
        const int64_t sl = gates.size(0), bs = gates.size(1), hidden = wHh.size(1), in = wIh.size(1);
        const auto matmulDtype = wIh.scalar_type();
        const auto dOut = grads[0].to(at::kFloat).transpose(0, 1).contiguous(); // [sl, bs, hidden]
        auto dRecurrent = grads[1][0].to(at::kFloat).contiguous().clone();      // from h_T, then each step's
        auto dCell = grads[2][0].to(at::kFloat).contiguous().clone();
        auto dGates = at::empty({sl, bs, 4 * hidden}, gates.options());
        auto dRecurrentM = at::empty({bs, hidden}, dRecurrent.options().dtype(matmulDtype));
        const int64_t gateStep = bs * 4 * hidden, step = bs * hidden;
        for (int64_t t = sl - 1; t >= 0; --t) {
            overRows(bs, hidden, [&](int64_t b, int64_t rows) {
                const int64_t g = t * gateStep + b * 4 * hidden, o = t * step + b * hidden, r = b * hidden;
                cellBackward(floats(gates) + g, floats(tanhC) + o, floats(cs) + o, floats(dOut) + o,
                             floats(dRecurrent) + r, floats(dCell) + r, floats(dGates) + g, rows, hidden);
            });
            if (matmulDtype == at::kFloat) {
                at::mm_out(dRecurrent, dGates[t], wHh);
            } else {
                at::mm_out(dRecurrentM, dGates[t].to(matmulDtype), wHh);
                dRecurrent.copy_(dRecurrentM);
            }
        }
        // The weights' gradients over all steps at once: two large matmuls instead of one per step.
        const auto dGatesFlat = dGates.view({sl * bs, 4 * hidden});
        const auto dGatesM = dGatesFlat.to(matmulDtype);
        at::Tensor dInput, dWeightIh, dWeightHh, dBias;
        if (ctx->needs_input_grad(0))
            dInput = at::mm(dGatesM, wIh).to(at::kFloat).view({sl, bs, in}).transpose(0, 1).contiguous();
        if (ctx->needs_input_grad(3))
            dWeightIh = at::mm(dGatesM.t(), x).to(at::kFloat);
        if (ctx->needs_input_grad(4))
            dWeightHh = at::mm(dGatesM.t(), hs.narrow(0, 0, sl).reshape({sl * bs, hidden})).to(at::kFloat);
        if (ctx->needs_input_grad(5) || ctx->needs_input_grad(6))
            dBias = dGatesFlat.sum(0);
        return {dInput,
                dRecurrent.unsqueeze(0),
                dCell.unsqueeze(0),
                dWeightIh,
                dWeightHh,
                dBias,
                dBias.defined() ? dBias.clone() : at::Tensor(),
                at::Tensor()};
    }
};

} // namespace

std::tuple<at::Tensor, at::Tensor, at::Tensor> fusedLstm(const at::Tensor& input, const at::Tensor& h0,
                                                         const at::Tensor& c0, const at::Tensor& weightIh,
                                                         const at::Tensor& weightHh, const at::Tensor& biasIh,
                                                         const at::Tensor& biasHh, at::ScalarType matmulDtype) {
    TORCH_CHECK(input.is_cpu() && input.scalar_type() == at::kFloat && input.dim() == 3 && input.size(1) > 0,
                "fusedLstm: a float32 CPU input [bs, sl > 0, in]");
    TORCH_CHECK(weightIh.size(0) == 4 * weightHh.size(1) && weightIh.size(1) == input.size(2),
                "fusedLstm: weights do not match the input");
    const auto outputs =
        FusedLstmFunction::apply(input, h0, c0, weightIh, weightHh, biasIh, biasHh, matmulDtype);
    return {outputs[0], outputs[1], outputs[2]};
}

} // namespace ulmfit
