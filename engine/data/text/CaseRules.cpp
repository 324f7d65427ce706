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

namespace ulmfit::text {
namespace {

bool isUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool isLower(char c) { return c >= 'a' && c <= 'z'; }

// [A-Z]+[^a-z\s]* : starts upper-case, contains no ASCII lower-case letter.
bool isAllCaps(std::string_view word) {
    if (!isUpper(word.front()))
        return false;
    for (char c : word)
        if (isLower(c))
            return false;
    return true;
}

// [A-Z][^A-Z\s]* : starts upper-case, no further ASCII upper-case letter.
bool isMaj(std::string_view word) {
    if (!isUpper(word.front()))
        return false;
    for (std::size_t i = 1; i < word.size(); ++i)
        if (isUpper(word[i]))
            return false;
    return true;
}

// Copies `text`, replacing each word for which `matches` holds by `marker` + lower(word)
// (the marker only for words longer than one code point, as fastai does).
template <typename Predicate>
void markWords(std::string_view text, std::string& out, Predicate matches, const char* marker) {
    out.clear();
    out.reserve(text.size() + text.size() / 8);
    const char* p = text.data();
    const char* end = p + text.size();
    while (p < end) {
        int length = 1;
        const char32_t cp = unicode::decode(p, end, length);
        if (unicode::isSpace(cp)) {
            out.append(p, static_cast<std::size_t>(length));
            p += length;
            continue;
        }
        const char* wordStart = p;
        while (p < end && !unicode::isSpace(unicode::decode(p, end, length)))
            p += length;
        const std::string_view word(wordStart, static_cast<std::size_t>(p - wordStart));
        if (!matches(word)) {
            out.append(word);
            continue;
        }
        if (unicode::codePointCount(word) > 1) {
            out += marker;
            out += ' ';
        }
        unicode::appendLower(out, word);
    }
}

} // namespace

void replaceAllCaps(std::string_view text, std::string& out) { markWords(text, out, isAllCaps, kUp); }

void replaceMaj(std::string_view text, std::string& out) { markWords(text, out, isMaj, kMaj); }

void lowercase(std::string_view text, std::string& out) {
    // str.strip() removes Unicode whitespace at both ends; lower() never changes whitespace,
    // so stripping the input first gives the same result.
    const char* p = text.data();
    const char* end = p + text.size();
    const char* first = nullptr;
    const char* last = p;
    while (p < end) {
        int length = 1;
        const char32_t cp = unicode::decode(p, end, length);
        p += length;
        if (!unicode::isSpace(cp)) {
            if (!first)
                first = p - length;
            last = p;
        }
    }
    out.clear();
    out.reserve(text.size() + 8);
    out += kBos;
    out += ' ';
    if (first)
        unicode::appendLower(out, std::string_view(first, static_cast<std::size_t>(last - first)));
}

} // namespace ulmfit::text
