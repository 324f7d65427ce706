#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

// Code-point helpers for the hand-written tokenizer (no std::regex, no ICU).
//
// Character classes follow Python's `str`/`re` semantics that fastai's rules and spaCy's
// tokenizer rely on, with small tables instead of the full Unicode database:
//  - whitespace is exactly Python's str.isspace() set;
//  - "word" characters (regex \w) are ASCII [A-Za-z0-9_], Latin-1 letters/digits, and every
//    other code point except known punctuation/symbol blocks (General Punctuation, arrows,
//    box drawing, dingbats, CJK punctuation, emoji, combining marks, ...);
//  - case mapping (lower) covers ASCII, Latin-1, Latin Extended-A, Latin Extended Additional,
//    Greek, Cyrillic and fullwidth Latin, which is what review text contains in practice.
namespace ulmfit::text::unicode {

/// Decodes one code point at `p` (p < end). Invalid or truncated sequences decode as
/// U+FFFD with length 1, so scanning always makes progress.
inline char32_t decode(const char* p, const char* end, int& length);

/// Length in bytes of the code point starting at `p` (1 for ASCII and invalid bytes).
int sequenceLength(const char* p, const char* end);

void append(std::string& out, char32_t cp);

bool isSpaceNonAscii(char32_t cp);
bool isWordCharNonAscii(char32_t cp);

/// Python str.isspace().
constexpr bool isSpace(char32_t cp) {
    if (cp < 0x80)
        return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x1F);
    return isSpaceNonAscii(cp);
}

/// Python re \w (approximation documented above).
constexpr bool isWordChar(char32_t cp) {
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    return isWordCharNonAscii(cp);
}

/// What one byte says about the code point it starts, for scanners' ASCII fast paths: review
/// text is nearly all ASCII, and only bytes >= 0x80 (kNonAsciiByte) need decode().
enum ByteClass : unsigned char {
    kSpaceByte = 1,    // ASCII isSpace()
    kWordByte = 2,     // ASCII isWordChar()
    kUpperByte = 4,    // A-Z
    kLowerByte = 8,    // a-z
    kNonAsciiByte = 16 // >= 0x80: a multi-byte sequence or an invalid byte
};

inline constexpr std::array<unsigned char, 256> kByteClasses = [] {
    std::array<unsigned char, 256> classes{};
    for (unsigned b = 0; b < 256; ++b) {
        unsigned char c = 0;
        if (b >= 0x80)
            c = kNonAsciiByte;
        else if (isSpace(b))
            c = kSpaceByte;
        else if (isWordChar(b))
            c = static_cast<unsigned char>(kWordByte | (b >= 'A' && b <= 'Z' ? kUpperByte : 0) |
                                           (b >= 'a' && b <= 'z' ? kLowerByte : 0));
        classes[b] = c;
    }
    return classes;
}();

inline unsigned char byteClass(char c) { return kByteClasses[static_cast<unsigned char>(c)]; }

/// Length in bytes of the whitespace code point at `p` (p < end), or 0 when `p` starts anything else.
inline int spaceLength(const char* p, const char* end) {
    const unsigned char c = byteClass(*p);
    if (!(c & kNonAsciiByte))
        return c & kSpaceByte ? 1 : 0;
    int length = 1;
    return isSpaceNonAscii(decode(p, end, length)) ? length : 0;
}

/// Length in bytes of the \w code point at `p` (p < end), or 0 when `p` starts anything else.
inline int wordCharLength(const char* p, const char* end) {
    const unsigned char c = byteClass(*p);
    if (!(c & kNonAsciiByte))
        return c & kWordByte ? 1 : 0;
    int length = 1;
    return isWordCharNonAscii(decode(p, end, length)) ? length : 0;
}

// ---- byte-parallel helpers: eight bytes per step in the scanners' hot loops ----------------
// Each helper computes a mask with 0x80 in the flagged bytes of a word; firstByte() then gives
// the offset of the first one without a data-dependent loop (the branch that would end such a
// loop is mispredicted about once a word).
namespace swar {

/// The eight bytes at `p` as a little-endian number: byte k of memory is bits 8k to 8k + 7.
inline std::uint64_t load(const char* p) {
    std::uint64_t word;
    std::memcpy(&word, p, 8);
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    word = __builtin_bswap64(word);
#endif
    return word;
}

/// Stores `word` (as load() reads it) at `p`.
inline void store(char* p, std::uint64_t word) {
#if defined(__GNUC__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    word = __builtin_bswap64(word);
#endif
    std::memcpy(p, &word, 8);
}

constexpr std::uint64_t broadcast(unsigned char byte) { return 0x0101010101010101ULL * byte; }

constexpr std::uint64_t kHighBits = broadcast(0x80);

/// 0x80 in each byte of `word` that is zero, 0 elsewhere (exact: no carries between bytes).
constexpr std::uint64_t zeroBytes(std::uint64_t word) {
    const std::uint64_t low7 = broadcast(0x7F);
    return ~(((word & low7) + low7) | word) & kHighBits;
}

/// 0x80 in each byte of `word` equal to `byte`.
constexpr std::uint64_t bytesEqual(std::uint64_t word, unsigned char byte) { return zeroBytes(word ^ broadcast(byte)); }

/// 0x80 in each byte of `ascii` (every byte < 0x80) that is >= `n` (n <= 0x80).
constexpr std::uint64_t bytesAtLeast(std::uint64_t ascii, unsigned char n) {
    return ((ascii | kHighBits) - broadcast(n)) & kHighBits;
}

/// 0x80 in each byte of `ascii` (every byte < 0x80) in [lo, hi].
constexpr std::uint64_t bytesInRange(std::uint64_t ascii, unsigned char lo, unsigned char hi) {
    return bytesAtLeast(ascii, lo) & ~bytesAtLeast(ascii, static_cast<unsigned char>(hi + 1));
}

/// Index of the lowest set bit of `bits` (bits != 0).
inline int lowestBit(std::uint64_t bits) {
#if defined(__GNUC__)
    return __builtin_ctzll(bits);
#else
    int k = 0;
    while (!(bits & 1))
        bits >>= 1, ++k;
    return k;
#endif
}

/// Offset in memory of the first byte flagged in `mask` (mask != 0).
inline int firstByte(std::uint64_t mask) { return lowestBit(mask) / 8; }

/// The flags of `mask` as eight bits, bit k for byte k (a multiply gathers them in the top byte).
constexpr unsigned bitsOf(std::uint64_t mask) { return static_cast<unsigned>(((mask >> 7) * 0x0102040810204080ULL) >> 56); }

/// First byte from `p` on that is flagged (`end` if none): `flags(word)` flags the bytes of eight
/// at a time as the helpers above do, `flagged(c)` tests the last few one by one.
template <typename Flags, typename Flagged>
const char* findFlagged(const char* p, const char* end, Flags flags, Flagged flagged) {
    for (; end - p >= 8; p += 8)
        if (const std::uint64_t mask = flags(load(p)))
            return p + firstByte(mask);
    while (p < end && !flagged(*p))
        ++p;
    return p;
}

} // namespace swar

#if defined(__SSE2__)
// The same tests 16 bytes at a time with SSE2 (every x86-64 CPU has it): a mask has 0xFF in the
// flagged bytes, and bitsOf() gathers them as bits, bit k for byte k.
namespace sse2 {

inline __m128i load(const char* p) {
    return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}

/// 0xFF in each byte of `bytes` equal to `byte`.
inline __m128i bytesEqual(__m128i bytes, char byte) {
    return _mm_cmpeq_epi8(bytes, _mm_set1_epi8(byte));
}

/// 0xFF in each byte of `bytes` in [lo, hi] (unsigned: byte - lo wraps below lo, so one comparison).
inline __m128i bytesInRange(__m128i bytes, unsigned char lo, unsigned char hi) {
    const __m128i fromLo = _mm_sub_epi8(bytes, _mm_set1_epi8(static_cast<char>(lo)));
    return _mm_cmpeq_epi8(_mm_min_epu8(fromLo, _mm_set1_epi8(static_cast<char>(hi - lo))), fromLo);
}

/// The top bit of each of the 16 bytes of `mask`, as bits.
inline unsigned bitsOf(__m128i mask) {
    return static_cast<unsigned>(_mm_movemask_epi8(mask));
}

} // namespace sse2
#endif

/// 0x80 in each byte of `word` whose low seven bits are ASCII whitespace, 0 elsewhere.
constexpr std::uint64_t asciiSpaceBytes(std::uint64_t word) {
    const std::uint64_t ascii = word & ~swar::kHighBits;
    return swar::bytesEqual(ascii, ' ') | swar::bytesInRange(ascii, 0x09, 0x0D) | swar::bytesInRange(ascii, 0x1C, 0x1F);
}

/// 0x80 in each byte of `word` that is ASCII whitespace or >= 0x80 (which may start non-ASCII
/// whitespace), 0 elsewhere.
constexpr std::uint64_t spaceOrNonAsciiBytes(std::uint64_t word) { return (word & swar::kHighBits) | asciiSpaceBytes(word); }

/// First byte from `p` on that is ASCII whitespace or >= 0x80 (`end` if none).
inline const char* findSpaceOrNonAscii(const char* p, const char* end) {
    return swar::findFlagged(p, end, spaceOrNonAsciiBytes, [](char c) { return byteClass(c) & (kSpaceByte | kNonAsciiByte); });
}

/// First position from `p` on that starts a whitespace code point (`end` if none). Stepping byte
/// by byte over non-ASCII bytes finds the same positions as stepping by code point: the bytes
/// inside a multi-byte sequence are continuation bytes, which never start whitespace.
inline const char* findSpace(const char* p, const char* end) {
    while ((p = findSpaceOrNonAscii(p, end)) < end && spaceLength(p, end) == 0)
        ++p;
    return p;
}

bool isAlpha(char32_t cp);      // spaCy char_classes.ALPHA
bool isAlphaLower(char32_t cp); // spaCy ALPHA_LOWER (lower-case letters + uncased scripts)
bool isAlphaUpper(char32_t cp); // spaCy ALPHA_UPPER (upper-case letters + uncased scripts)
bool isIcon(char32_t cp);       // spaCy's "other symbols" class (dingbats, emoji, ...)
inline bool isAsciiDigit(char32_t cp) { return cp >= '0' && cp <= '9'; }

/// Appends Python's str.lower() of `text` to `out` (within the covered scripts).
void appendLower(std::string& out, std::string_view text);

/// Number of code points in `text`.
std::size_t codePointCount(std::string_view text);

// ---- inline implementation -------------------------------------------------------------

inline char32_t decode(const char* p, const char* end, int& length) {
    const auto b0 = static_cast<unsigned char>(*p);
    if (b0 < 0x80) {
        length = 1;
        return b0;
    }
    int n = 0;
    char32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        n = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        n = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        n = 4;
        cp = b0 & 0x07;
    } else {
        length = 1;
        return 0xFFFD;
    }
    if (end - p < n) {
        length = 1;
        return 0xFFFD;
    }
    for (int i = 1; i < n; ++i) {
        const auto b = static_cast<unsigned char>(p[i]);
        if ((b & 0xC0) != 0x80) {
            length = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    // Reject overlong forms, surrogates and out-of-range values.
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
        length = 1;
        return 0xFFFD;
    }
    length = n;
    return cp;
}

} // namespace ulmfit::text::unicode
