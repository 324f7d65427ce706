#pragma once

namespace ulmfit {

class Learner;

/// Behaviour hung on the training loop's named events (fastai's Callback). Callbacks run in
/// ascending order(); they read and change the Learner's public state.
class Callback {
public:
    virtual ~Callback() = default;
    virtual int order() const { return 0; }

    virtual void beforeFit(Learner&) {}
    virtual void beforeEpoch(Learner&) {}
    virtual void beforeTrain(Learner&) {}
    virtual void beforeBatch(Learner&) {}
    virtual void afterPred(Learner&) {}
    virtual void afterLoss(Learner&) {}
    virtual void beforeBackward(Learner&) {}
    virtual void afterBackward(Learner&) {}
    virtual void beforeStep(Learner&) {}
    virtual void afterStep(Learner&) {}
    virtual void afterBatch(Learner&) {}
    virtual void afterTrain(Learner&) {}
    virtual void beforeValidate(Learner&) {}
    virtual void afterValidate(Learner&) {}
    virtual void afterEpoch(Learner&) {}
    /// Runs even when the fit ends with an exception (then `failed` is true).
    virtual void afterFit(Learner&, bool /*failed*/) {}
};

/// Thrown by a callback to end the fit early without an error (fastai's CancelFitException).
struct StopFit {};

} // namespace ulmfit
