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
    // The bytes in little-endian order, read as two overlapping loads rather than one by one (the
    // overlapping bytes land on the same bits, so the result is the plain packing).
    const char* p = word.data();
    const std::size_t n = word.size();
    const auto byte = [p](std::size_t i) { return std::uint64_t(static_cast<unsigned char>(p[i])); };
    if (n >= 4) {
        const auto load32 = [](const char* q) {
            return std::uint64_t(static_cast<unsigned char>(q[0])) |
                   std::uint64_t(static_cast<unsigned char>(q[1])) << 8 |
                   std::uint64_t(static_cast<unsigned char>(q[2])) << 16 |
                   std::uint64_t(static_cast<unsigned char>(q[3])) << 24;
        };
        return load32(p) | load32(p + n - 4) << (8 * (n - 4));
    }
    if (n == 0)
        return 0;
    return byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1));
}

/// Spreads a key over a table's slots (keys made of bytes are far from uniform): Murmur3's finalizer.
inline std::uint64_t slotHash(std::uint64_t key) {
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return key;
}

} // namespace ulmfit::text
