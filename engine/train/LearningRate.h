#pragma once
#include <string>
#include <vector>

namespace ulmfit {

/// A learning rate as fastai's fit methods take it: a plain number (every group gets it) or a
/// slice: slice(lo, hi) spreads rates geometrically from the first group to the last, and
/// slice(hi) (lo == 0) gives the last group hi and every other group hi / 10 (Optimizer.set_hyper).
struct LearningRate {
    double lo = 0.0;
    double hi = 1e-3;
    bool isSlice = false;

    static LearningRate plain(double lr) { return {0.0, lr, false}; }
    static LearningRate slice(double lo, double hi) { return {lo, hi, true}; }

    std::vector<double> perGroup(int groups) const;
    std::string describe() const; // "2e-02" or "slice(1.5e-05, 1e-02)"
};

} // namespace ulmfit
