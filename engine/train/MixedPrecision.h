#pragma once
#include "train/Callback.h"
#include "train/GradScaler.h"
#include "train/Precision.h"

namespace ulmfit {

/// fastai's MixedPrecision: autocast for the forward pass and the loss, float32 weights and
/// optimizer. Float16Mixed (CUDA) adds dynamic loss scaling for backward, since float16's range
/// would lose small gradients; BFloat16Mixed (CPU) has float32's range and needs none.
class MixedPrecision : public Callback {
public:
    explicit MixedPrecision(Precision precision = Precision::Float16Mixed, GradScaler::Options options = {})
        : m_precision(precision), m_scaler(options) {}
    int order() const override { return -10; } // unscale before clipping
    void beforeBatch(Learner& learn) override;
    void afterLoss(Learner& learn) override;
    void beforeBackward(Learner& learn) override;
    void afterBackward(Learner& learn) override;
    void beforeStep(Learner& learn) override;
    void afterFit(Learner& learn, bool failed) override;

    Precision precision() const { return m_precision; }
    const GradScaler& scaler() const { return m_scaler; }
    int skippedSteps() const { return m_skipped; }

private:
    void setAutocast(Learner& learn, bool enabled) const;
    bool scalesLoss() const { return m_precision == Precision::Float16Mixed; }

    Precision m_precision;
    GradScaler m_scaler;
    bool m_finite = true;
    int m_skipped = 0;
};

} // namespace ulmfit
