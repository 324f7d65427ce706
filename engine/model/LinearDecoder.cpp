#include "model/LinearDecoder.h"

#include <ATen/ATen.h>

namespace ulmfit {

LinearDecoderImpl::LinearDecoderImpl(torch::Tensor tiedWeight, double outputP)
    : m_weight(std::move(tiedWeight)) {
    outputDp = register_module("output_dp", RNNDropout(outputP));
    m_bias = register_parameter("bias", at::zeros({m_weight.size(0)}));
}

LmOutput LinearDecoderImpl::forward(const torch::Tensor& rawLastHidden) {
    auto dropped = outputDp(rawLastHidden);
    return {at::linear(dropped, m_weight, m_bias), rawLastHidden, dropped};
}

} // namespace ulmfit
