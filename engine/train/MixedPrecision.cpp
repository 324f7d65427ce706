#include "train/MixedPrecision.h"

#include "train/Learner.h"

#include "model/Autocast.h"

namespace ulmfit {

void MixedPrecision::setAutocast(Learner& learn, bool enabled) const {
    if (m_precision == Precision::Float16Mixed && learn.device().is_cuda()) {
        autocast::setCudaEnabled(enabled);
    } else if (m_precision == Precision::BFloat16Mixed && learn.device().is_cpu()) {
        autocast::setCpuDtype(at::kBFloat16);
        autocast::setCpuEnabled(enabled);
    } else {
        return; // a precision this device does not run: stay in float32
    }
    if (!enabled)
        autocast::clearCache(); // the weights' cached casts are stale after the step
}

void MixedPrecision::beforeBatch(Learner& learn) { setAutocast(learn, true); }

void MixedPrecision::afterLoss(Learner& learn) { setAutocast(learn, false); }

void MixedPrecision::beforeBackward(Learner& learn) {
    if (scalesLoss())
        learn.lossGrad = m_scaler.scale(learn.lossGrad);
}

void MixedPrecision::afterBackward(Learner& learn) {
    if (scalesLoss())
        m_finite = m_scaler.unscale(learn.optimizer().parameters());
}

void MixedPrecision::beforeStep(Learner& learn) {
    if (!scalesLoss())
        return;
    if (!m_finite) {
        learn.skipStep = true;
        ++m_skipped;
    }
    m_scaler.update(m_finite);
}

void MixedPrecision::afterFit(Learner& learn, bool) { setAutocast(learn, false); }

} // namespace ulmfit
