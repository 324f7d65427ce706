#pragma once
#include <functional>
#include <vector>

namespace ulmfit {

/// A hyper-parameter schedule: training progress in [0, 1] -> value (fastai's `Scheduler`).
using Schedule = std::function<double(double progress)>;

/// fastai's SchedCos: half a cosine from `start` to `end`.
double schedCos(double start, double end, double progress);
/// fastai's SchedLin and SchedExp.
double schedLin(double start, double end, double progress);
double schedExp(double start, double end, double progress);

/// fastai's combined_cos: cosine start -> middle over the first `pctStart`, then middle -> end.
Schedule combinedCos(double pctStart, double start, double middle, double end);

/// fit_one_cycle's hyper-parameters (fastai defaults; text learners use moms 0.8/0.7/0.8).
struct OneCycle {
    double pctStart = 0.25;
    double div = 25.0;
    double divFinal = 1e5;
    double momStart = 0.8, momMiddle = 0.7, momEnd = 0.8;

    /// Learning rate at `progress` for a group whose peak rate is `lrMax`.
    double lr(double lrMax, double progress) const;
    /// Momentum (Adam's beta1) at `progress`, cycled inversely to the rate.
    double momentum(double progress) const;
};

} // namespace ulmfit
