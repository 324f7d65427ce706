#pragma once
#include <cstdint>
#include <cstring>
#include <functional>
#include <string_view>

namespace ulmfit::text {

/// A word's key for open-addressing tables. Up to 16 bytes it is the word's bytes themselves (most
/// words: the first 8 in `head`, and for a longer word its last 8, overlapping, in `tail`), so two
/// words of the same length are equal exactly when their keys are: a lookup neither hashes the
/// string nor compares its bytes (the IMDb's words of 9 to 16 bytes are one in ten, and hashing
/// them, then comparing with the stored word's bytes, a cache miss, took a fifth of interning's
/// time). A longer word's key is a hash of its bytes: then the bytes must be compared too.
struct WordKey {
    static constexpr std::size_t kExactBytes = 16;
    std::uint64_t head = 0;
    std::uint64_t tail = 0;
    bool operator==(const WordKey& other) const { return head == other.head && tail == other.tail; }
    bool operator!=(const WordKey& other) const { return !(*this == other); }
};

inline WordKey wordKey(std::string_view word) {
    const char* p = word.data();
    const std::size_t n = word.size();
    if (n > WordKey::kExactBytes)
        return {std::hash<std::string_view>{}(word), 0};
    if (n > 8) { // two loads of 8 bytes in memory order (the packing differs by endianness; equality does not)
        WordKey key;
        std::memcpy(&key.head, p, 8);
        std::memcpy(&key.tail, p + n - 8, 8);
        return key;
    }
    // The bytes in little-endian order, read as two overlapping loads rather than one by one (the
    // overlapping bytes land on the same bits, so the result is the plain packing).
    const auto byte = [p](std::size_t i) { return std::uint64_t(static_cast<unsigned char>(p[i])); };
    if (n >= 4) {
        const auto load32 = [](const char* q) {
            return std::uint64_t(static_cast<unsigned char>(q[0])) |
                   std::uint64_t(static_cast<unsigned char>(q[1])) << 8 |
                   std::uint64_t(static_cast<unsigned char>(q[2])) << 16 |
                   std::uint64_t(static_cast<unsigned char>(q[3])) << 24;
        };
        return {load32(p) | load32(p + n - 4) << (8 * (n - 4)), 0};
    }
    if (n == 0)
        return {};
    return {byte(0) | byte(n / 2) << (8 * (n / 2)) | byte(n - 1) << (8 * (n - 1)), 0};
}

/// Whether two words with equal keys and lengths are equal without comparing their bytes.
inline bool isExactKey(std::size_t length) { return length <= WordKey::kExactBytes; }

/// Spreads a key over a table's slots (keys made of bytes are far from uniform): Murmur3's finalizer.
inline std::uint64_t slotHash(const WordKey& wordKey) {
    std::uint64_t key = wordKey.head ^ wordKey.tail * 0x9e3779b97f4a7c15ULL;
    key ^= key >> 33;
    key *= 0xff51afd7ed558ccdULL;
    key ^= key >> 33;
    return key;
}

} // namespace ulmfit::text
