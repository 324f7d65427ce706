#include "model/PoolingLinearClassifier.h"

#include "core/Error.h"

#include <ATen/ATen.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>

#include <limits>

namespace ulmfit {

torch::Tensor maskedConcatPool(const torch::Tensor& output, const torch::Tensor& mask) {
    const int64_t bs = output.size(0), sl = output.size(1), emb = output.size(2);
    auto valid = mask.logical_not();
    auto lens = valid.sum(1); // [bs]
    auto positions = at::arange(sl, lens.options()).unsqueeze(0);
    auto lastIdx = at::where(valid, positions, -1).amax(1).clamp_min(0);
    auto last = output.gather(1, lastIdx.view({bs, 1, 1}).expand({bs, 1, emb})).squeeze(1);
    auto mask3 = mask.unsqueeze(2);
    auto avg = output.masked_fill(mask3, 0).sum(1) / lens.clamp_min(1).unsqueeze(1).to(output.scalar_type());
    auto max = std::get<0>(output.masked_fill(mask3, -std::numeric_limits<float>::infinity()).max(1));
    max = max.masked_fill((lens == 0).unsqueeze(1), 0); // an all-padding row pools to zeros, not -inf
    return at::cat({last, max, avg}, 1);
}

LinBnDropImpl::LinBnDropImpl(int64_t in, int64_t out, double p, bool relu) {
    namespace nn = torch::nn;
    push_back(nn::BatchNorm1d(in));
    if (p != 0)
        push_back(nn::Dropout(p));
    push_back(nn::Linear(nn::LinearOptions(in, out).bias(false)));
    if (relu)
        push_back(nn::ReLU());
}

PoolingLinearClassifierImpl::PoolingLinearClassifierImpl(const std::vector<int64_t>& dims,
                                                         const std::vector<double>& ps) {
    namespace nn = torch::nn;
    if (dims.size() < 2 || ps.size() != dims.size() - 1)
        throw Error("classifier head needs one dropout probability per linear layer");
    layers = register_module("layers", nn::Sequential());
    for (size_t i = 0; i + 1 < dims.size(); ++i) {
        layers->push_back(LinBnDrop(dims[i], dims[i + 1], ps[i], /*relu=*/i + 2 < dims.size()));
    }
}

torch::Tensor PoolingLinearClassifierImpl::forward(const torch::Tensor& output, const torch::Tensor& mask) {
    return layers->forward(maskedConcatPool(output, mask));
}

} // namespace ulmfit
