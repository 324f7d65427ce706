// replace_all_caps, replace_maj and lowercase (see Rules.h for the regexes).
//
// Both case regexes are `(\s|^)(TOKEN)(?=(\s|$))`: the group must span a whole maximal run of
// non-whitespace, and every such run starts at ^ or right after a whitespace character that no
// earlier match consumed (the lookahead consumes nothing). So each rule reduces to a test on
// each whitespace-delimited word. [A-Z] and [a-z] are ASCII-only in the regexes, while
// .lower() is Unicode-wide.
#include "data/text/Rules.h"
#include "data/text/SpecialTokens.h"
#include "data/text/Unicode.h"

#include <cstdint>

namespace ulmfit::text {
namespace {

using unicode::kLowerByte;
using unicode::kNonAsciiByte;
using unicode::kUpperByte;

// What the case regexes look at in a word: whether it starts with [A-Z], and then the classes
// of its following bytes (the regexes test ASCII letters byte by byte).
struct WordShape {
    bool upperFirst = false;
    unsigned char rest = 0; // ByteClass bits of the bytes after the first, OR-ed
};

WordShape shapeOf(std::string_view word) {
    WordShape shape;
    shape.upperFirst = unicode::byteClass(word.front()) & kUpperByte;
    if (shape.upperFirst) // other words match neither regex: no need to look further
        for (char c : word.substr(1))
            shape.rest |= unicode::byteClass(c);
    return shape;
}

// [A-Z]+[^a-z\s]* : starts upper-case, contains no ASCII lower-case letter.
bool isAllCaps(const WordShape& shape) { return shape.upperFirst && !(shape.rest & kLowerByte); }

// [A-Z][^A-Z\s]* : starts upper-case, no further ASCII upper-case letter.
bool isMaj(const WordShape& shape) { return shape.upperFirst && !(shape.rest & kUpperByte); }

// fastai puts a marker only before words longer than one code point.
bool getsMarker(std::string_view word, const WordShape& shape) {
    return shape.rest & kNonAsciiByte ? unicode::codePointCount(word) > 1 : word.size() > 1;
}

// Length of the whitespace code point that ends at `end` (begin < end), or 0. Whitespace is one
// ASCII byte or a lead byte and at most two continuation bytes; a lead byte is never a
// continuation byte, so decoding forward from it gives the same code point as from the start.
int spaceLengthBefore(const char* begin, const char* end) {
    const char* lead = end - 1;
    while (lead > begin && end - lead < 3 && (static_cast<unsigned char>(*lead) & 0xC0) == 0x80)
        --lead;
    const int length = unicode::spaceLength(lead, end);
    return length == end - lead ? length : 0;
}

// First byte from `p` on that is [A-Z] (`end` if none), 16 then 8 bytes at a time (capitals
// are one byte in about 30 of a review: most steps find none).
const char* findUpper(const char* p, const char* end) {
    namespace swar = unicode::swar;
#if defined(__SSE2__)
    namespace sse2 = unicode::sse2;
    for (; end - p >= 16; p += 16)
        if (const unsigned upper = sse2::bitsOf(sse2::bytesInRange(sse2::load(p), 'A', 'Z')))
            return p + swar::lowestBit(upper);
#endif
    return swar::findFlagged(
        p, end, [](std::uint64_t word) { return swar::bytesInRange(word & ~swar::kHighBits, 'A', 'Z') & ~word; },
        [](char c) { return unicode::byteClass(c) & kUpperByte; });
}

// Calls onWord(word) for each maximal run of non-whitespace code points in `text` that starts
// with [A-Z]: the only words either case regex can match. Such a word starts at an ASCII byte,
// always a code point boundary, so looking back for whitespace tells whether a word starts there.
template <typename OnWord>
void forEachCapitalizedWord(std::string_view text, OnWord onWord) {
    const char* begin = text.data();
    const char* end = begin + text.size();
    for (const char* p = begin; (p = findUpper(p, end)) < end;) {
        if (p != begin && spaceLengthBefore(begin, p) == 0) { // inside a word
            ++p;
            continue;
        }
        const char* wordEnd = unicode::findSpace(p + 1, end);
        onWord(std::string_view(p, static_cast<std::size_t>(wordEnd - p)));
        p = wordEnd;
    }
}

// Copies `text`, replacing each word for which `matches` holds by `marker` + lower(word)
// (the marker only for words longer than one code point, as fastai does).
template <typename Predicate>
void markWords(std::string_view text, std::string& out, Predicate matches, const char* marker) {
    out.clear();
    out.reserve(text.size() + text.size() / 8);
    const char* copied = text.data(); // text before `copied` is in out
    forEachCapitalizedWord(text, [&](std::string_view word) {
        const WordShape shape = shapeOf(word);
        if (!matches(shape))
            return;
        out.append(copied, static_cast<std::size_t>(word.data() - copied));
        if (getsMarker(word, shape)) {
            out += marker;
            out += ' ';
        }
        unicode::appendLower(out, word);
        copied = word.data() + word.size();
    });
    out.append(copied, static_cast<std::size_t>(text.data() + text.size() - copied));
}

// The ends of `text` without Unicode whitespace (str.strip()), scanned from both ends.
std::string_view strip(std::string_view text) {
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        const int length = unicode::spaceLength(p, end);
        if (length == 0)
            break;
        p += length;
    }
    while (end > p) {
        const int length = spaceLengthBefore(p, end);
        if (length == 0)
            break;
        end -= length;
    }
    return std::string_view(p, static_cast<std::size_t>(end - p));
}

} // namespace

void replaceAllCaps(std::string_view text, std::string& out) { markWords(text, out, isAllCaps, kUp); }

void replaceMaj(std::string_view text, std::string& out) { markWords(text, out, isMaj, kMaj); }

void lowercase(std::string_view text, std::string& out) {
    // str.strip() removes Unicode whitespace at both ends; lower() never changes whitespace,
    // so stripping the input first gives the same result.
    const std::string_view stripped = strip(text);
    out.clear();
    out.reserve(text.size() + 8);
    out += kBos;
    out += ' ';
    unicode::appendLower(out, stripped);
}

void applyCaseRules(std::string_view text, std::string& out) {
    // replace_all_caps turns the words it marks to lower case, so replace_maj never matches them
    // afterwards; lowercase then lowers every word. Each word therefore gets at most one marker,
    // all caps first, and comes out lowered: one pass instead of three. The markers go before
    // words only, so stripping the input first strips the same whitespace as lowercase does.
    // lower() leaves whitespace as it is, so the text between markers is lowered in one piece
    // (the pieces end at word starts, which are code point boundaries).
    const std::string_view stripped = strip(text);
    out.clear();
    out.reserve(stripped.size() + stripped.size() / 8 + 8);
    out += kBos;
    out += ' ';
    const char* lowered = stripped.data(); // stripped text before `lowered` is in out
    forEachCapitalizedWord(stripped, [&](std::string_view word) {
        const WordShape shape = shapeOf(word);
        constexpr std::string_view up = kUp, maj = kMaj;
        const std::string_view marker = isAllCaps(shape) ? up : isMaj(shape) ? maj : std::string_view();
        if (marker.empty() || !getsMarker(word, shape))
            return;
        unicode::appendLower(out, std::string_view(lowered, static_cast<std::size_t>(word.data() - lowered)));
        out += marker;
        out += ' ';
        lowered = word.data();
    });
    unicode::appendLower(out, std::string_view(lowered, static_cast<std::size_t>(stripped.data() + stripped.size() - lowered)));
}

} // namespace ulmfit::text
