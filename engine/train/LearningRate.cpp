#include "train/LearningRate.h"

#include "train/Schedule.h"

#include <cstdio>

namespace ulmfit {

std::vector<double> LearningRate::perGroup(int groups) const {
    if (!isSlice)
        return std::vector<double>(groups, hi);
    if (lo > 0.0)
        return evenMults(lo, hi, groups);
    std::vector<double> rates(groups, hi / 10.0);
    if (groups > 0)
        rates.back() = hi;
    return rates;
}

namespace {
std::string formatRate(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.3g", value);
    return text;
}
} // namespace

std::string LearningRate::describe() const {
    if (!isSlice)
        return formatRate(hi);
    if (lo <= 0.0)
        return "slice(" + formatRate(hi) + ")";
    return "slice(" + formatRate(lo) + ", " + formatRate(hi) + ")";
}

} // namespace ulmfit
