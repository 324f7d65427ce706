#pragma once
#include "train/Callback.h"
#include "train/Metrics.h"
#include "train/TrainingObserver.h"

#include <torch/types.h>

#include <vector>

namespace ulmfit {

class Learner;

/// fastai's learning-rate range test: the rate grows exponentially from startLr to endLr over
/// numIt training batches (every group the same rate), the smoothed loss (beta 0.98) is
/// recorded, and the test stops early once it exceeds 4x its minimum.
struct LrFindOptions {
    double startLr = 1e-7;
    double endLr = 10.0;
    int numIt = 100;
    bool stopDiv = true;
};

class LrFinder : public Callback {
public:
    explicit LrFinder(LrFindOptions options = {}) : m_options(options) {}
    void beforeFit(Learner& learn) override;
    void beforeBatch(Learner& learn) override;
    void afterBatch(Learner& learn) override;
    void beforeValidate(Learner& learn) override;

    const std::vector<double>& lrs() const { return m_lrs; }
    const std::vector<double>& losses() const { return m_losses; }

private:
    LrFindOptions m_options;
    SmoothLoss m_smooth;
    double m_best = 0;
    std::vector<double> m_lrs, m_losses;
};

/// fastai's `valley` suggestion: 2/3 of the way down the longest valley of the curve, computed
/// on the curve without its first 10% and last 5 points (as fastai's lr_find does).
double suggestValley(const std::vector<double>& lrs, const std::vector<double>& losses, int numIt);

/// Runs the range test on `learn` and restores the model's weights afterwards.
LrFindResult lrFind(Learner& learn, LrFindOptions options = {});

} // namespace ulmfit
