#pragma once
#include <torch/types.h>

#include <vector>

namespace ulmfit {

/// Dynamic loss scaling for float16 training (what torch.cuda.amp.GradScaler does): the loss
/// is multiplied by `scale` before backward; gradients are unscaled before clipping and the
/// step; a step whose gradients hold inf/NaN is skipped and the scale backs off, and after
/// `growthInterval` clean steps it grows again.
class GradScaler {
public:
    struct Options {
        double initScale = 65536.0;
        double growthFactor = 2.0;
        double backoffFactor = 0.5;
        int growthInterval = 2000;
    };

    GradScaler() : GradScaler(Options{}) {}
    explicit GradScaler(Options options) : m_options(options), m_scale(options.initScale) {}

    torch::Tensor scale(const torch::Tensor& loss) const { return loss * m_scale; }
    /// Divides every defined gradient by the scale; returns true when all are finite.
    bool unscale(const std::vector<torch::Tensor>& params);
    /// Call once per step with unscale()'s verdict.
    void update(bool finite);

    double currentScale() const { return m_scale; }

private:
    Options m_options;
    double m_scale;
    int m_goodSteps = 0;
};

} // namespace ulmfit
