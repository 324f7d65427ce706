#pragma once
#include <cstdint>
#include <functional>
#include <string_view>

namespace ulmfit::text {

/// A word's 64-bit key for open-addressing tables: the word's bytes themselves when it fits in 8
/// (most words do: two such words are equal exactly when their keys and lengths are, so a lookup
/// neither hashes the string nor compares its bytes), a hash of them otherwise (then compare).
inline std::uint64_t wordKey(std::string_view word) {
    if (word.size() > 8)
        return std::hash<std::string_view>{}(word);
    std::uint64_t key = 0;
    for (std::size_t i = 0; i < word.size(); ++i)
        key |= std::uint64_t(static_cast<unsigned char>(word[i])) << (8 * i);
    return key;
}

/// Spreads a key over a table's slots (keys made of bytes are far from uniform): Murmur3's finalizer.
inline std::uint64_t slotHash(std::uint64_t key) {
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return key;
}

} // namespace ulmfit::text
