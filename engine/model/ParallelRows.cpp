#include "model/ParallelRows.h"

#include "model/Autocast.h"

#include <ATen/ATen.h>
#include <torch/csrc/autograd/autograd.h>
#include <torch/csrc/autograd/custom_function.h>

#include <future>
#include <vector>

namespace ulmfit {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

/// What a block's thread needs from the caller's thread-local state.
struct ThreadState {
    bool grad = true;
    bool autocastCpu = false;
    at::ScalarType autocastDtype = at::kBFloat16;

    static ThreadState current() {
        return {at::GradMode::is_enabled(), autocast::cpuEnabled(), autocast::cpuDtype()};
    }
    /// Runs `work` with this state on the calling thread, restoring that thread's own afterwards.
    template <class Work>
    auto apply(const Work& work) const {
        const at::AutoGradMode gradMode(grad);
        const ThreadState before = current();
        autocast::setCpuEnabled(autocastCpu);
        autocast::setCpuDtype(autocastDtype);
        struct Restore {
            const ThreadState& state;
            ~Restore() {
                autocast::clearCache();
                autocast::setCpuEnabled(state.autocastCpu);
                autocast::setCpuDtype(state.autocastDtype);
            }
        } restore{before};
        return work();
    }
};

/// Runs job(i) for i in [0, n): i = 0 on the calling thread, the others on their own; rethrows the
/// first failure once all have ended.
template <class Job>
void runBlocks(std::size_t n, const Job& job) {
    std::vector<std::future<void>> others;
    for (std::size_t i = 1; i < n; ++i)
        others.push_back(std::async(std::launch::async, [&job, i] { job(i); }));
    std::exception_ptr failure;
    try {
        job(0);
    } catch (...) {
        failure = std::current_exception();
    }
    for (auto& other : others) {
        try {
            other.get();
        } catch (...) {
            if (!failure)
                failure = std::current_exception();
        }
    }
    if (failure)
        std::rethrow_exception(failure);
}

/// The blocks' graphs live inside this node: forward builds one per block (on its thread, with the
/// caller's grad mode and autocast), backward runs each on its thread from its slice of the gradient.
class ParallelEncodeFunction : public torch::autograd::Function<ParallelEncodeFunction> {
  public:
    static variable_list forward(AutogradContext* ctx, const at::Tensor& /*anchor*/, const at::Tensor& input,
                                 SentenceEncoderImpl* encoder, int64_t blocks, ThreadState state) {
        const auto rows = input.chunk(blocks, 0);
        std::vector<SentenceEncoderOutput> encoded(rows.size());
        runBlocks(rows.size(), [&](std::size_t i) { encoded[i] = state.apply([&] { return encoder->forward(rows[i]); }); });
        int64_t kept = 0;
        for (const auto& e : encoded)
            kept = std::max(kept, e.output.size(1));
        std::vector<at::Tensor> outputs, masks;
        for (std::size_t i = 0; i < encoded.size(); ++i) {
            // A block whose rows all start later skipped the leading chunks the batch keeps: the
            // batch has zeros there for those rows, masked out of the pooling.
            const auto& e = encoded[i];
            const int64_t missing = kept - e.output.size(1);
            outputs.push_back(at::constant_pad_nd(e.output.detach(), {0, 0, missing, 0}, 0.0));
            masks.push_back(at::constant_pad_nd(e.mask, {missing, 0}, 1));
            ctx->saved_data["block" + std::to_string(i)] = e.output;
        }
        ctx->saved_data["blocks"] = static_cast<int64_t>(encoded.size());
        ctx->saved_data["grad"] = state.grad;
        auto mask = at::cat(masks, 0);
        ctx->mark_non_differentiable({mask});
        return {at::cat(outputs, 0), mask};
    }

    static variable_list backward(AutogradContext* ctx, variable_list grads) {
        const auto n = static_cast<std::size_t>(ctx->saved_data["blocks"].toInt());
        std::vector<at::Tensor> outputs;
        for (std::size_t i = 0; i < n; ++i)
            outputs.push_back(ctx->saved_data["block" + std::to_string(i)].toTensor());
        ctx->saved_data.clear(); // the blocks' graphs go with their backward, not with this node
        const auto& grad = grads[0];
        const int64_t kept = grad.size(1);
        std::vector<at::Tensor> slices;
        int64_t row = 0;
        for (const auto& out : outputs) {
            slices.push_back(grad.narrow(0, row, out.size(0)).narrow(1, kept - out.size(1), out.size(1)));
            row += out.size(0);
        }
        const ThreadState state{true, false, at::kBFloat16};
        runBlocks(n, [&](std::size_t i) {
            if (outputs[i].requires_grad())
                state.apply([&] { torch::autograd::backward({outputs[i]}, {slices[i].contiguous()}); });
        });
        return {at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor(), at::Tensor()};
    }
};

} // namespace

SentenceEncoderOutput encodeRowsInParallel(SentenceEncoderImpl& encoder, const torch::Tensor& input, int blocks) {
    if (blocks <= 1 || input.size(0) < blocks)
        return encoder.forward(input);
    // The token ids never need a gradient, so without a leaf that does autograd would not record
    // this node, and the blocks' backward would never run.
    static const at::Tensor anchor = at::zeros({}).requires_grad_(true);
    const auto out = ParallelEncodeFunction::apply(anchor, input, &encoder, static_cast<int64_t>(blocks),
                                                   ThreadState::current());
    return {out[0], out[1]};
}

} // namespace ulmfit
