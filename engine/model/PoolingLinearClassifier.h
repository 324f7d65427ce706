#pragma once
#include <torch/nn/module.h>
#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/pimpl.h>

#include <vector>

namespace ulmfit {

/// [last hidden state, max over time, mean over time] of `output` [bs, sl, emb], ignoring
/// positions where `mask` [bs, sl] is true -> [bs, 3*emb] (fastai masked_concat_pool).
torch::Tensor maskedConcatPool(const torch::Tensor& output, const torch::Tensor& mask);

/// fastai LinBnDrop: BatchNorm1d -> Dropout(p) (omitted when p == 0) -> Linear without bias
/// (the BatchNorm carries it) [-> ReLU]. A Sequential with a concrete forward so it can nest.
class LinBnDropImpl : public torch::nn::SequentialImpl {
  public:
    LinBnDropImpl(int64_t in, int64_t out, double p, bool relu);
    torch::Tensor forward(torch::Tensor input) { return SequentialImpl::forward(std::move(input)); }
};
TORCH_MODULE(LinBnDrop);

/// fastai PoolingLinearClassifier: concat pooling then one LinBnDrop block per layer
/// (BatchNorm1d -> Dropout(p) -> Linear without bias [-> ReLU]): dims = {3*emb, 50, nClasses}.
class PoolingLinearClassifierImpl : public torch::nn::Module {
  public:
    PoolingLinearClassifierImpl(const std::vector<int64_t>& dims, const std::vector<double>& ps);
    torch::Tensor forward(const torch::Tensor& output, const torch::Tensor& mask);

    torch::nn::Sequential layers{nullptr};
};
TORCH_MODULE(PoolingLinearClassifier);

} // namespace ulmfit
