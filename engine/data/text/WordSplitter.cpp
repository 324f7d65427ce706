// spaCy's Tokenizer.__call__ / _split_affixes / _attach_tokens / special-case matcher,
// re-expressed over byte offsets into UTF-8 text.
#include "data/text/WordSplitter.h"
#include "data/text/Affixes.h"
#include "data/text/SpaceMasks.h"
#include "data/text/SpecialCases.h"
#include "data/text/Unicode.h"
#include "data/text/WordKey.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace ulmfit::text {
namespace {

using Tokens = std::vector<std::string>;

// spaCy's special cases by wordKey: every chunk of text is looked up, most are short, and then a
// lookup is one key comparison (std::unordered_map hashed the chunk and compared its bytes). Nearly
// every chunk is not a special case: a bitmap of the keys' hashes, small enough to stay in the
// first-level cache, answers those before the table (128 KB for spaCy's 1,346 cases: a load from
// the second-level cache for each of the IMDb's 15 M words was a tenth of the splitter's time).
class SpecialCaseIndex {
public:
    explicit SpecialCaseIndex(std::size_t capacity)
        : m_slots(std::size_t(1) << bitsFor(capacity * 4)), m_words(m_slots.size()) {}

    void add(std::string_view word, const Tokens* tokens) {
        const WordKey key = wordKey(word);
        const std::uint64_t hash = slotHash(key);
        m_filter[(hash >> 6) % kFilterWords] |= std::uint64_t(1) << (hash & 63);
        std::size_t i = hash & (m_slots.size() - 1);
        while (m_slots[i].tokens)
            i = (i + 1) & (m_slots.size() - 1);
        m_slots[i] = {key, tokens};
        m_words[i] = word;
    }

    const Tokens* find(std::string_view word) const {
        const WordKey key = wordKey(word);
        const std::uint64_t hash = slotHash(key);
        if (!(m_filter[(hash >> 6) % kFilterWords] >> (hash & 63) & 1))
            return nullptr;
        for (std::size_t i = hash & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            const Slot& slot = m_slots[i];
            if (!slot.tokens)
                return nullptr;
            if (slot.key == key && m_words[i].size() == word.size() && (isExactKey(word.size()) || m_words[i] == word))
                return slot.tokens;
        }
    }

private:
    struct Slot {
        WordKey key;
        const Tokens* tokens = nullptr;
    };
    static int bitsFor(std::size_t n) {
        int bits = 4;
        while ((std::size_t(1) << bits) < n)
            ++bits;
        return bits;
    }
    static constexpr std::size_t kFilterWords = 512; // 32,768 bits (4 KB): ~4 % false positives
    std::uint64_t m_filter[kFilterWords] = {};
    std::vector<Slot> m_slots;
    std::vector<std::string_view> m_words; // each slot's key string (englishSpecialCases() lives forever)
};

class Splitter {
public:
    static const Splitter& instance() {
        static const Splitter splitter;
        return splitter;
    }

    void split(std::string_view text, TokenList& out) const;
    void splitChunk(std::string_view chunk, TokenList& out) const;

private:
    struct Pattern {
        Tokens pieces;              // how the special case splits without special cases
        const Tokens* replacement;  // what spaCy puts instead
    };

    Splitter();
    const Tokens* special(std::string_view s) const {
        return s.empty() || s.size() > m_maxKeyLength ? nullptr : m_specials.find(s);
    }
    void splitSpan(std::string_view span, bool withSpecials, TokenList& out) const;
    void pushLowerAsciiWord(std::string_view word, TokenList& out) const;
    bool splitWordAndPunct(std::string_view chunk, TokenList& out) const;
    void attachCore(std::string_view core, bool withSpecials, TokenList& out) const;
    void mergeSpecials(TokenList& out, std::size_t first) const;
    std::size_t matchAt(const TokenList& tokens, std::size_t i, std::size_t end, const Pattern** best) const;

    SpecialCaseIndex m_specials;
    std::unordered_map<std::string, std::vector<Pattern>> m_patternsByFirst;
    bool m_secondByte[256] = {};
    std::size_t m_maxKeyLength = 0;
};

Splitter::Splitter() : m_specials(englishSpecialCases().size()) {
    for (const auto& [key, tokens] : englishSpecialCases()) {
        m_specials.add(key, &tokens);
        m_maxKeyLength = std::max(m_maxKeyLength, key.size());
    }
    // spaCy's special-case matcher holds the cases that contain affixes, as token sequences.
    std::vector<affix::Infix> infixes;
    for (const auto& [key, tokens] : englishSpecialCases()) {
        affix::findInfixes(key, infixes);
        if (!affix::findPrefix(key) && !affix::findSuffix(key) && infixes.empty())
            continue;
        TokenList split;
        splitSpan(key, false, split);
        Tokens pieces = split.strings();
        if (pieces.size() < 2)
            continue;
        m_secondByte[static_cast<unsigned char>(pieces[1][0])] = true;
        m_patternsByFirst[pieces[0]].push_back({pieces, &tokens});
    }
}

bool isLowerAsciiWord(std::string_view s) {
    for (char c : s)
        if (c < 'a' || c > 'z')
            return false;
    return true;
}

/// From the start of a word at `text[i]`, the chunks of the plain stretch that follows, up to 64
/// bytes: ASCII words each followed by one plain space, which is not a token (nearly all of a
/// review). Returns where it stopped: at the start of a word that ends beyond the 64 bytes, or at
/// the space after the last word it passed, when white space other than one space follows; i itself
/// when it passed nothing (a word of non-ASCII bytes, or of 64 bytes or more).
template <typename OnChunk>
std::size_t cutPlainWords(std::string_view text, std::size_t i, OnChunk& onChunk) {
    const SpaceMasks masks = spaceMasksOf64(text.data() + i);
    const std::uint64_t irregular = masks.otherSpace | masks.nonAscii;
    const int other = irregular ? unicode::swar::lowestBit(irregular) : 64; // the first irregular byte
    int start = 0;
    for (;;) {
        const std::uint64_t spacesAfter = masks.space & (~std::uint64_t(0) << start);
        if (!spacesAfter)
            return i + static_cast<std::size_t>(start);
        const int end = unicode::swar::lowestBit(spacesAfter);
        if (end > other)
            return i + static_cast<std::size_t>(start);
        onChunk(text.substr(i + static_cast<std::size_t>(start), static_cast<std::size_t>(end - start)));
        start = end + 1;
        if (start >= other || (masks.space >> start & 1)) // start < 64: `other` is at most 64
            return i + static_cast<std::size_t>(end);
    }
}

template <typename OnChunk>
void forEachChunk(std::string_view text, OnChunk onChunk) {
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        std::size_t runEnd = i;
        for (int length; runEnd < n && (length = unicode::spaceLength(text.data() + runEnd, text.data() + n)) > 0;)
            runEnd += static_cast<std::size_t>(length);
        if (runEnd > i) { // white space: one plain space after a word is not a token, the rest is one
            const std::size_t start = i > 0 && text[i] == ' ' ? i + 1 : i;
            if (start < runEnd)
                onChunk(text.substr(start, runEnd - start));
            i = runEnd;
            if (i == n)
                break;
        }
        if (n - i >= 64) { // plain words: found 64 bytes at a time, without a search per word
            const std::size_t stop = cutPlainWords(text, i, onChunk);
            if (stop != i) {
                i = stop;
                continue;
            }
        }
        // A word: up to the next white space, found 8 bytes at a time.
        const std::size_t wordEnd = static_cast<std::size_t>(unicode::findSpace(text.data() + i, text.data() + n) - text.data());
        onChunk(text.substr(i, wordEnd - i));
        i = wordEnd;
    }
}

void Splitter::split(std::string_view text, TokenList& out) const {
    forEachChunk(text, [&](std::string_view chunk) { splitChunk(chunk, out); });
}

void Splitter::splitChunk(std::string_view chunk, TokenList& out) const {
    if (isLowerAsciiWord(chunk)) // most words: no affix or infix rule can apply
        pushLowerAsciiWord(chunk, out);
    else if (!splitWordAndPunct(chunk, out))
        splitSpan(chunk, true, out);
}

// "word," and "word." are most of the chunks that are not [a-z]+. For them spaCy's rules come down
// to the word then the mark (no prefix starts with a letter; ',' is a suffix, and so is '.' after a
// lower-case letter; no infix lies between letters) unless a special case applies: the whole chunk
// (e.g. "etc."), the word, or one of the merged patterns (none has ',' or '.' as its second piece).
bool Splitter::splitWordAndPunct(std::string_view chunk, TokenList& out) const {
    const char mark = chunk.back();
    if (chunk.size() < 2 || (mark != ',' && mark != '.') || m_secondByte[static_cast<unsigned char>(mark)])
        return false;
    const std::string_view word = chunk.substr(0, chunk.size() - 1);
    if (!isLowerAsciiWord(word) || special(chunk) || special(word))
        return false;
    out.push(word);
    out.push(chunk.substr(chunk.size() - 1));
    return true;
}

void Splitter::pushLowerAsciiWord(std::string_view word, TokenList& out) const {
    if (const Tokens* tokens = special(word))
        for (const auto& t : *tokens)
            out.push(t);
    else
        out.push(word);
}

void Splitter::splitSpan(std::string_view span, bool withSpecials, TokenList& out) const {
    if (withSpecials && isLowerAsciiWord(span)) { // fast path: no affix or infix can match
        pushLowerAsciiWord(span, out);
        return;
    }
    if (withSpecials) {
        if (const Tokens* tokens = special(span)) {
            for (const auto& t : *tokens)
                out.push(t);
            return;
        }
    }
    const std::size_t first = out.size();
    // The prefixes are consecutive pieces from the chunk's start and the suffixes from its end, so
    // their boundaries are enough (arrays of string_view were zero-filled, 2 KB, on every call).
    std::size_t prefixEnds[64], suffixStarts[64];
    int prefixCount = 0, suffixCount = 0;
    std::string_view s = span;
    const auto offset = [&](const char* p) { return static_cast<std::size_t>(p - span.data()); };
    const auto isSpecial = [&](std::string_view x) { return withSpecials && !x.empty() && special(x); };
    for (std::size_t lastSize = 0; !s.empty() && s.size() != lastSize && prefixCount < 64 && suffixCount < 64;) {
        if (lastSize != 0 && isSpecial(s)) // the whole chunk was checked above
            break;
        lastSize = s.size();
        const std::size_t pre = affix::findPrefix(s);
        if (pre && isSpecial(s.substr(pre))) {
            prefixEnds[prefixCount++] = offset(s.data()) + pre;
            s = s.substr(pre);
            break;
        }
        const std::size_t suf = affix::findSuffix(s.substr(pre));
        if (suf && isSpecial(s.substr(0, s.size() - suf))) {
            suffixStarts[suffixCount++] = offset(s.data()) + s.size() - suf;
            s = s.substr(0, s.size() - suf);
            break;
        }
        if (pre)
            prefixEnds[prefixCount++] = offset(s.data()) + pre;
        if (suf)
            suffixStarts[suffixCount++] = offset(s.data()) + s.size() - suf;
        s = s.substr(pre, s.size() - pre - suf);
        if (isSpecial(s))
            break;
    }
    for (int k = 0; k < prefixCount; ++k) {
        const std::size_t start = k == 0 ? 0 : prefixEnds[k - 1];
        out.push(span.substr(start, prefixEnds[k] - start));
    }
    attachCore(s, withSpecials, out);
    for (int k = suffixCount - 1; k >= 0; --k) {
        const std::size_t end = k == 0 ? span.size() : suffixStarts[k - 1];
        out.push(span.substr(suffixStarts[k], end - suffixStarts[k]));
    }
    if (withSpecials && out.size() - first >= 2)
        mergeSpecials(out, first);
}

void Splitter::attachCore(std::string_view core, bool withSpecials, TokenList& out) const {
    if (core.empty())
        return;
    if (const Tokens* tokens = withSpecials ? special(core) : nullptr) {
        for (const auto& t : *tokens)
            out.push(t);
        return;
    }
    thread_local std::vector<affix::Infix> infixes;
    affix::findInfixes(core, infixes);
    if (infixes.empty() || affix::matchesUrl(core)) {
        out.push(core);
        return;
    }
    std::size_t start = 0;
    for (const affix::Infix& m : infixes) {
        if (m.start == 0) // an infix at the very start stays attached to what follows
            continue;
        if (m.start != start)
            out.push(core.substr(start, m.start - start));
        out.push(core.substr(m.start, m.end - m.start));
        start = m.end;
    }
    if (start < core.size())
        out.push(core.substr(start));
}

std::size_t Splitter::matchAt(const TokenList& tokens, std::size_t i, std::size_t end, const Pattern** best) const {
    thread_local std::string first; // C++17's unordered_map has no lookup by string_view
    first.assign(tokens[i]);
    auto it = m_patternsByFirst.find(first);
    if (it == m_patternsByFirst.end())
        return 0;
    std::size_t bestLength = 0;
    for (const Pattern& p : it->second) {
        if (p.pieces.size() <= bestLength || p.pieces.size() > end - i)
            continue;
        bool equal = true;
        for (std::size_t k = 1; k < p.pieces.size() && equal; ++k)
            equal = tokens[i + k] == p.pieces[k];
        if (equal) {
            bestLength = p.pieces.size();
            *best = &p;
        }
    }
    return bestLength;
}

// Special cases that span several affix pieces of one chunk are merged back (spaCy's
// _apply_special_cases), longest match first.
void Splitter::mergeSpecials(TokenList& tokens, std::size_t first) const {
    std::size_t end = tokens.size();
    for (std::size_t i = first; i + 1 < end; ++i) {
        const std::string_view second = tokens[i + 1];
        if (second.empty() || !m_secondByte[static_cast<unsigned char>(second[0])])
            continue;
        const Pattern* best = nullptr;
        const std::size_t length = matchAt(tokens, i, end, &best);
        if (length == 0)
            continue;
        TokenList tail; // copied out: truncating the list frees the bytes the views point to
        for (std::size_t k = i + length; k < end; ++k)
            tail.push(tokens[k]);
        tokens.truncate(i);
        for (const auto& t : *best->replacement)
            tokens.push(t);
        const std::size_t resume = tokens.size();
        for (const std::string_view t : tail)
            tokens.push(t);
        end = tokens.size();
        i = resume - 1;
    }
}

} // namespace

void splitWords(std::string_view text, TokenList& out) { Splitter::instance().split(text, out); }

void cutChunks(std::string_view text, std::vector<std::string_view>& out) {
    // Built in place from its two halves: push_back(chunk) stored them to the stack and loaded them
    // back as one 16-byte value, which the CPU cannot forward from two 8-byte stores.
    forEachChunk(text, [&](std::string_view chunk) { out.emplace_back(chunk.data(), chunk.size()); });
}

void splitChunk(std::string_view chunk, TokenList& out) {
    Splitter::instance().splitChunk(chunk, out);
}

std::vector<std::string> splitWords(std::string_view text) {
    TokenList out;
    splitWords(text, out);
    return out.strings();
}

} // namespace ulmfit::text
