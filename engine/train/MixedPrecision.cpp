#include "train/MixedPrecision.h"

#include "train/Learner.h"

#include "model/Autocast.h"

namespace ulmfit {

namespace {
void setAutocast(Learner& learn, bool enabled) {
    if (!learn.device().is_cuda())
        return; // LibTorch 1.13's CPU autocast is bfloat16-only: stay in float32 there
    autocast::setCudaEnabled(enabled);
    if (!enabled)
        autocast::clearCache();
}
} // namespace

void MixedPrecision::beforeBatch(Learner& learn) { setAutocast(learn, true); }

void MixedPrecision::afterLoss(Learner& learn) { setAutocast(learn, false); }

void MixedPrecision::beforeBackward(Learner& learn) {
    learn.lossGrad = m_scaler.scale(learn.lossGrad);
}

void MixedPrecision::afterBackward(Learner& learn) {
    m_finite = m_scaler.unscale(learn.optimizer().parameters());
}

void MixedPrecision::beforeStep(Learner& learn) {
    if (!m_finite) {
        learn.skipStep = true;
        ++m_skipped;
    }
    m_scaler.update(m_finite);
}

void MixedPrecision::afterFit(Learner& learn, bool) { setAutocast(learn, false); }

} // namespace ulmfit
