// Python's html.unescape() (Lib/html/__init__.py), which fastai's fix_html ends with.
// The numeric-reference rules are complete; the named-entity table holds HTML's legacy
// Latin-1 entities (which also match without ';', by longest prefix, as in Python) plus the
// typographic, Greek and ASCII-punctuation entities seen in web text. Other HTML5 names are
// left as they are.
#include "data/text/Rules.h"
#include "data/text/Unicode.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace ulmfit::text {
namespace {

using EntityMap = std::unordered_map<std::string, std::string>;

// Latin-1 code points 160..255 in order; all are "legacy" (valid without ';').
const char* const kLatin1Names[] = {
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

struct Named {
    const char* name;
    char32_t cp;
};

const Named kLegacyAscii[] = {{"amp", '&'}, {"AMP", '&'},  {"lt", '<'},    {"LT", '<'},   {"gt", '>'},
                              {"GT", '>'},  {"quot", '"'}, {"QUOT", '"'},  {"COPY", 0xA9}, {"REG", 0xAE}};

const Named kSemicolonOnly[] = {
    {"apos", '\''},     {"hellip", 0x2026}, {"mdash", 0x2014},  {"ndash", 0x2013}, {"lsquo", 0x2018},
    {"rsquo", 0x2019},  {"sbquo", 0x201A},  {"ldquo", 0x201C},  {"rdquo", 0x201D}, {"bdquo", 0x201E},
    {"bull", 0x2022},   {"trade", 0x2122},  {"TRADE", 0x2122},  {"euro", 0x20AC},  {"dagger", 0x2020},
    {"Dagger", 0x2021}, {"permil", 0x2030}, {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"OElig", 0x152},
    {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},  {"Yuml", 0x178},   {"fnof", 0x192},
    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"ensp", 0x2002},   {"emsp", 0x2003},  {"thinsp", 0x2009},
    {"zwnj", 0x200C},   {"zwj", 0x200D},    {"lrm", 0x200E},    {"rlm", 0x200F},   {"prime", 0x2032},
    {"Prime", 0x2033},  {"hearts", 0x2665}, {"spades", 0x2660}, {"clubs", 0x2663}, {"diams", 0x2666},
    {"larr", 0x2190},   {"rarr", 0x2192},   {"uarr", 0x2191},   {"darr", 0x2193},  {"harr", 0x2194},
    {"le", 0x2264},     {"ge", 0x2265},     {"ne", 0x2260},     {"infin", 0x221E}, {"minus", 0x2212},
    {"frasl", 0x2044},  {"oline", 0x203E},  {"hyphen", 0x2010}, {"dash", 0x2010},  {"star", 0x2606},
    {"starf", 0x2605},  {"check", 0x2713},  {"half", 0xBD},     {"NewLine", '\n'}, {"Tab", '\t'},
    {"excl", '!'},      {"quest", '?'},     {"num", '#'},       {"dollar", '$'},   {"percnt", '%'},
    {"lpar", '('},      {"rpar", ')'},      {"ast", '*'},       {"plus", '+'},     {"comma", ','},
    {"period", '.'},    {"sol", '/'},       {"colon", ':'},     {"semi", ';'},     {"equals", '='},
    {"lsqb", '['},      {"rsqb", ']'},      {"bsol", '\\'},     {"lowbar", '_'},   {"lcub", '{'},
    {"rcub", '}'},      {"verbar", '|'},    {"vert", '|'},      {"grave", '`'},    {"Hat", '^'},
    {"commat", '@'}};

const char* const kGreekUpper[] = {"Alpha", "Beta",  "Gamma",   "Delta", "Epsilon", "Zeta", "Eta",
                                   "Theta", "Iota",  "Kappa",   "Lambda", "Mu",     "Nu",   "Xi",
                                   "Omicron", "Pi",  "Rho",     "",      "Sigma",   "Tau",  "Upsilon",
                                   "Phi",   "Chi",   "Psi",     "Omega"};

std::string utf8(char32_t cp) {
    std::string s;
    unicode::append(s, cp);
    return s;
}

void addGreek(EntityMap& map) {
    for (int i = 0; i < 25; ++i) {
        std::string upper = kGreekUpper[i];
        if (upper.empty())
            continue;
        std::string lower = upper;
        lower[0] = static_cast<char>(lower[0] + 32);
        map[upper + ";"] = utf8(0x391 + static_cast<char32_t>(i));
        map[lower + ";"] = utf8(0x3B1 + static_cast<char32_t>(i));
    }
    map["sigmaf;"] = utf8(0x3C2);
}

const EntityMap& entities() {
    static const EntityMap map = [] {
        EntityMap m;
        for (int i = 0; i < 96; ++i) {
            m[kLatin1Names[i]] = utf8(160 + static_cast<char32_t>(i));
            m[std::string(kLatin1Names[i]) + ";"] = utf8(160 + static_cast<char32_t>(i));
        }
        for (const Named& n : kLegacyAscii) {
            m[n.name] = utf8(n.cp);
            m[std::string(n.name) + ";"] = utf8(n.cp);
        }
        for (const Named& n : kSemicolonOnly)
            m[std::string(n.name) + ";"] = utf8(n.cp);
        addGreek(m);
        return m;
    }();
    return map;
}

// html._invalid_charrefs: C1 controls map through Windows-1252, NUL to U+FFFD, CR stays.
char32_t windows1252(unsigned num) {
    static const char32_t table[32] = {0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                       0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                       0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                       0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    return table[num - 0x80];
}

bool isInvalidCodepoint(unsigned long num) {
    return (num >= 0x1 && num <= 0x8) || num == 0xB || (num >= 0xE && num <= 0x1F) || (num >= 0x7F && num <= 0x9F) ||
           (num >= 0xFDD0 && num <= 0xFDEF) || (num & 0xFFFE) == 0xFFFE;
}

void appendCharRef(std::string& out, unsigned long num) {
    if (num == 0x00)
        return unicode::append(out, 0xFFFD);
    if (num == 0x0D)
        return out.push_back('\r');
    if (num >= 0x80 && num <= 0x9F)
        return unicode::append(out, windows1252(static_cast<unsigned>(num)));
    if ((num >= 0xD800 && num <= 0xDFFF) || num > 0x10FFFF)
        return unicode::append(out, 0xFFFD);
    if (isInvalidCodepoint(num))
        return;
    unicode::append(out, static_cast<char32_t>(num));
}

bool isHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// `#[0-9]+;?` or `#[xX][0-9a-fA-F]+;?` at text[i] (just after '&'); returns chars consumed or 0.
std::size_t numericRef(std::string_view text, std::size_t i, std::string& out) {
    if (i >= text.size() || text[i] != '#')
        return 0;
    std::size_t j = i + 1;
    const bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
    const bool decimal = j < text.size() && text[j] >= '0' && text[j] <= '9';
    if (!decimal && !(hex && j + 1 < text.size() && isHex(text[j + 1])))
        return 0;
    const int base = decimal ? 10 : 16;
    if (!decimal)
        ++j;
    unsigned long num = 0;
    for (; j < text.size() && (decimal ? (text[j] >= '0' && text[j] <= '9') : isHex(text[j])); ++j) {
        const int digit = text[j] <= '9' ? text[j] - '0' : (text[j] | 0x20) - 'a' + 10;
        num = num > 0x10FFFF ? num : num * static_cast<unsigned long>(base) + static_cast<unsigned long>(digit);
    }
    if (j < text.size() && text[j] == ';')
        ++j;
    appendCharRef(out, num);
    return j - i;
}

bool isNameChar(char c) {
    return c != '\t' && c != '\n' && c != '\f' && c != ' ' && c != '<' && c != '&' && c != '#' && c != ';';
}

// `[^\t\n\f <&#;]{1,32};?` at text[i]; returns chars consumed (0 = no match).
std::size_t namedRef(std::string_view text, std::size_t i, std::string& out) {
    std::vector<std::size_t> bounds; // byte offsets of code point ends, relative to i
    std::size_t j = i;
    while (j < text.size() && bounds.size() < 32 && isNameChar(text[j])) {
        j += static_cast<std::size_t>(unicode::sequenceLength(text.data() + j, text.data() + text.size()));
        bounds.push_back(j - i);
    }
    if (bounds.empty())
        return 0;
    if (j < text.size() && text[j] == ';')
        bounds.push_back(++j - i);
    const std::string_view name = text.substr(i, j - i);
    const EntityMap& map = entities();
    if (auto it = map.find(std::string(name)); it != map.end()) {
        out += it->second;
        return name.size();
    }
    for (std::size_t x = bounds.size() - 1; x >= 2; --x) { // longest legacy prefix, at least 2 chars
        if (auto it = map.find(std::string(name.substr(0, bounds[x - 1]))); it != map.end()) {
            out += it->second;
            out += name.substr(bounds[x - 1]);
            return name.size();
        }
    }
    out.push_back('&');
    out += name;
    return name.size();
}

} // namespace

std::string htmlUnescape(std::string_view text) {
    std::string out;
    htmlUnescape(text, out);
    return out;
}

void htmlUnescape(std::string_view text, std::string& out) {
    out.clear();
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t amp = text.find('&', i);
        if (amp == std::string_view::npos) {
            out.append(text.substr(i));
            break;
        }
        out.append(text.substr(i, amp - i));
        std::size_t used = numericRef(text, amp + 1, out);
        if (used == 0)
            used = namedRef(text, amp + 1, out);
        if (used == 0)
            out.push_back('&');
        i = amp + 1 + used;
    }
}

} // namespace ulmfit::text
