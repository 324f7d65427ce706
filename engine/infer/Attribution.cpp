#include "infer/Attribution.h"

#include "core/Error.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ulmfit {

const char* attributionMethodName(AttributionMethod method) {
    return method == AttributionMethod::Attention ? "attention" : "ig";
}

AttributionMethod parseAttributionMethod(std::string_view name) {
    if (name == "ig")
        return AttributionMethod::IntegratedGradients;
    if (name == "attention")
        return AttributionMethod::Attention;
    throw Error("unknown attribution method '" + std::string(name) + "': use ig or attention");
}

std::vector<std::size_t> rankByInfluence(const Attribution& attribution) {
    std::vector<std::size_t> order(attribution.tokens.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::abs(attribution.tokens[a].score) > std::abs(attribution.tokens[b].score);
    });
    return order;
}

} // namespace ulmfit
