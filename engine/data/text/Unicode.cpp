#include "data/text/Unicode.h"

#include <cstdint>
#include <cstring>

namespace ulmfit::text::unicode {
namespace {

bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

// Scripts spaCy treats as letters without case (char_classes._uncased).
bool isUncased(char32_t cp) {
    if (cp < 0x0591)
        return false;
    return in(cp, 0x0591, 0x05F4) || in(cp, 0x0620, 0x064A) || in(cp, 0x066E, 0x06D5) || in(cp, 0x06E5, 0x06FF) ||
           in(cp, 0x0750, 0x077F) || in(cp, 0x08A0, 0x08BD) || in(cp, 0x0900, 0x09FF) || in(cp, 0x0B80, 0x0BFF) ||
           in(cp, 0x0C00, 0x0CFF) || in(cp, 0x0D80, 0x0DFF) || in(cp, 0x1100, 0x11FF) || in(cp, 0x2E80, 0x2FFF) ||
           in(cp, 0x3000, 0x303F) || in(cp, 0x31C0, 0x31EF) || in(cp, 0x3200, 0x4DBF) || in(cp, 0x4E00, 0x9FFF) ||
           in(cp, 0xAC00, 0xD7AF) || in(cp, 0xF900, 0xFAFF) || in(cp, 0xFB1D, 0xFB4F) || in(cp, 0xFB50, 0xFBB1) ||
           in(cp, 0xFBD3, 0xFD3D) || in(cp, 0xFD50, 0xFDC7) || in(cp, 0xFDF0, 0xFDFB) || in(cp, 0xFE30, 0xFE4F) ||
           in(cp, 0xFE70, 0xFEFC) || in(cp, 0x1EE00, 0x1EEBB) || in(cp, 0x1F200, 0x1F2FF) ||
           in(cp, 0x20000, 0x2EBEF) || in(cp, 0x2F800, 0x2FA1F);
}

// Latin Extended-A alternates upper/lower, with the phase flipping at U+0139 and U+014A.
bool isExtendedAUpper(char32_t cp) {
    if (in(cp, 0x0100, 0x0137) || in(cp, 0x014A, 0x0177))
        return cp % 2 == 0;
    if (in(cp, 0x0139, 0x0148) || in(cp, 0x0179, 0x017E))
        return cp % 2 == 1;
    return cp == 0x0178;
}

bool isTatar(char32_t cp, bool upper) {
    const char32_t lower[] = {0x04D9, 0x04E9, 0x04AF, 0x0497, 0x04A3, 0x04BB};
    for (char32_t l : lower)
        if (cp == (upper ? l - 1 : l))
            return true;
    return false;
}

bool isGreekUpper(char32_t cp) {
    return (in(cp, 0x0391, 0x03A9) && cp != 0x03A2) || cp == 0x0386 || in(cp, 0x0388, 0x038A) || cp == 0x038C ||
           cp == 0x038E || cp == 0x038F;
}
bool isGreekLower(char32_t cp) { return in(cp, 0x03AC, 0x03CE); }

bool isCyrillicUpper(char32_t cp) {
    return cp == 0x0401 || in(cp, 0x0410, 0x042F) || cp == 0x0404 || cp == 0x0406 || cp == 0x0407 || cp == 0x0490 ||
           isTatar(cp, true);
}
bool isCyrillicLower(char32_t cp) {
    return cp == 0x0451 || in(cp, 0x0430, 0x044F) || cp == 0x0454 || cp == 0x0456 || cp == 0x0457 || cp == 0x0491 ||
           isTatar(cp, false);
}

bool isLatinUpper(char32_t cp) {
    if (cp < 0x80)
        return in(cp, 'A', 'Z');
    return (in(cp, 0xC0, 0xDE) && cp != 0xD7) || isExtendedAUpper(cp) || in(cp, 0xFF21, 0xFF3A) ||
           (in(cp, 0x1E00, 0x1EFF) && cp % 2 == 0 && !in(cp, 0x1E96, 0x1E9D));
}
bool isLatinLower(char32_t cp) {
    if (cp < 0x80)
        return in(cp, 'a', 'z');
    if (in(cp, 0x0100, 0x017F))
        return !isExtendedAUpper(cp);
    // Extended-B/C/D and phonetic letters are counted as lower case: after fastai's lowercase
    // rule they almost always are, and spaCy only uses the distinction around '.'.
    return in(cp, 0xDF, 0xF6) || in(cp, 0xF8, 0xFF) || in(cp, 0x0180, 0x024F) || in(cp, 0x0250, 0x02AF) ||
           in(cp, 0x1D00, 0x1D25) || in(cp, 0x1D6B, 0x1D77) || in(cp, 0x1D79, 0x1D9A) || in(cp, 0xFF41, 0xFF5A) ||
           in(cp, 0x2C60, 0x2C7F) || in(cp, 0xA722, 0xA7FA) || in(cp, 0xAB30, 0xAB64) ||
           (in(cp, 0x1E00, 0x1EFF) && (cp % 2 == 1 || in(cp, 0x1E96, 0x1E9D)));
}

} // namespace

int sequenceLength(const char* p, const char* end) {
    int length = 1;
    decode(p, end, length);
    return length;
}

void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

bool isSpaceNonAscii(char32_t cp) {
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || in(cp, 0x2000, 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool isWordCharNonAscii(char32_t cp) {
    if (cp < 0xC0) // Latin-1 supplement: only ª ² ³ µ ¹ º ¼ ½ ¾ are alphanumeric
        return cp == 0xAA || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 || cp == 0xB9 || cp == 0xBA || in(cp, 0xBC, 0xBE);
    if (cp < 0x0300)
        return cp != 0xD7 && cp != 0xF7;
    if (isSpace(cp) || in(cp, 0x0300, 0x036F) || in(cp, 0x0483, 0x0489) || in(cp, 0xFE00, 0xFE0F))
        return false; // combining marks and variation selectors are not alphanumeric
    if (cp == 0x037E || cp == 0x0387 || cp == 0x0589 || cp == 0x058A || cp == 0x060C || cp == 0x061B ||
        cp == 0x061F || in(cp, 0x066A, 0x066D) || cp == 0x06D4 || cp == 0x0964 || cp == 0x0965)
        return false;
    if (in(cp, 0x2000, 0x206F) || in(cp, 0x20A0, 0x214F) || in(cp, 0x2190, 0x245F) || in(cp, 0x2500, 0x2BFF) ||
        in(cp, 0x2E00, 0x2E7F) || in(cp, 0x3000, 0x3004) || in(cp, 0x3008, 0x303F) || in(cp, 0xFE10, 0xFE6F) ||
        in(cp, 0xFF00, 0xFF0F) || in(cp, 0xFF1A, 0xFF20) || in(cp, 0xFF3B, 0xFF40) || in(cp, 0xFF5B, 0xFF65) ||
        in(cp, 0xFFE0, 0xFFFF) || cp == 0xFEFF || in(cp, 0x1F000, 0x1FAFF) || in(cp, 0xE0000, 0xE007F))
        return false;
    return true;
}

bool isAlpha(char32_t cp) { return isAlphaLower(cp) || isAlphaUpper(cp); }

bool isAlphaLower(char32_t cp) {
    if (cp < 0x80)
        return in(cp, 'a', 'z');
    return isLatinLower(cp) || isCyrillicLower(cp) || isGreekLower(cp) || isUncased(cp);
}

bool isAlphaUpper(char32_t cp) {
    if (cp < 0x80)
        return in(cp, 'A', 'Z');
    return isLatinUpper(cp) || isCyrillicUpper(cp) || isGreekUpper(cp) || isUncased(cp);
}

bool isIcon(char32_t cp) {
    // The common part of spaCy's _other_symbols (category So); rare historic scripts omitted.
    if (cp < 0xA6)
        return false;
    return cp == 0xA6 || cp == 0xA9 || cp == 0xAE || cp == 0xB0 || cp == 0x0482 || in(cp, 0x2100, 0x2101) ||
           in(cp, 0x2103, 0x2106) || in(cp, 0x2108, 0x2109) || cp == 0x2114 || in(cp, 0x2116, 0x2117) ||
           in(cp, 0x211E, 0x2123) || cp == 0x2125 || cp == 0x2127 || cp == 0x2129 || cp == 0x212E ||
           in(cp, 0x213A, 0x213B) || cp == 0x214A || in(cp, 0x214C, 0x214D) || cp == 0x214F ||
           in(cp, 0x218A, 0x218B) || in(cp, 0x2195, 0x2199) || in(cp, 0x219C, 0x219F) || in(cp, 0x21A1, 0x21A2) ||
           in(cp, 0x21A4, 0x21A5) || in(cp, 0x21A7, 0x21AD) || in(cp, 0x21AF, 0x21CD) || in(cp, 0x21D0, 0x21D1) ||
           cp == 0x21D3 || in(cp, 0x21D5, 0x21F3) || in(cp, 0x2300, 0x2307) || in(cp, 0x230C, 0x231F) ||
           in(cp, 0x2322, 0x2328) || in(cp, 0x232B, 0x237B) || in(cp, 0x237D, 0x239A) || in(cp, 0x23B4, 0x23DB) ||
           in(cp, 0x23E2, 0x2426) || in(cp, 0x2440, 0x244A) || in(cp, 0x249C, 0x24E9) || in(cp, 0x2500, 0x25B6) ||
           in(cp, 0x25B8, 0x25C0) || in(cp, 0x25C2, 0x25F7) || in(cp, 0x2600, 0x266E) || in(cp, 0x2670, 0x2767) ||
           in(cp, 0x2794, 0x27BF) || in(cp, 0x2800, 0x28FF) || in(cp, 0x2B00, 0x2B2F) || in(cp, 0x2B45, 0x2B46) ||
           in(cp, 0x2B4D, 0x2B73) || in(cp, 0x2B76, 0x2B95) || in(cp, 0x2B98, 0x2BC8) || in(cp, 0x2BCA, 0x2BFE) ||
           cp == 0xFFFC || cp == 0xFFFD || in(cp, 0x1F000, 0x1F02B) || in(cp, 0x1F030, 0x1F093) ||
           in(cp, 0x1F0A0, 0x1F0F5) || in(cp, 0x1F110, 0x1F16B) || in(cp, 0x1F170, 0x1F1AC) ||
           in(cp, 0x1F1E6, 0x1F202) || in(cp, 0x1F210, 0x1F23B) || in(cp, 0x1F240, 0x1F248) ||
           in(cp, 0x1F250, 0x1F251) || in(cp, 0x1F260, 0x1F265) || in(cp, 0x1F300, 0x1F3FA) ||
           in(cp, 0x1F400, 0x1F6D4) || in(cp, 0x1F6E0, 0x1F6EC) || in(cp, 0x1F6F0, 0x1F6F9) ||
           in(cp, 0x1F700, 0x1F773) || in(cp, 0x1F780, 0x1F7D8) || in(cp, 0x1F800, 0x1F8AD) ||
           in(cp, 0x1F900, 0x1F90B) || in(cp, 0x1F910, 0x1F93E) || in(cp, 0x1F940, 0x1F970) ||
           in(cp, 0x1F973, 0x1F976) || cp == 0x1F97A || in(cp, 0x1F97C, 0x1F9A2) || in(cp, 0x1F9B0, 0x1F9B9) ||
           in(cp, 0x1F9C0, 0x1F9C2) || in(cp, 0x1F9D0, 0x1F9FF) || in(cp, 0x1FA60, 0x1FA6D);
}

namespace {
char32_t lowerNonAscii(char32_t cp) {
    if (in(cp, 0xC0, 0xDE) && cp != 0xD7)
        return cp + 0x20;
    if (cp < 0x100)
        return cp;
    if (cp == 0x0178)
        return 0xFF;
    if (isExtendedAUpper(cp))
        return cp + 1;
    if (in(cp, 0x0391, 0x03A9) && cp != 0x03A2)
        return cp + 0x20;
    if (cp == 0x0386)
        return 0x03AC;
    if (in(cp, 0x0388, 0x038A))
        return cp + 0x25;
    if (cp == 0x038C)
        return 0x03CC;
    if (cp == 0x038E || cp == 0x038F)
        return cp + 0x3F;
    if (in(cp, 0x03D8, 0x03EF) && cp % 2 == 0)
        return cp + 1;
    if (in(cp, 0x0400, 0x040F))
        return cp + 0x50;
    if (in(cp, 0x0410, 0x042F))
        return cp + 0x20;
    if ((in(cp, 0x0460, 0x0481) || in(cp, 0x048A, 0x04BF) || in(cp, 0x04D0, 0x052F)) && cp % 2 == 0)
        return cp + 1;
    if (cp == 0x04C0)
        return 0x04CF;
    if (in(cp, 0x04C1, 0x04CE) && cp % 2 == 1)
        return cp + 1;
    if (in(cp, 0x0531, 0x0556))
        return cp + 0x30;
    if ((in(cp, 0x1E00, 0x1E95) || in(cp, 0x1EA0, 0x1EFF)) && cp % 2 == 0)
        return cp + 1;
    if (cp == 0x1E9E)
        return 0xDF;
    if (cp == 0x2126)
        return 0x03C9;
    if (cp == 0x212A)
        return 'k';
    if (cp == 0x212B)
        return 0xE5;
    if (in(cp, 0x2160, 0x216F))
        return cp + 0x10;
    if (in(cp, 0x24B6, 0x24CF))
        return cp + 0x1A;
    if (in(cp, 0xFF21, 0xFF3A))
        return cp + 0x20;
    return cp;
}
} // namespace

namespace {

// First byte >= 0x80 from `p` on (`end` if none).
const char* skipAscii(const char* p, const char* end) {
#if defined(__SSE2__) // 16 bytes a step: each byte's top bit is what movemask gathers
    for (; end - p >= 16; p += 16)
        if (const unsigned high = sse2::bitsOf(sse2::load(p)))
            return p + swar::lowestBit(high);
#endif
    return swar::findFlagged(
        p, end, [](std::uint64_t word) { return word & swar::kHighBits; },
        [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

char lowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Appends the ASCII bytes [p, end) lowered: copied whole, then lowered in place 16 bytes a step
// with SSE2, else eight (A-Z gain 0x20).
void appendLowerAscii(std::string& out, const char* p, const char* end) {
    const std::size_t at = out.size();
    out.append(p, static_cast<std::size_t>(end - p));
    char* q = out.data() + at;
    char* qEnd = out.data() + out.size();
#if defined(__SSE2__)
    for (; qEnd - q >= 16; q += 16) {
        const __m128i c = sse2::load(q);
        const __m128i upper = sse2::bytesInRange(c, 'A', 'Z');
        _mm_storeu_si128(reinterpret_cast<__m128i*>(q),
                         _mm_or_si128(c, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
    }
#endif
    for (; qEnd - q >= 8; q += 8) {
        const std::uint64_t word = swar::load(q);
        if (const std::uint64_t upper = swar::bytesInRange(word, 'A', 'Z'))
            swar::store(q, word | (upper >> 2));
    }
    for (; q < qEnd; ++q)
        *q = lowerAscii(*q);
}

} // namespace

void appendLower(std::string& out, std::string_view text) {
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        const auto c = static_cast<unsigned char>(*p);
        if (c < 0x80) { // ASCII stretches (nearly all of a review) go 16 or 8 bytes at a time
            const char* ascii = p;
            p = skipAscii(p, end);
            appendLowerAscii(out, ascii, p);
            continue;
        }
        int length = 1;
        const char32_t cp = decode(p, end, length);
        if (cp == 0x0130) { // İ lowers to "i̇" in Python
            out.append("i\xCC\x87");
        } else if (cp == 0xFFFD && length == 1) {
            out.push_back(static_cast<char>(c)); // keep invalid bytes untouched
        } else {
            const char32_t lower = lowerNonAscii(cp);
            if (lower == cp)
                out.append(p, static_cast<std::size_t>(length));
            else
                append(out, lower);
        }
        p += length;
    }
}

std::size_t codePointCount(std::string_view text) {
    std::size_t count = 0;
    for (char c : text)
        count += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return count;
}

} // namespace ulmfit::text::unicode
