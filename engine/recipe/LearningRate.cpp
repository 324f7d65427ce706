#include "recipe/LearningRate.h"

#include <cmath>
#include <cstdio>
#include <regex>

namespace ulmfit {

LearningRate LearningRate::withTop(double top) const {
    if (!isSlice)
        return plain(top);
    return slice(hi > 0 ? lo * (top / hi) : 0.0, top);
}

std::vector<double> evenMults(double lo, double hi, int n) {
    if (n <= 1)
        return std::vector<double>(n > 0 ? 1 : 0, hi);
    const double step = std::pow(hi / lo, 1.0 / (n - 1));
    std::vector<double> rates;
    for (int i = 0; i < n; ++i)
        rates.push_back(lo * std::pow(step, i));
    return rates;
}

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

bool LearningRate::operator==(const LearningRate& other) const {
    return lo == other.lo && hi == other.hi && isSlice == other.isSlice;
}

namespace {

// "2e-2" rather than printf's "0.02" or "2e-02": the way the book writes rates.
std::string formatRate(double value) {
    if (!(value > 0.0) || !std::isfinite(value)) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", value);
        return text;
    }
    int exponent = int(std::floor(std::log10(value)));
    double mantissa = value / std::pow(10.0, exponent);
    if (std::round(mantissa * 100.0) / 100.0 >= 10.0) {
        mantissa /= 10.0;
        ++exponent;
    }
    char text[48];
    std::snprintf(text, sizeof text, "%.3ge%d", mantissa, exponent);
    return text;
}

bool isBookSlice(const LearningRate& rate) {
    return rate.lo > 0.0 && std::abs(rate.lo * kBookSliceSpread - rate.hi) <= 1e-9 * rate.hi;
}

// A whole number token: "1.2.3" is not one, although std::stod would read its "1.2".
std::optional<double> number(const std::string& text) {
    try {
        std::size_t used = 0;
        const double value = std::stod(text, &used);
        if (used == text.size())
            return value;
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

// term := number [ "/" number [ "**" number ] ], enough for the book's "1e-2/2.6**4".
std::optional<double> parseTerm(const std::string& text) {
    static const std::regex term(R"(^\s*([0-9.]+(?:[eE][-+]?[0-9]+)?)\s*(?:/\s*([0-9.]+(?:[eE][-+]?[0-9]+)?)\s*)"
                                 R"((?:\*\*\s*([0-9.]+)\s*)?)?$)");
    std::smatch match;
    if (!std::regex_match(text, match, term))
        return std::nullopt;
    auto value = number(match[1].str());
    if (value && match[2].matched) {
        const auto divisor = number(match[2].str());
        const auto power = match[3].matched ? number(match[3].str()) : std::optional(1.0);
        value = divisor && power ? std::optional(*value / std::pow(*divisor, *power)) : std::nullopt;
    }
    if (value && std::isfinite(*value) && *value > 0.0)
        return value;
    return std::nullopt;
}

} // namespace

std::string formatLearningRate(const LearningRate& rate) {
    const std::string high = formatRate(rate.hi);
    if (!rate.isSlice)
        return high;
    if (rate.lo <= 0.0)
        return "slice(" + high + ")";
    const std::string low = isBookSlice(rate) ? high + "/2.6**4" : formatRate(rate.lo);
    return "slice(" + low + ", " + high + ")";
}

std::optional<LearningRate> parseLearningRate(std::string_view text) {
    static const std::regex slice(R"(^\s*slice\s*\(([^,)]*)(?:,([^)]*))?\)\s*$)");
    const std::string input(text);
    std::smatch match;
    if (!std::regex_match(input, match, slice)) {
        const auto rate = parseTerm(input);
        return rate ? std::optional(LearningRate::plain(*rate)) : std::nullopt;
    }
    const auto first = parseTerm(match[1].str());
    if (!match[2].matched)
        return first ? std::optional(LearningRate::slice(0.0, *first)) : std::nullopt;
    const auto second = parseTerm(match[2].str());
    if (!first || !second || *first > *second)
        return std::nullopt;
    return LearningRate::slice(*first, *second);
}

} // namespace ulmfit
