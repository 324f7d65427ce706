// fix_html, replace_rep, replace_wrep, spec_add_spaces and rm_useless_spaces as scanners
// (see Rules.h for the regexes they reproduce).
#include "data/text/Rules.h"
#include "data/text/SpecialTokens.h"
#include "data/text/Unicode.h"

#include <utility>

namespace ulmfit::text {
namespace {

using unicode::decode;

struct Replacement {
    std::string_view from;
    std::string_view to;
};

// fix_html's str.replace() chain, in fastai's order (each applied to the previous result).
const Replacement kHtmlReplacements[] = {
    {"#39;", "'"},  {"amp;", "&"},       {"#146;", "'"},   {"nbsp;", " "}, {"#36;", "$"},
    {"\\n", "\n"},  {"quot;", "'"},      {"<br />", "\n"}, {"\\\"", "\""}, {"<unk>", "xxunk"},
    {" @.@ ", "."}, {" @-@ ", "-"},      {"...", " \xE2\x80\xA6"}};

void replaceAll(std::string_view text, const Replacement& r, std::string& out) {
    out.clear();
    std::size_t i = 0;
    for (std::size_t hit; (hit = text.find(r.from, i)) != std::string_view::npos; i = hit + r.from.size()) {
        out.append(text.substr(i, hit - i));
        out.append(r.to);
    }
    out.append(text.substr(i));
}

// Length of the code point at text[i] and its value.
char32_t at(std::string_view text, std::size_t i, int& length) {
    return decode(text.data() + i, text.data() + text.size(), length);
}

// Length of the maximal run of \w (or \s when `space`) code points starting at text[i].
std::size_t runLength(std::string_view text, std::size_t i, bool space) {
    std::size_t j = i;
    while (j < text.size()) {
        int length = 1;
        const char32_t cp = at(text, j, length);
        if (space ? !unicode::isSpace(cp) : !unicode::isWordChar(cp))
            break;
        j += static_cast<std::size_t>(length);
    }
    return j - i;
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

} // namespace

void fixHtml(std::string_view text, std::string& out) {
    thread_local std::string a, b;
    std::string_view current = text;
    std::string* target = &a;
    for (const Replacement& r : kHtmlReplacements) {
        if (current.find(r.from) == std::string_view::npos)
            continue;
        replaceAll(current, r, *target);
        current = *target;
        target = target == &a ? &b : &a;
    }
    if (current.find('&') != std::string_view::npos)
        out = htmlUnescape(current);
    else
        out.assign(current.data(), current.size());
}

void replaceRep(std::string_view text, std::string& out) {
    out.clear();
    out.reserve(text.size() + 16);
    std::size_t copied = 0, i = 0; // text[copied, i) is still to be copied as is
    while (i < text.size()) {
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
        if (count >= 3) {
            out.append(text.substr(copied, i - copied));
            out += ' ';
            out += kRep;
            out += ' ';
            out += std::to_string(count);
            out += ' ';
            out.append(text.substr(i, len));
            out += ' ';
            copied = i + count * len;
        }
        i += count * len;
    }
    out.append(text.substr(copied));
}

void replaceWrep(std::string_view text, std::string& out) {
    out.clear();
    std::size_t copied = 0, pos = 0;
    while (pos < text.size()) {
        int length = 1;
        const char32_t cp = at(text, pos, length);
        WrepMatch m;
        // (?:\s|^): try the whitespace alternative first, then the start of the string.
        const bool matched = (unicode::isSpace(cp) && matchWrep(text, pos + static_cast<std::size_t>(length), m)) ||
                             (pos == 0 && matchWrep(text, 0, m));
        if (!matched) {
            pos += static_cast<std::size_t>(length);
            continue;
        }
        out.append(text.substr(copied, pos - copied));
        out += ' ';
        out += kWrep;
        out += ' ';
        out += std::to_string(m.count);
        out += ' ';
        out.append(m.word);
        out += ' ';
        out.append(m.tail);
        copied = pos = m.end;
    }
    out.append(text.substr(copied));
}

void specAddSpaces(std::string_view text, std::string& out) {
    out.clear();
    out.reserve(text.size() + 16);
    for (char c : text) {
        if (c == '/' || c == '#' || c == '\\') {
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
    // whole output of spec_add_spaces.
    out.clear();
    out.reserve(text.size() + 16);
    bool lastIsSpace = false;
    const auto put = [&](char c) {
        if (c == ' ' && lastIsSpace)
            return;
        out += c;
        lastIsSpace = c == ' ';
    };
    for (char c : text) {
        if (c == '/' || c == '#' || c == '\\') {
            put(' ');
            put(c);
            put(' ');
        } else {
            put(c);
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
    fixHtml(text, out);
    replaceRep(out, scratch);
    replaceWrep(scratch, out);
    addSpacesAroundSpecials(out, scratch);
    applyCaseRules(scratch, out);
}

std::string applyRules(std::string_view text) {
    std::string out, scratch;
    applyRules(text, out, scratch);
    return out;
}

} // namespace ulmfit::text
