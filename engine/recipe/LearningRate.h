#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ulmfit {

/// The book's spread of discriminative rates: slice(lr / 2.6**4, lr).
inline constexpr double kBookSliceSpread = 2.6 * 2.6 * 2.6 * 2.6;

/// A learning rate as fastai's fit methods take it: a plain number (every group gets it) or a
/// slice: slice(lo, hi) spreads rates geometrically from the first group to the last, and
/// slice(hi) (lo == 0) gives the last group hi and every other group hi / 10 (Optimizer.set_hyper).
struct LearningRate {
    double lo = 0.0;
    double hi = 1e-3;
    bool isSlice = false;

    static LearningRate plain(double lr) { return {0.0, lr, false}; }
    static LearningRate slice(double lo, double hi) { return {lo, hi, true}; }
    /// The book's slice(hi / 2.6**4, hi).
    static LearningRate bookSlice(double hi) { return {hi / kBookSliceSpread, hi, true}; }

    std::vector<double> perGroup(int groups) const;
    /// The same kind of rate with `top` as its largest rate: a slice keeps its spread (lo / hi), as
    /// a user who found a new top rate with lr_find expects.
    LearningRate withTop(double top) const;
    bool operator==(const LearningRate& other) const;
    bool operator!=(const LearningRate& other) const { return !(*this == other); }
};

/// fastai's even_mults: `n` rates from `lo` to `hi`, evenly spaced on a log scale.
std::vector<double> evenMults(double lo, double hi, int n);

/// The book's notation: "2e-2", "slice(1e-3)", "slice(1e-2/2.6**4, 1e-2)", "slice(1.5e-5, 1e-2)".
std::string formatLearningRate(const LearningRate& rate);
/// Reads what formatLearningRate writes (and any "a/b**c" term); nullopt when it is not a rate.
std::optional<LearningRate> parseLearningRate(std::string_view text);

} // namespace ulmfit
