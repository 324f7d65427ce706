#include "model/WeightDropout.h"

#include <ATen/ATen.h>

namespace ulmfit {

WeightDropoutImpl::WeightDropoutImpl(torch::Tensor rawWeight, double p)
    : m_raw(register_parameter("raw", std::move(rawWeight))), m_p(p) {}

torch::Tensor WeightDropoutImpl::forward() {
    if (!is_training() || m_p <= 0)
        return m_raw;
    return at::dropout(m_raw, m_p, /*train=*/true);
}

} // namespace ulmfit
