#pragma once
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace ulmfit {

/// Reproducible shuffling: std::shuffle's algorithm differs between standard libraries, so we draw
/// with our own Fisher-Yates over a fixed engine (mt19937_64) and get the same order everywhere.
class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) : m_engine(seed) {}
    /// A stream for `epoch` of `seed` that does not overlap the other epochs' streams in practice.
    static SeededRandom forEpoch(std::uint64_t seed, int epoch);

    std::uint64_t below(std::uint64_t n) { return m_engine() % n; } // bias < n / 2^64, negligible here
    template <typename T> void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i > 1; --i)
            std::swap(items[i - 1], items[static_cast<std::size_t>(below(i))]);
    }
    std::vector<std::size_t> permutation(std::size_t n);

private:
    std::mt19937_64 m_engine;
};

} // namespace ulmfit
