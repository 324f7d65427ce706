#pragma once
#include "train/Callback.h"
#include "train/GradScaler.h"

namespace ulmfit {

/// float16 autocast for the forward pass and dynamic loss scaling for backward (fastai's
/// MixedPrecision). Used on CUDA only; float32 on the CPU.
class MixedPrecision : public Callback {
public:
    explicit MixedPrecision(GradScaler::Options options = {}) : m_scaler(options) {}
    int order() const override { return -10; } // unscale before clipping
    void beforeBatch(Learner& learn) override;
    void afterLoss(Learner& learn) override;
    void beforeBackward(Learner& learn) override;
    void afterBackward(Learner& learn) override;
    void beforeStep(Learner& learn) override;
    void afterFit(Learner& learn, bool failed) override;

    const GradScaler& scaler() const { return m_scaler; }
    int skippedSteps() const { return m_skipped; }

private:
    GradScaler m_scaler;
    bool m_finite = true;
    int m_skipped = 0;
};

} // namespace ulmfit
