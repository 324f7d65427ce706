#include "data/text/TokenSpans.h"
#include "data/text/SpecialTokens.h"
#include "data/text/Unicode.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <limits>

namespace ulmfit::text {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
constexpr std::size_t kResyncCost = 96; // longest stretch the rules rewrite (entities, markup)
constexpr std::size_t kResyncAgree = 5; // characters that must agree to resynchronise

struct OriginalChar {
    char32_t cp;
    std::size_t start, end; // bytes of `original` this character came from
};

struct TokenChar {
    char32_t cp;
    std::size_t token;
};

bool startsWith(std::string_view text, std::size_t i, std::string_view prefix) {
    return text.compare(i, prefix.size(), prefix) == 0;
}

// The original's characters lower-cased, white space other than '\n' dropped, and the
// replacements fix_html makes that change characters (not just case) applied in place.
std::vector<OriginalChar> originalChars(std::string_view text) {
    std::vector<OriginalChar> out;
    std::string lower;
    const auto emit = [&](std::string_view chars, std::size_t start, std::size_t end) {
        const char* p = chars.data();
        const char* stop = p + chars.size();
        while (p < stop) {
            int length = 1;
            out.push_back({unicode::decode(p, stop, length), start, end});
            p += length;
        }
    };
    for (std::size_t i = 0; i < text.size();) {
        if (startsWith(text, i, "<br />") || startsWith(text, i, "\\n")) {
            const std::size_t n = text[i] == '<' ? 6 : 2;
            out.push_back({'\n', i, i + n});
            i += n;
            continue;
        }
        if (startsWith(text, i, "...") || startsWith(text, i, "<unk>")) {
            const bool dots = text[i] == '.';
            emit(dots ? "\xE2\x80\xA6" : kUnk, i, i + (dots ? 3 : 5));
            i += dots ? 3 : 5;
            continue;
        }
        int length = 1;
        const char32_t cp = unicode::decode(text.data() + i, text.data() + text.size(), length);
        const auto n = static_cast<std::size_t>(length);
        if (!unicode::isSpace(cp) || cp == '\n') {
            lower.clear();
            unicode::appendLower(lower, text.substr(i, n));
            emit(lower, i, i + n);
        }
        i += n;
    }
    return out;
}

bool isCountToken(const std::string& token) {
    return !token.empty() &&
           std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void appendTokenChars(const std::string& token, std::size_t index, int repeat, std::vector<TokenChar>& out) {
    for (int r = 0; r < repeat; ++r) {
        const char* p = token.data();
        const char* end = p + token.size();
        while (p < end) {
            int length = 1;
            const char32_t cp = unicode::decode(p, end, length);
            if ((!unicode::isSpace(cp) || cp == '\n') && cp != kSpaceMark)
                out.push_back({cp, index});
            p += length;
        }
    }
}

/// The tokens' characters in order, and for each marker the token whose span it takes.
struct TokenStream {
    std::vector<TokenChar> chars;
    std::vector<std::size_t> spanOf; // kNone = own characters (or none: xxbos)
};

TokenStream tokenStream(const std::vector<std::string>& tokens) {
    TokenStream s;
    s.spanOf.assign(tokens.size(), kNone);
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        const std::string& token = tokens[t];
        const bool repeat = token == kRep || token == kWrep;
        if (repeat && t + 2 < tokens.size() && isCountToken(tokens[t + 1])) {
            const int count = std::min(1000000, std::atoi(tokens[t + 1].c_str()));
            appendTokenChars(tokens[t + 2], t + 2, count, s.chars);
            s.spanOf[t] = s.spanOf[t + 1] = t + 2;
            t += 2;
        } else if (token == kMaj || token == kUp) {
            s.spanOf[t] = t + 1 < tokens.size() ? t + 1 : kNone; // resolved past chained markers below
        } else if (token != kBos && token != kEos && token != kFld) {
            appendTokenChars(token, t, 1, s.chars);
        }
    }
    return s;
}

bool agree(const std::vector<OriginalChar>& a, std::size_t i, const std::vector<TokenChar>& b,
           std::size_t j) {
    if (a.size() - i < kResyncAgree || b.size() - j < kResyncAgree)
        return false;
    for (std::size_t x = 0; x < kResyncAgree; ++x)
        if (a[i + x].cp != b[j + x].cp)
            return false;
    return true;
}

// The characters two skipped stretches still share (longest common subsequence): a short
// word between two rewritten entities ("&amp; so &quot;") keeps its own characters.
void matchSkipped(const std::vector<OriginalChar>& a, std::size_t i, std::size_t di,
                  const std::vector<TokenChar>& b, std::size_t j, std::size_t dj,
                  std::vector<std::size_t>& match) {
    if (di == 0 || dj == 0)
        return;
    // lcs[x][y]: common subsequence length of a[i+x..i+di) and b[j+y..j+dj).
    std::vector<std::vector<std::uint16_t>> lcs(di + 1, std::vector<std::uint16_t>(dj + 1, 0));
    for (std::size_t x = di; x-- > 0;)
        for (std::size_t y = dj; y-- > 0;)
            lcs[x][y] = a[i + x].cp == b[j + y].cp ? std::uint16_t(lcs[x + 1][y + 1] + 1)
                                                   : std::max(lcs[x + 1][y], lcs[x][y + 1]);
    for (std::size_t x = 0, y = 0; x < di && y < dj;) {
        if (a[i + x].cp == b[j + y].cp)
            match[j + y++] = i + x++;
        else if (lcs[x + 1][y] >= lcs[x][y + 1])
            ++x;
        else
            ++y;
    }
}

// Greedy alignment: match equal characters, and at a difference skip the fewest characters
// (on either side) after which both sides agree again. match[j] = original index or kNone.
std::vector<std::size_t> alignChars(const std::vector<OriginalChar>& a, const std::vector<TokenChar>& b) {
    std::vector<std::size_t> match(b.size(), kNone);
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].cp == b[j].cp) {
            match[j++] = i++;
            continue;
        }
        if (a.size() - i < kResyncAgree || b.size() - j < kResyncAgree) { // the tails: too short to
            const std::size_t di = std::min(a.size() - i, kResyncCost);   // resynchronise, so match
            matchSkipped(a, i, di, b, j, std::min(b.size() - j, kResyncCost), match); // what they share
            break;
        }
        // Skipping a token character costs twice an original one: the rules mostly drop or
        // rewrite original characters (markup, entities), rarely add any.
        bool found = false;
        for (std::size_t cost = 1; cost <= kResyncCost && !found; ++cost) {
            for (std::size_t dj = 0; 2 * dj <= cost && !found; ++dj) {
                const std::size_t di = cost - 2 * dj;
                if (i + di < a.size() && j + dj < b.size() && agree(a, i + di, b, j + dj)) {
                    matchSkipped(a, i, di, b, j, dj, match);
                    i += di;
                    j += dj;
                    found = true;
                }
            }
        }
        if (!found) { // a substitution: both move on
            ++i;
            ++j;
        }
    }
    return match;
}

} // namespace

std::vector<TextSpan> alignTokens(std::string_view original, const std::vector<std::string>& tokens) {
    const auto chars = originalChars(original);
    const auto stream = tokenStream(tokens);
    const auto match = alignChars(chars, stream.chars);
    // First and last matched original character of each token.
    std::vector<std::size_t> first(tokens.size(), kNone), last(tokens.size(), kNone);
    std::vector<bool> claimed(chars.size(), false);
    for (std::size_t j = 0; j < match.size(); ++j) {
        if (match[j] == kNone)
            continue;
        const std::size_t t = stream.chars[j].token;
        first[t] = std::min(first[t], match[j]);
        last[t] = last[t] == kNone ? match[j] : std::max(last[t], match[j]);
        claimed[match[j]] = true;
    }
    // Runs of tokens none of whose characters matched share the unclaimed characters between
    // their neighbours (what the rules rewrote beyond recognition), in order.
    std::vector<bool> hasChars(tokens.size(), false);
    for (const TokenChar& c : stream.chars)
        hasChars[c.token] = true;
    std::vector<TextSpan> spans(tokens.size());
    std::size_t previousLast = kNone;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        if (first[t] != kNone || !hasChars[t]) {
            previousLast = last[t] != kNone ? last[t] : previousLast;
            continue;
        }
        std::vector<std::size_t> run{t};
        for (std::size_t n = t + 1; n < tokens.size() && first[n] == kNone; ++n)
            if (hasChars[n])
                run.push_back(n);
        const std::size_t from = previousLast == kNone ? 0 : previousLast + 1;
        std::size_t to = from;
        while (to < chars.size() && !claimed[to])
            ++to;
        const std::size_t available = to - from;
        for (std::size_t r = 0; r < run.size(); ++r) {
            const std::size_t a = from + r * available / run.size(),
                              b = from + (r + 1) * available / run.size();
            if (b > a) {
                first[run[r]] = a;
                last[run[r]] = b - 1;
                std::fill(claimed.begin() + static_cast<std::ptrdiff_t>(a),
                          claimed.begin() + static_cast<std::ptrdiff_t>(b), true);
            } else { // nothing left: an empty span where the token would be
                spans[run[r]].start = a < chars.size()        ? chars[a].start
                                      : previousLast == kNone ? 0
                                                              : chars[previousLast].end;
            }
        }
        t = run.back();
        previousLast = last[t] != kNone ? last[t] : previousLast;
    }
    std::vector<std::size_t> owner(chars.size(), kNone);
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        if (first[t] == kNone)
            continue;
        spans[t] = {chars[first[t]].start, chars[last[t]].end - chars[first[t]].start};
        for (std::size_t k = first[t]; k <= last[t]; ++k)
            owner[k] = t;
    }
    // Unclaimed characters touching a token (no white space between) widen it: "&amp;" -> "&&".
    for (std::size_t k = 0; k < chars.size(); ++k) {
        if (owner[k] != kNone)
            continue;
        std::size_t t = kNone;
        if (k > 0 && owner[k - 1] != kNone && chars[k - 1].end == chars[k].start)
            t = owner[k - 1];
        else
            for (std::size_t n = k + 1; n < chars.size() && chars[n - 1].end == chars[n].start; ++n)
                if (owner[n] != kNone) {
                    t = owner[n];
                    break;
                }
        if (t == kNone)
            continue;
        const std::size_t start = std::min(spans[t].start, chars[k].start);
        const std::size_t end = std::max(spans[t].start + spans[t].length, chars[k].end);
        spans[t] = {start, end - start};
        owner[k] = t;
    }
    // Markers: follow the chain (xxup xxrep 3 ! -> the span of "!"), from the back so a
    // marker's target is final before the marker reads it.
    for (std::size_t t = tokens.size(); t-- > 0;)
        if (stream.spanOf[t] != kNone)
            spans[t] = spans[stream.spanOf[t]];
    return spans;
}

std::vector<TextSpan> toUtf16Spans(std::string_view original, const std::vector<TextSpan>& byteSpans) {
    // utf16[b] = UTF-16 units before byte b (bytes inside a sequence count as its start).
    std::vector<std::size_t> utf16(original.size() + 1, 0);
    std::size_t units = 0;
    for (std::size_t i = 0; i < original.size();) {
        int length = 1;
        const char32_t cp = unicode::decode(original.data() + i, original.data() + original.size(), length);
        for (int k = 0; k < length; ++k)
            utf16[i + static_cast<std::size_t>(k)] = units;
        units += cp >= 0x10000 ? 2 : 1;
        i += static_cast<std::size_t>(length);
    }
    utf16[original.size()] = units;
    std::vector<TextSpan> out;
    out.reserve(byteSpans.size());
    for (const TextSpan& s : byteSpans) {
        const std::size_t start = utf16[std::min(s.start, original.size())];
        const std::size_t end = utf16[std::min(s.start + s.length, original.size())];
        out.push_back({start, end - start});
    }
    return out;
}

} // namespace ulmfit::text
