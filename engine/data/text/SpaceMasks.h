#pragma once
#include "data/text/Unicode.h"

#include <cstdint>

namespace ulmfit::text {

/// The white space in 64 bytes of text, as bit masks (bit k for byte k), for the scanners that go
/// through a text word by word: with them a word's end is a count of trailing zeros, where a search
/// 8 bytes at a time took ~25 instructions per 8 bytes and a mispredicted branch about once a word.
struct SpaceMasks {
    std::uint64_t space = 0;      // ' '
    std::uint64_t otherSpace = 0; // the other ASCII white space (str.isspace(): \t \n \v \f \r, 0x1C-0x1F)
    std::uint64_t nonAscii = 0;   // >= 0x80, which may start non-ASCII white space
};

/// The masks of the 64 bytes at `p`: 16 bytes a step with SSE2 (every x86-64 CPU has it), else 8
/// with the byte-parallel helpers of unicode::swar.
inline SpaceMasks spaceMasksOf64(const char* p) {
    SpaceMasks masks;
#if defined(__SSE2__)
    namespace sse2 = unicode::sse2;
    for (int k = 0; k < 64; k += 16) {
        const __m128i c = sse2::load(p + k);
        masks.space |= std::uint64_t(sse2::bitsOf(sse2::bytesEqual(c, ' '))) << k;
        masks.otherSpace |= std::uint64_t(sse2::bitsOf(_mm_or_si128(sse2::bytesInRange(c, 0x09, 0x0D),
                                                                    sse2::bytesInRange(c, 0x1C, 0x1F))))
                            << k;
        masks.nonAscii |= std::uint64_t(sse2::bitsOf(c)) << k; // each byte's top bit
    }
#else
    namespace swar = unicode::swar;
    for (int k = 0; k < 64; k += 8) {
        const std::uint64_t word = swar::load(p + k);
        const std::uint64_t space = swar::bytesEqual(word, ' ');
        masks.space |= std::uint64_t(swar::bitsOf(space)) << k;
        masks.otherSpace |= std::uint64_t(swar::bitsOf(unicode::asciiSpaceBytes(word) & ~word & ~space)) << k;
        masks.nonAscii |= std::uint64_t(swar::bitsOf(word & swar::kHighBits)) << k;
    }
#endif
    return masks;
}

} // namespace ulmfit::text
