#include "data/batch/SeededRandom.h"

#include <numeric>

namespace ulmfit {
namespace {
std::uint64_t splitMix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}
} // namespace

SeededRandom SeededRandom::forEpoch(std::uint64_t seed, int epoch) {
    return SeededRandom(splitMix64(seed ^ splitMix64(static_cast<std::uint64_t>(epoch) + 1)));
}

std::vector<std::size_t> SeededRandom::permutation(std::size_t n) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    shuffle(order);
    return order;
}

} // namespace ulmfit
