#pragma once
#include "recipe/LearningRate.h"
#include "train/Callback.h"
#include "train/Schedule.h"

namespace ulmfit {

/// fit_one_cycle as a callback: before each training batch, every group's rate and the shared
/// momentum are set from the fit's progress (fastai's ParamScheduler with combined_cos).
class OneCycleScheduler : public Callback {
  public:
    OneCycleScheduler(LearningRate lrMax, OneCycle cycle = {}) : m_lrMax(lrMax), m_cycle(cycle) {}
    int order() const override { return -50; }
    void beforeFit(Learner& learn) override;
    void beforeBatch(Learner& learn) override;

  private:
    void apply(Learner& learn, double progress);

    LearningRate m_lrMax;
    OneCycle m_cycle;
    std::vector<double> m_peaks;
};

} // namespace ulmfit
