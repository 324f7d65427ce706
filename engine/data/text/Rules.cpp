// fix_html, replace_rep, replace_wrep, spec_add_spaces and rm_useless_spaces as scanners
// (see Rules.h for the regexes they reproduce).
#include "data/text/Rules.h"
#include "data/text/SpaceMasks.h"
#include "data/text/SpecialTokens.h"
#include "data/text/Unicode.h"

#include <cstdint>
#include <cstring>
#include <utility>

namespace ulmfit::text {
namespace {

using unicode::decode;
namespace swar = unicode::swar;

struct Replacement {
    std::string_view from;
    std::string_view to;
    char key; // a byte of `from` that is rare in review text: the search looks for it first
};

// fix_html's str.replace() chain, in fastai's order (each applied to the previous result).
const Replacement kHtmlReplacements[] = {
    {"#39;", "'", ';'},         {"amp;", "&", ';'},         {"#146;", "'", ';'},     {"nbsp;", " ", ';'},
    {"#36;", "$", ';'},         {"\\n", "\n", '\\'},        {"quot;", "'", ';'},     {"<br />", "\n", '<'},
    {"\\\"", "\"", '\\'},       {"<unk>", "xxunk", '<'},    {" @.@ ", ".", '@'},     {" @-@ ", "-", '@'},
    {"...", " \xE2\x80\xA6", '.'}};

// text.find(r.from, from), but memchr()s for r.key rather than for the first byte: "amp;" would
// stop at every 'a' of the text, while most reviews have no ';' at all.
std::size_t find(std::string_view text, const Replacement& r, std::size_t from) {
    const std::size_t keyOffset = r.from.find(r.key);
    for (std::size_t i = from + keyOffset; i < text.size(); ++i) {
        const void* hit = std::memchr(text.data() + i, r.key, text.size() - i);
        if (!hit)
            break;
        i = static_cast<std::size_t>(static_cast<const char*>(hit) - text.data());
        if (text.compare(i - keyOffset, r.from.size(), r.from) == 0)
            return i - keyOffset;
    }
    return std::string_view::npos;
}

// str.replace(r.from, r.to), given the first occurrence.
void replaceAll(std::string_view text, const Replacement& r, std::size_t hit, std::string& out) {
    out.clear();
    std::size_t i = 0;
    for (; hit != std::string_view::npos; hit = find(text, r, i)) {
        out.append(text.substr(i, hit - i));
        out.append(r.to);
        i = hit + r.from.size();
    }
    out.append(text.substr(i));
}

// Builds a rule's output as `text` with some ranges replaced, touching `out` only at the first
// replacement: a rule that changes nothing (most rules on most reviews) costs no copy.
class Rewriter {
public:
    Rewriter(std::string_view text, std::string& out) : text_(text), out_(out) {}

    // Copies the text before `from` and returns the output, for the caller to append what replaces
    // text[from, to).
    std::string& replace(std::size_t from, std::size_t to) {
        if (!changed_) {
            out_.clear();
            out_.reserve(text_.size() + 16);
            changed_ = true;
        }
        out_.append(text_.substr(copied_, from - copied_));
        copied_ = to;
        return out_;
    }

    // Copies the rest of the text; false when nothing was replaced (and `out` was left alone).
    bool finish() {
        if (changed_)
            out_.append(text_.substr(copied_));
        return changed_;
    }

private:
    std::string_view text_;
    std::string& out_;
    std::size_t copied_ = 0; // text_[0, copied_) is in out_
    bool changed_ = false;
};

// " xxrep 4 a " and the start of " xxwrep 3 word tail".
void appendRepetition(std::string& out, const char* marker, std::size_t count, std::string_view unit) {
    out += ' ';
    out += marker;
    out += ' ';
    out += std::to_string(count);
    out += ' ';
    out.append(unit);
    out += ' ';
}

// Length of the code point at text[i] and its value.
char32_t at(std::string_view text, std::size_t i, int& length) {
    return decode(text.data() + i, text.data() + text.size(), length);
}

// Length of the maximal run of \w (or \s when `space`) code points starting at text[i].
std::size_t runLength(std::string_view text, std::size_t i, bool space) {
    const char* end = text.data() + text.size();
    std::size_t j = i;
    while (j < text.size()) {
        const char* p = text.data() + j;
        const int length = space ? unicode::spaceLength(p, end) : unicode::wordCharLength(p, end);
        if (length == 0)
            break;
        j += static_cast<std::size_t>(length);
    }
    return j - i;
}

// First position from `i` on where replace_rep needs a closer look: a byte >= 0x80 (a code point
// to decode) or the first of three equal ASCII bytes. Before it, the text is ASCII runs of at
// most two equal bytes, which the scan steps over unchanged. Eight positions at a time while
// ten bytes are left.
std::size_t skipPlainAscii(std::string_view text, std::size_t i) {
    const char* s = text.data();
    const std::size_t n = text.size();
    for (; i + 10 <= n; i += 8) {
        const std::uint64_t here = swar::load(s + i), next = swar::load(s + i + 1), afterNext = swar::load(s + i + 2);
        if ((here & swar::kHighBits) != 0 || swar::zeroBytes((here ^ next) | (here ^ afterNext)) != 0)
            break;
    }
    for (; i < n; ++i) {
        if (static_cast<unsigned char>(s[i]) >= 0x80 || (i + 2 < n && s[i] == s[i + 1] && s[i] == s[i + 2]))
            break;
    }
    return i;
}

struct WrepMatch {
    std::size_t end = 0;   // one past the match
    int count = 0;         // number of repetitions of the word
    std::string_view word; // the repeated word
    std::string_view tail; // the (\s|\W|$) group
};

// `(\w+)\s+((?:\1\s+)+)\1(\s|\W|$)` anchored at `start`, with Python's backtracking outcome.
bool matchWrep(std::string_view text, std::size_t start, WrepMatch& m) {
    const std::size_t wordLength = runLength(text, start, false);
    const std::size_t firstSpace = runLength(text, start + wordLength, true);
    if (wordLength == 0 || firstSpace == 0)
        return false;
    const std::string_view word = text.substr(start, wordLength);
    std::size_t reps = 0, repEnd = start + wordLength + firstSpace, previousEnd = repEnd;
    const auto wordAt = [&](std::size_t i) { // cheap first-byte test before comparing
        return i < text.size() && text[i] == word[0] && text.compare(i, wordLength, word) == 0;
    };
    while (wordAt(repEnd)) { // greedy (?:\1\s+)+
        const std::size_t space = runLength(text, repEnd + wordLength, true);
        if (space == 0)
            break;
        previousEnd = repEnd;
        repEnd += wordLength + space;
        ++reps;
    }
    if (reps == 0)
        return false;
    m.word = word;
    if (wordAt(repEnd)) { // final \1 then (\s|\W|$)
        const std::size_t after = repEnd + wordLength;
        int length = 0;
        if (after == text.size() || !unicode::isWordChar(at(text, after, length))) {
            m.tail = text.substr(after, after == text.size() ? 0 : static_cast<std::size_t>(length));
            m.end = after + m.tail.size();
            m.count = static_cast<int>(reps) + 2;
            return true;
        }
    }
    if (reps < 2)
        return false;
    // Backtrack one repetition: the last \1\s+ becomes the final \1 followed by one \s.
    const std::size_t after = previousEnd + wordLength;
    int length = 1;
    at(text, after, length);
    m.tail = text.substr(after, static_cast<std::size_t>(length));
    m.end = after + m.tail.size();
    m.count = static_cast<int>(reps) + 1;
    return true;
}

bool isSpecial(char c) { return c == '/' || c == '#' || c == '\\'; }

// First position from `i` on (i > 0) that holds a special character or a space following a space.
std::size_t nextSpecialOrDoubleSpace(std::string_view text, std::size_t i) {
    const char* s = text.data();
#if defined(__SSE2__) // 16 bytes a step: a fifth of the instructions of the 8-byte helpers below
    namespace sse2 = unicode::sse2;
    for (; i + 16 <= text.size(); i += 16) {
        const __m128i here = sse2::load(s + i), before = sse2::load(s + i - 1);
        const __m128i special =
            _mm_or_si128(_mm_or_si128(sse2::bytesEqual(here, '/'), sse2::bytesEqual(here, '#')),
                         sse2::bytesEqual(here, '\\'));
        const __m128i doubleSpace = _mm_and_si128(sse2::bytesEqual(here, ' '), sse2::bytesEqual(before, ' '));
        if (const unsigned mask = sse2::bitsOf(_mm_or_si128(special, doubleSpace)))
            return i + static_cast<std::size_t>(swar::lowestBit(mask));
    }
#endif
    for (; i + 8 <= text.size(); i += 8) {
        const std::uint64_t here = swar::load(s + i), before = swar::load(s + i - 1);
        const std::uint64_t special =
            swar::bytesEqual(here, '/') | swar::bytesEqual(here, '#') | swar::bytesEqual(here, '\\');
        if (const std::uint64_t mask = special | (swar::bytesEqual(here, ' ') & swar::bytesEqual(before, ' ')))
            return i + static_cast<std::size_t>(swar::firstByte(mask));
    }
    while (i < text.size() && !isSpecial(s[i]) && !(s[i] == ' ' && s[i - 1] == ' '))
        ++i;
    return i;
}

// The rules that often change nothing write to `out` and return true, or return false when the
// result would be `text` itself (leaving `out` alone), so that applyRules copies nothing for them.

bool tryFixHtml(std::string_view text, std::string& out) {
    thread_local std::string spare; // out and spare take turns holding the latest result
    std::string_view current = text;
    std::string* target = &out;
    std::string* other = &spare;
    bool changed = false;
    const auto advance = [&] {
        current = *target;
        std::swap(target, other);
        changed = true;
    };
    // Keys found absent from the current text: the five patterns with ';' share one search in a
    // review without ';'. A replacement can only bring in the bytes of its `to`.
    bool absent[256] = {};
    for (const Replacement& r : kHtmlReplacements) {
        const auto key = static_cast<unsigned char>(r.key);
        if (absent[key])
            continue;
        if (!std::memchr(current.data(), key, current.size())) {
            absent[key] = true;
            continue;
        }
        if (const std::size_t hit = find(current, r, 0); hit != std::string_view::npos) {
            replaceAll(current, r, hit, *target);
            advance();
            for (char c : r.to)
                absent[static_cast<unsigned char>(c)] = false;
        }
    }
    if (current.find('&') != std::string_view::npos) {
        htmlUnescape(current, *target);
        advance();
    }
    if (changed && other == &spare) // the latest result is in spare
        out.swap(spare);
    return changed;
}

bool tryReplaceRep(std::string_view text, std::string& out) {
    Rewriter rewriter(text, out);
    std::size_t i = 0;
    while ((i = skipPlainAscii(text, i)) < text.size()) {
        int length = 1;
        const char32_t cp = at(text, i, length);
        const auto len = static_cast<std::size_t>(length);
        if (unicode::isSpace(cp)) {
            i += len;
            continue;
        }
        std::size_t count = 1;
        if (len == 1) {
            while (i + count < text.size() && text[i + count] == text[i])
                ++count;
        } else {
            while (text.compare(i + count * len, len, text.substr(i, len)) == 0)
                ++count;
        }
        if (count >= 3)
            appendRepetition(rewriter.replace(i, i + count * len), kRep, count, text.substr(i, len));
        i += count * len;
    }
    return rewriter.finish();
}

// A quick test that rejects almost every `start` matchWrep would reject: the text from `start` to
// the next whitespace (at `spaceAt`) must be followed, after that whitespace, by the same first
// byte (that of the first repetition of the word).
bool mayMatchWrep(std::string_view text, std::size_t start, std::size_t spaceAt) {
    if (spaceAt == start || spaceAt == text.size())
        return false;
    const std::size_t next = spaceAt + runLength(text, spaceAt, true);
    return next < text.size() && text[next] == text[start];
}

// Bit k set for each whitespace byte p[k] of the 64 bytes at `p`; false when one of them is
// >= 0x80 (which could start multi-byte whitespace).
bool asciiSpaceBits(const char* p, std::uint64_t& bits) {
    const SpaceMasks masks = spaceMasksOf64(p);
    bits = masks.space | masks.otherSpace;
    return masks.nonAscii == 0;
}

// From whitespace at `pos`, skips the words that cannot begin a match, 64 ASCII bytes at a time:
// in ASCII text the word after the next whitespace is simply the next word, and bit masks give
// the words' starts without scanning. A word can only begin a match if the next one repeats it,
// so both must start with the same byte, and their second bytes must be equal or both whitespace
// (a one-character word and its repetition are followed by whitespace).
// Returns the whitespace before the first word that may begin a match (or whose next word lies
// beyond the bytes looked at).
std::size_t skipHopelessWords(std::string_view text, std::size_t pos) {
    std::uint64_t space = 0;
    while (pos + 64 <= text.size() && asciiSpaceBits(text.data() + pos, space)) {
        std::uint64_t starts = ~space & (space << 1); // a word starts after each whitespace byte
        if (starts == 0 || !(space & 1))
            return pos;
        const char* window = text.data() + pos;
        const auto mayRepeat = [&](int first, int next) {
            if (window[first] != window[next])
                return false;
            if (next == 63) // its second byte is beyond the window
                return true;
            const bool bothSpace = ((space >> (first + 1)) & (space >> (next + 1)) & 1) != 0;
            return window[first + 1] == window[next + 1] || bothSpace;
        };
        int first = swar::lowestBit(starts);
        for (starts &= starts - 1; starts != 0; starts &= starts - 1) {
            const int next = swar::lowestBit(starts);
            if (mayRepeat(first, next))
                return pos + static_cast<std::size_t>(first) - 1;
            first = next;
        }
        if (first == 1) // a word as long as the window: no progress to make here
            return pos;
        pos += static_cast<std::size_t>(first) - 1;
    }
    return pos;
}

bool tryReplaceWrep(std::string_view text, std::string& out) {
    Rewriter rewriter(text, out);
    const char* begin = text.data();
    const char* end = begin + text.size();
    const auto spaceAfter = [&](std::size_t i) { // position of the next whitespace from i on
        return static_cast<std::size_t>(unicode::findSpace(begin + i, end) - begin);
    };
    const auto skipSpace = [&](std::size_t i) { // past the whitespace code point at i, if any
        return i < text.size() ? i + static_cast<std::size_t>(unicode::spaceLength(begin + i, end)) : i;
    };
    // (?:\s|^): a match begins at `pos`, with a whitespace character or at the start of the string
    // (tried in that order: at 0 only one of them can be followed by \w), and (\w+) at `start`.
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (unicode::byteClass(text[pos]) & unicode::kSpaceByte)
            pos = skipHopelessWords(text, pos);
        const std::size_t start = skipSpace(pos);
        // A word contains no whitespace, so when no match starts here the next try is at the first
        // whitespace from `start` on.
        const std::size_t spaceAt = spaceAfter(start);
        WrepMatch m;
        if (mayMatchWrep(text, start, spaceAt) && matchWrep(text, start, m)) {
            // The tail group stays as it is: the text resumes there.
            const std::size_t tailStart = m.end - m.tail.size();
            appendRepetition(rewriter.replace(pos, tailStart), kWrep, static_cast<std::size_t>(m.count), m.word);
            pos = spaceAfter(m.end);
        } else {
            pos = spaceAt;
        }
    }
    return rewriter.finish();
}

} // namespace

void fixHtml(std::string_view text, std::string& out) {
    if (!tryFixHtml(text, out))
        out.assign(text.data(), text.size());
}

void replaceRep(std::string_view text, std::string& out) {
    if (!tryReplaceRep(text, out))
        out.assign(text.data(), text.size());
}

void replaceWrep(std::string_view text, std::string& out) {
    if (!tryReplaceWrep(text, out))
        out.assign(text.data(), text.size());
}

void specAddSpaces(std::string_view text, std::string& out) {
    out.clear();
    out.reserve(text.size() + 16);
    for (char c : text) {
        if (isSpecial(c)) {
            out += ' ';
            out += c;
            out += ' ';
        } else {
            out += c;
        }
    }
}

void addSpacesAroundSpecials(std::string_view text, std::string& out) {
    // Collapsing runs of spaces as they are written gives what rm_useless_spaces gives on the
    // whole output of spec_add_spaces. Between the characters that need that, the text is copied
    // in whole stretches.
    out.clear();
    out.reserve(text.size() + 16);
    const auto lastIsSpace = [&] { return !out.empty() && out.back() == ' '; };
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i++];
        if (isSpecial(c)) {
            if (!lastIsSpace())
                out += ' ';
            out += c;
            out += ' ';
        } else if (c != ' ' || !lastIsSpace()) {
            out += c;
        }
        // The stretch's first character follows what was just written, the others the text's.
        if (i < text.size() && !(text[i] == ' ' && lastIsSpace())) {
            const std::size_t next = nextSpecialOrDoubleSpace(text, i);
            out.append(text.substr(i, next - i));
            i = next;
        }
    }
}

void rmUselessSpaces(std::string_view text, std::string& out) {
    out.clear();
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] != ' ' || i == 0 || text[i - 1] != ' ') // a run of spaces keeps its first one
            out += text[i];
}

#define ULMFIT_TEXT_VALUE_RULE(name)                                                                                   \
    std::string name(std::string_view text) {                                                                          \
        std::string out;                                                                                               \
        name(text, out);                                                                                               \
        return out;                                                                                                    \
    }
ULMFIT_TEXT_VALUE_RULE(fixHtml)
ULMFIT_TEXT_VALUE_RULE(replaceRep)
ULMFIT_TEXT_VALUE_RULE(replaceWrep)
ULMFIT_TEXT_VALUE_RULE(specAddSpaces)
ULMFIT_TEXT_VALUE_RULE(rmUselessSpaces)
ULMFIT_TEXT_VALUE_RULE(replaceAllCaps)
ULMFIT_TEXT_VALUE_RULE(replaceMaj)
ULMFIT_TEXT_VALUE_RULE(lowercase)
#undef ULMFIT_TEXT_VALUE_RULE

void applyRules(std::string_view text, std::string& out, std::string& scratch) {
    // Each rule writes to whichever buffer does not hold the current text; the rules that
    // usually change nothing leave the current text where it is instead of copying it.
    std::string_view current = text;
    std::string* target = &out;
    std::string* other = &scratch;
    const auto advance = [&] {
        current = *target;
        std::swap(target, other);
    };
    for (bool (*rule)(std::string_view, std::string&) : {tryFixHtml, tryReplaceRep, tryReplaceWrep})
        if (rule(current, *target))
            advance();
    addSpacesAroundSpecials(current, *target);
    advance();
    applyCaseRules(current, *target);
    if (target != &out)
        out.swap(scratch);
}

std::string applyRules(std::string_view text) {
    std::string out, scratch;
    applyRules(text, out, scratch);
    return out;
}

} // namespace ulmfit::text
