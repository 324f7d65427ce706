// sanitizeUtf8: a fast validator with an ASCII fast path; only ill-formed input is copied piecewise.
#include "core/Utf8.h"

#include <cstdint>
#include <cstring>

namespace ulmfit {
namespace {
constexpr char kReplacement[] = "\xEF\xBF\xBD"; // U+FFFD

/// Length of the well-formed sequence at p (> 0), or minus the length of the maximal ill-formed
/// subpart to replace with one U+FFFD (Unicode's recommended "maximal subpart" practice).
int sequenceAt(const unsigned char* p, std::size_t avail) {
    const unsigned c = p[0];
    int need = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        need = 1;
    else if (c == 0xE0)
        need = 2, lo = 0xA0;
    else if (c == 0xED)
        need = 2, hi = 0x9F; // no UTF-16 surrogates
    else if (c >= 0xE1 && c <= 0xEF)
        need = 2;
    else if (c == 0xF0)
        need = 3, lo = 0x90; // no overlong 4-byte forms
    else if (c == 0xF4)
        need = 3, hi = 0x8F; // nothing above U+10FFFF
    else if (c >= 0xF1 && c <= 0xF3)
        need = 3;
    else
        return -1;
    for (int i = 1; i <= need; ++i) {
        if (static_cast<std::size_t>(i) >= avail || p[i] < lo || p[i] > hi)
            return -i;
        lo = 0x80, hi = 0xBF;
    }
    return need + 1;
}

/// Offset of the first ill-formed byte, or size when the whole input is valid.
std::size_t firstInvalid(const unsigned char* data, std::size_t size) {
    std::size_t i = 0;
    while (i < size) {
        // 32, then 8 ASCII bytes at a time: the common case for English reviews. Every review is
        // checked twice (by the reader and by the tokenizer, which may be given any text), so
        // this loop is about 1 % of building the IMDb corpus.
        if (i + 32 <= size) {
            std::uint64_t words[4];
            std::memcpy(words, data + i, 32);
            if (((words[0] | words[1] | words[2] | words[3]) & 0x8080808080808080ULL) == 0) {
                i += 32;
                continue;
            }
        }
        if (i + 8 <= size) {
            std::uint64_t word;
            std::memcpy(&word, data + i, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                i += 8;
                continue;
            }
        }
        const int n = sequenceAt(data + i, size - i);
        if (n < 0)
            return i;
        i += static_cast<std::size_t>(n);
    }
    return size;
}
} // namespace

bool isWellFormedUtf8(std::string_view bytes) {
    return firstInvalid(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size()) == bytes.size();
}

std::string sanitizeUtf8(std::string_view bytes) {
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    const std::size_t size = bytes.size();
    std::size_t i = firstInvalid(data, size);
    if (i == size)
        return std::string(bytes);
    std::string out;
    out.reserve(size + 16);
    out.append(bytes.data(), i);
    while (i < size) {
        const int n = sequenceAt(data + i, size - i);
        if (n > 0) {
            const std::size_t validEnd = i + firstInvalid(data + i, size - i);
            out.append(bytes.data() + i, validEnd - i);
            i = validEnd;
        } else {
            out.append(kReplacement, 3);
            i += static_cast<std::size_t>(-n);
        }
    }
    return out;
}

} // namespace ulmfit
