// spaCy's Tokenizer.__call__ / _split_affixes / _attach_tokens / special-case matcher,
// re-expressed over byte offsets into UTF-8 text.
#include "data/text/WordSplitter.h"
#include "data/text/Affixes.h"
#include "data/text/SpecialCases.h"
#include "data/text/Unicode.h"

#include <algorithm>
#include <bitset>
#include <cstdint>
#include <unordered_map>

namespace ulmfit::text {
namespace {

using Tokens = std::vector<std::string>;

class Splitter {
public:
    static const Splitter& instance() {
        static const Splitter splitter;
        return splitter;
    }

    void split(std::string_view text, TokenList& out) const;

private:
    struct Pattern {
        Tokens pieces;              // how the special case splits without special cases
        const Tokens* replacement;  // what spaCy puts instead
    };

    Splitter();
    const Tokens* special(std::string_view s) const {
        // Most chunks are not special cases: a one-probe Bloom filter on the length and the two
        // bytes at each end skips hashing the whole string.
        if (s.empty() || s.size() > m_maxKeyLength || !m_filter[filterKey(s)])
            return nullptr;
        auto it = m_specials.find(s);
        return it == m_specials.end() ? nullptr : it->second;
    }
    static std::size_t filterKey(std::string_view s) {
        const auto byte = [&](std::size_t i) { return static_cast<std::uint32_t>(static_cast<unsigned char>(s[i])); };
        const std::size_t n = s.size();
        const std::uint32_t h = static_cast<std::uint32_t>(n) ^ byte(0) << 8 ^ byte(n - 1) << 16 ^
                                (n > 1 ? byte(1) << 24 ^ byte(n - 2) << 4 : 0u);
        return (h * 0x9E3779B1u) >> 16;
    }
    void splitSpan(std::string_view span, bool withSpecials, TokenList& out) const;
    void attachCore(std::string_view core, bool withSpecials, TokenList& out) const;
    void mergeSpecials(TokenList& out, std::size_t first) const;
    std::size_t matchAt(const TokenList& tokens, std::size_t i, std::size_t end, const Pattern** best) const;

    std::unordered_map<std::string_view, const Tokens*> m_specials;
    std::unordered_map<std::string, std::vector<Pattern>> m_patternsByFirst;
    bool m_secondByte[256] = {};
    std::bitset<65536> m_filter;
    std::size_t m_maxKeyLength = 0;
};

Splitter::Splitter() {
    for (const auto& [key, tokens] : englishSpecialCases()) {
        m_specials.emplace(key, &tokens);
        m_filter.set(filterKey(key));
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

void Splitter::split(std::string_view text, TokenList& out) const {
    const char* base = text.data();
    const char* end = base + text.size();
    std::size_t start = 0, i = 0;
    int length = 1;
    bool inSpace = !text.empty() && unicode::isSpace(unicode::decode(base, end, length));
    while (i < text.size()) {
        const char32_t cp = unicode::decode(base + i, end, length);
        if (unicode::isSpace(cp) != inSpace) {
            if (start < i)
                splitSpan(text.substr(start, i - start), true, out);
            start = cp == ' ' ? i + 1 : i; // one plain space after a word is not a token
            inSpace = !inSpace;
        }
        i += static_cast<std::size_t>(length);
    }
    if (start < text.size())
        splitSpan(text.substr(start), true, out);
}

bool isLowerAsciiWord(std::string_view s) {
    for (char c : s)
        if (c < 'a' || c > 'z')
            return false;
    return true;
}

void Splitter::splitSpan(std::string_view span, bool withSpecials, TokenList& out) const {
    if (withSpecials && isLowerAsciiWord(span)) { // fast path: no affix or infix can match
        if (const Tokens* tokens = special(span))
            for (const auto& t : *tokens)
                out.push(t);
        else
            out.push(span);
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

std::vector<std::string> splitWords(std::string_view text) {
    TokenList out;
    splitWords(text, out);
    return out.strings();
}

} // namespace ulmfit::text
