#include "model/TextClassifier.h"

#include "model/ParallelRows.h"

namespace ulmfit {

TextClassifierImpl::TextClassifierImpl(const AwdLstmConfig& config, const ClassifierOptions& options)
    : m_options(options) {
    encoder = register_module(
        "encoder", SentenceEncoder(AwdLstm(config), options.seqLen, options.maxLen, config.padToken));
    std::vector<int64_t> dims{3 * config.embSize};
    dims.insert(dims.end(), options.linFtrs.begin(), options.linFtrs.end());
    dims.push_back(options.nClasses);
    std::vector<double> ps{config.outputP};
    ps.insert(ps.end(), options.linPs.begin(), options.linPs.end());
    head = register_module("head", PoolingLinearClassifier(dims, ps));
}

torch::Tensor TextClassifierImpl::forward(const torch::Tensor& input) {
    auto encoded = encoder(input);
    return head(encoded.output, encoded.mask);
}

ClassifierOutput TextClassifierImpl::forwardDetailed(const torch::Tensor& input, int rowBlocks) {
    // The encoder is the work; the pooling head (its BatchNorm sees the whole batch) runs once.
    auto encoded = encodeRowsInParallel(*encoder, input, rowBlocks);
    return {head(encoded.output, encoded.mask), encoded.output, encoded.mask};
}

} // namespace ulmfit
