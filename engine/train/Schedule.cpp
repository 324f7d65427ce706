#include "train/Schedule.h"

#include <cmath>

namespace ulmfit {

double schedCos(double start, double end, double progress) {
    return start + (1.0 + std::cos(M_PI * (1.0 - progress))) * (end - start) / 2.0;
}

double schedLin(double start, double end, double progress) {
    return start + progress * (end - start);
}

double schedExp(double start, double end, double progress) {
    return start * std::pow(end / start, progress);
}

Schedule combinedCos(double pctStart, double start, double middle, double end) {
    return [=](double progress) {
        if (progress < pctStart)
            return schedCos(start, middle, progress / pctStart);
        return schedCos(middle, end, (progress - pctStart) / (1.0 - pctStart));
    };
}

double OneCycle::lr(double lrMax, double progress) const {
    return combinedCos(pctStart, lrMax / div, lrMax, lrMax / divFinal)(progress);
}

double OneCycle::momentum(double progress) const {
    return combinedCos(pctStart, momStart, momMiddle, momEnd)(progress);
}

} // namespace ulmfit
