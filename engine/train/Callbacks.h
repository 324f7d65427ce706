#pragma once
#include "train/Callback.h"
#include "core/Error.h"
#include "train/PauseGate.h"

#include <string>

namespace ulmfit {

/// Resets recurrent state at the start of training, of validation and of every fit
/// (fastai's ModelResetter), so no hidden state leaks across phases.
class ModelResetter : public Callback {
public:
    void beforeTrain(Learner& learn) override;
    void beforeValidate(Learner& learn) override;
    void afterFit(Learner& learn, bool failed) override;
};

/// AR (alpha * mean(dropped_h^2)) and TAR (beta * mean((raw_h[t+1] - raw_h[t])^2)) on the
/// last RNN layer, training only (fastai's RNNRegularizer; language_model_learner: 2 and 1).
class RnnRegularizer : public Callback {
public:
    RnnRegularizer(double alpha = 2.0, double beta = 1.0) : m_alpha(alpha), m_beta(beta) {}
    void afterLoss(Learner& learn) override;

private:
    double m_alpha, m_beta;
};

/// Clips the global gradient norm (fastai's GradientClip). Runs after mixed-precision unscaling.
class GradientClip : public Callback {
public:
    explicit GradientClip(double maxNorm) : m_maxNorm(maxNorm) {}
    int order() const override { return 10; }
    void afterBackward(Learner& learn) override;

private:
    double m_maxNorm;
};

/// Stops the fit with a clear error when the training loss is NaN or infinite.
class DivergenceGuard : public Callback {
public:
    explicit DivergenceGuard(std::string stageName = {}) : m_stage(std::move(stageName)) {}
    void afterLoss(Learner& learn) override;

private:
    std::string m_stage;
};

/// Honours cancel and pause before every batch (training and validation).
class ControlCallback : public Callback {
public:
    ControlCallback(const CancelToken* cancel, PauseGate* pause) : m_cancel(cancel), m_pause(pause) {}
    int order() const override { return -100; }
    void beforeBatch(Learner& learn) override;

private:
    const CancelToken* m_cancel;
    PauseGate* m_pause;
};

/// Thrown when training diverges.
class TrainingDiverged : public Error {
public:
    using Error::Error;
};

} // namespace ulmfit
