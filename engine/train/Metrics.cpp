#include "train/Metrics.h"

#include <cmath>

namespace ulmfit {

void AccuracyMetric::accumulate(const torch::Tensor& logits, const torch::Tensor& target) {
    const auto predicted = logits.reshape({-1, logits.size(-1)}).argmax(-1);
    const auto flatTarget = target.reshape({-1}).to(predicted.device());
    m_correct += predicted.eq(flatTarget).sum().item<int64_t>();
    m_total += flatTarget.numel();
}

double SmoothLoss::add(double loss) {
    ++m_count;
    m_value = m_beta * m_value + (1.0 - m_beta) * loss; // torch.lerp(loss, val, beta)
    return value();
}

double SmoothLoss::value() const {
    return m_count ? m_value / (1.0 - std::pow(m_beta, m_count)) : 0.0;
}

} // namespace ulmfit
