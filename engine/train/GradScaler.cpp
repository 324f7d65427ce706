#include "train/GradScaler.h"

namespace ulmfit {

bool GradScaler::unscale(const std::vector<torch::Tensor>& params) {
    const double inverse = 1.0 / m_scale;
    torch::Tensor allFinite;
    for (const auto& p : params) {
        auto grad = p.grad();
        if (!grad.defined())
            continue;
        grad.mul_(inverse);
        const auto finite = torch::isfinite(grad).all();
        allFinite = allFinite.defined() ? allFinite.logical_and(finite) : finite;
    }
    // One host sync per step, not one per tensor.
    return !allFinite.defined() || allFinite.item<bool>();
}

void GradScaler::update(bool finite) {
    if (!finite) {
        m_scale *= m_options.backoffFactor;
        m_goodSteps = 0;
        return;
    }
    if (++m_goodSteps >= m_options.growthInterval) {
        m_scale *= m_options.growthFactor;
        m_goodSteps = 0;
    }
}

} // namespace ulmfit
