#include "data/text/Affixes.h"
#include "data/text/Unicode.h"

#include <algorithm>
#include <string>

namespace ulmfit::text::affix {
namespace {

using unicode::isAsciiDigit;

constexpr char32_t kEllipsis = 0x2026;

char32_t cpAt(std::string_view s, std::size_t i, int& length) {
    return unicode::decode(s.data() + i, s.data() + s.size(), length);
}

// Start of the code point that ends just before byte `i` (i > 0).
std::size_t previousStart(std::string_view s, std::size_t i) {
    std::size_t j = i - 1;
    while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80 && i - j < 4)
        --j;
    return j;
}

char32_t cpBefore(std::string_view s, std::size_t i) {
    if (i == 0)
        return 0;
    int length = 1;
    return cpAt(s, previousStart(s, i), length);
}

// char_classes LIST_PUNCT (single characters; "……" is handled separately).
bool isPunct(char32_t c) {
    switch (c) {
    case kEllipsis: case ',': case ':': case ';': case '!': case '?': case 0xBF: case 0x61F: case 0xA1:
    case '(': case ')': case '[': case ']': case '{': case '}': case '<': case '>': case '_': case '#':
    case '*': case '&': case 0x3002: case 0xFF1F: case 0xFF01: case 0xFF0C: case 0x3001: case 0xFF1B:
    case 0xFF1A: case 0xFF5E: case 0xB7: case 0x964: case 0x60C: case 0x6D4: case 0x61B: case 0x66A:
        return true;
    default:
        return false;
    }
}

// char_classes LIST_QUOTES.
bool isQuote(char32_t c) {
    switch (c) {
    case '\'': case '"': case 0x201D: case 0x201C: case '`': case 0x2018: case 0xB4: case 0x2019:
    case 0x201A: case ',': case 0x201E: case 0xBB: case 0xAB: case 0x300C: case 0x300D: case 0x300E:
    case 0x300F: case 0xFF08: case 0xFF09: case 0x3014: case 0x3015: case 0x3010: case 0x3011:
    case 0x300A: case 0x300B: case 0x3008: case 0x3009:
        return true;
    default:
        return false;
    }
}

// Single-character entries of char_classes LIST_CURRENCY.
bool isCurrency(char32_t c) {
    return c == '$' || c == 0xA3 || c == 0x20AC || c == 0xA5 || c == 0xE3F || c == 0x20BD || c == 0xFDFC ||
           c == 0x20B4;
}

bool isPrefixChar(char32_t c) {
    return c == 0xA7 || c == '%' || c == '=' || c == 0x2014 || c == 0x2013 || isPunct(c) || isQuote(c) ||
           isCurrency(c) || unicode::isIcon(c);
}

bool isSuffixChar(char32_t c) {
    return isPunct(c) || isQuote(c) || unicode::isIcon(c) || c == 0x2014 || c == 0x2013;
}

// Characters allowed before a final '.': [0-9{al}%²\-\+{punct}|(?:{quotes})].
bool allowsFinalPeriod(char32_t c) {
    return isAsciiDigit(c) || unicode::isAlphaLower(c) || c == '%' || c == 0xB2 || c == '-' || c == '+' ||
           isPunct(c) || c == '|' || isQuote(c);
}

bool isUnit(std::string_view r) {
    static const std::string_view units[] = {
        "km", "km²", "km³", "m", "m²", "m³", "dm", "dm²", "dm³", "cm", "cm²", "cm³", "mm", "mm²", "mm³", "ha",
        "µm", "nm", "yd", "in", "ft", "kg", "g", "mg", "µg", "t", "lb", "oz", "m/s", "km/h", "kmh", "mph",
        "hPa", "Pa", "mbar", "mb", "MB", "kb", "KB", "gb", "GB", "tb", "TB", "T", "G", "M", "K", "%",
        "км", "км²", "км³", "м", "м²", "м³", "дм", "дм²", "дм³", "см", "см²", "см³", "мм", "мм²", "мм³",
        "нм", "кг", "г", "мг", "м/с", "км/ч", "кПа", "Па", "мбар", "Кб", "КБ", "кб", "Мб", "МБ", "мб", "Гб",
        "ГБ", "гб", "Тб", "ТБ"};
    return std::find(std::begin(units), std::end(units), r) != std::end(units);
}

/// ……, 's, 'S, ’s or ’S: tested by their first byte first, since nearly every candidate differs
/// there (string compares of every 2-byte tail were a tenth of the suffix search).
bool isWordSuffix(std::string_view r) {
    if (r.size() == 2)
        return r[0] == '\'' && (r[1] == 's' || r[1] == 'S');
    if (r.empty() || r[0] != '\xE2')
        return false;
    return r == "\xE2\x80\xA6\xE2\x80\xA6" || r == "\xE2\x80\x99s" || r == "\xE2\x80\x99S";
}

// Does s[p:] match one of the suffix alternatives (with their lookbehinds)?
bool suffixAt(std::string_view s, std::size_t p) {
    const std::string_view r = s.substr(p);
    int length = 1;
    const char32_t c = cpAt(s, p, length);
    const char32_t before = cpBefore(s, p);
    const bool afterDigit = isAsciiDigit(before);
    if (static_cast<std::size_t>(length) == r.size()) {
        if (isSuffixChar(c) || ((c == '+' || isCurrency(c)) && afterDigit))
            return true;
        if (c == '.' && p > 0) {
            const char32_t twoBefore = cpBefore(s, previousStart(s, p));
            const bool temperature = twoBefore == 0xB0 && (before == 'F' || before == 'f' || before == 'C' ||
                                                           before == 'c' || before == 'K' || before == 'k');
            if (allowsFinalPeriod(before) || temperature ||
                (unicode::isAlphaUpper(before) && unicode::isAlphaUpper(twoBefore)))
                return true;
        }
    } else if (isWordSuffix(r)) {
        return true;
    }
    if (!afterDigit)
        return false;
    return r == "US$" || r == "C$" || r == "A$" || isUnit(r);
}

// The hyphen alternatives of the infix rule, in spaCy's order: - – — -- --- —— ~
const std::string_view kHyphens[] = {"-", "\xE2\x80\x93", "\xE2\x80\x94", "--", "---", "\xE2\x80\x94\xE2\x80\x94", "~"};

// Length of the infix starting at s[i] given the previous code point (0 = none).
std::size_t infixAt(std::string_view s, std::size_t i, char32_t prev) {
    int length = 1;
    const char32_t c = cpAt(s, i, length);
    const std::size_t next = i + static_cast<std::size_t>(length);
    int nextLength = 1;
    const char32_t after = next < s.size() ? cpAt(s, next, nextLength) : 0;
    if (c == '.' && after == '.') // \.\.+
        return std::min(s.size(), s.find_first_not_of('.', i)) - i;
    if (c == kEllipsis || unicode::isIcon(c))
        return static_cast<std::size_t>(length);
    if (isAsciiDigit(prev) && (c == '+' || c == '-' || c == '*' || c == '^') && (isAsciiDigit(after) || after == '-'))
        return 1;
    if (c == '.' && (unicode::isAlphaLower(prev) || isQuote(prev)) && (unicode::isAlphaUpper(after) || isQuote(after)))
        return 1;
    if (c == ',' && unicode::isAlpha(prev) && unicode::isAlpha(after))
        return 1;
    if (!unicode::isAlpha(prev) && !isAsciiDigit(prev))
        return 0;
    const bool maybeHyphen = c == '-' || c == 0x2013 || c == 0x2014 || c == '~'; // the hyphens' first characters
    for (std::string_view hyphen : kHyphens) {
        if (!maybeHyphen)
            break;
        if (s.compare(i, hyphen.size(), hyphen) != 0 || i + hyphen.size() >= s.size())
            continue;
        int l = 1;
        if (unicode::isAlpha(cpAt(s, i + hyphen.size(), l)))
            return hyphen.size();
    }
    if ((c == ':' || c == '<' || c == '>' || c == '=' || c == '/') && unicode::isAlpha(after))
        return 1;
    return 0;
}

bool isHostChar(char32_t c) {
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isAsciiDigit(c) || c == '_' || c == '-';
    return c >= 0xA1 && c <= 0xFFFF;
}

// One `[L'][L]{0,62}` label or a `[ALPHA_LOWER]{2,63}` TLD.
bool validLabel(std::string_view label, bool tld) {
    std::size_t count = 0;
    char32_t first = 0, last = 0;
    for (std::size_t i = 0; i < label.size(); ++count) {
        int length = 1;
        last = cpAt(label, i, length);
        if (count == 0)
            first = last;
        if (tld ? !unicode::isAlphaLower(last) : !isHostChar(last))
            return false;
        i += static_cast<std::size_t>(length);
    }
    if (tld)
        return count >= 2 && count <= 63;
    const auto edge = [](char32_t c) { return c != '_' && c != '-'; };
    return count >= 1 && count <= 64 && edge(first) && edge(last);
}

bool validHost(std::string_view host) {
    const std::size_t lastDot = host.rfind('.');
    if (lastDot == std::string_view::npos || lastDot == 0 || !validLabel(host.substr(lastDot + 1), true))
        return false;
    for (std::size_t start = 0; start <= lastDot;) {
        const std::size_t dot = host.find('.', start);
        if (!validLabel(host.substr(start, dot - start), false))
            return false;
        start = dot + 1;
    }
    return true;
}

bool isPathStart(char c) { return c == '/' || c == '?' || c == '#'; }

// host (?::\d{2,5})? (?:[/?#]\S*)? $
bool hostPortPath(std::string_view r) {
    std::size_t h = 0;
    while (h < r.size()) {
        int length = 1;
        const char32_t c = cpAt(r, h, length);
        if (!isHostChar(c) && c != '.')
            break;
        h += static_cast<std::size_t>(length);
    }
    if (!validHost(r.substr(0, h)))
        return false;
    if (h == r.size() || isPathStart(r[h]))
        return true;
    if (r[h] != ':')
        return false;
    std::size_t digits = 0;
    while (h + 1 + digits < r.size() && isAsciiDigit(static_cast<unsigned char>(r[h + 1 + digits])))
        ++digits;
    const std::size_t end = h + 1 + digits;
    return digits >= 2 && digits <= 5 && (end == r.size() || isPathStart(r[end]));
}

// (?:\S+(?::\S*)?@)? : greedy, so the last '@' is tried first, then earlier ones, then none.
bool withUserInfo(std::string_view r) {
    for (std::size_t at = r.rfind('@'); at != std::string_view::npos && at > 0; at = r.rfind('@', at - 1))
        if (hostPortPath(r.substr(at + 1)))
            return true;
    return hostPortPath(r);
}

} // namespace

bool matchesUrl(std::string_view s) {
    const std::size_t scheme = s.find("://");
    if (scheme != std::string_view::npos && scheme >= 2) {
        bool valid = true;
        for (std::size_t i = 0; i < scheme && valid;) {
            int length = 1;
            const char32_t c = cpAt(s, i, length);
            valid = unicode::isWordChar(c) || c == '+' || c == '-' || c == '.';
            i += static_cast<std::size_t>(length);
        }
        if (valid && withUserInfo(s.substr(scheme + 3)))
            return true;
    }
    return withUserInfo(s);
}

std::size_t findPrefix(std::string_view s) {
    if (s.empty())
        return 0;
    int length = 1;
    const char32_t c = cpAt(s, 0, length);
    if (c == '+')
        return s.size() > 1 && isAsciiDigit(static_cast<unsigned char>(s[1])) ? 0 : 1;
    if (isPrefixChar(c))
        return static_cast<std::size_t>(length);
    if (s.size() > 1 && s[0] == '.' && s[1] == '.')
        return std::min(s.size(), s.find_first_not_of('.'));
    if (s.compare(0, 3, "US$") == 0)
        return 3;
    if (s.compare(0, 2, "C$") == 0 || s.compare(0, 2, "A$") == 0)
        return 2;
    return 0;
}

std::size_t findSuffix(std::string_view s) {
    if (s.empty())
        return 0;
    const std::size_t dots = s.size() - std::min(s.size(), s.find_last_not_of('.') + 1);
    if (dots >= 2) // \.\.+$ : no other alternative can start further left
        return dots;
    // Candidate starts: the last few code points (no alternative is longer than 5).
    std::size_t starts[6];
    int count = 0;
    for (std::size_t i = s.size(); i > 0 && count < 6;)
        starts[count++] = i = previousStart(s, i);
    for (int k = count - 1; k >= 0; --k)
        if (suffixAt(s, starts[k]))
            return s.size() - starts[k];
    return 0;
}

void findInfixes(std::string_view s, std::vector<Infix>& out) {
    out.clear();
    char32_t prev = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const std::size_t length = infixAt(s, i, prev);
        if (length > 0) {
            out.push_back({i, i + length});
            i += length;
            prev = cpBefore(s, i);
            continue;
        }
        int l = 1;
        prev = cpAt(s, i, l);
        i += static_cast<std::size_t>(l);
    }
}

} // namespace ulmfit::text::affix
