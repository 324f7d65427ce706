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

// The ends of `text` without Unicode whitespace (str.strip()).
std::string_view strip(std::string_view text) {
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
    return first ? std::string_view(first, static_cast<std::size_t>(last - first)) : std::string_view();
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
    const std::string_view stripped = strip(text);
    out.clear();
    out.reserve(stripped.size() + stripped.size() / 8 + 8);
    out += kBos;
    out += ' ';
    const char* p = stripped.data();
    const char* end = p + stripped.size();
    while (p < end) {
        const auto byte = static_cast<unsigned char>(*p);
        int length = 1;
        if (byte < 0x80 ? unicode::isSpace(byte) : unicode::isSpace(unicode::decode(p, end, length))) {
            out.append(p, static_cast<std::size_t>(length));
            p += length;
            continue;
        }
        const char* wordStart = p;
        while (p < end) {
            const auto b = static_cast<unsigned char>(*p);
            if (b < 0x80) {
                if (unicode::isSpace(b))
                    break;
                ++p;
            } else {
                if (unicode::isSpace(unicode::decode(p, end, length)))
                    break;
                p += length;
            }
        }
        const std::string_view word(wordStart, static_cast<std::size_t>(p - wordStart));
        const char* marker = isAllCaps(word) ? kUp : isMaj(word) ? kMaj : nullptr;
        if (marker && unicode::codePointCount(word) > 1) {
            out += marker;
            out += ' ';
        }
        unicode::appendLower(out, word);
    }
}

} // namespace ulmfit::text
