#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

// spaCy's English tokenizer punctuation rules (spacy/lang/punctuation.py, char_classes.py,
// v3 defaults) as scanners. Lengths and offsets are in bytes of UTF-8 text.
namespace ulmfit::text::affix {

/// Length of the prefix spaCy's prefix_search finds at the start of `s` (0 = none).
/// The first matching alternative wins, as with Python's `^a|^b|...` search.
std::size_t findPrefix(std::string_view s);

/// Length of the suffix spaCy's suffix_search finds (0 = none). Every alternative ends in `$`,
/// so the match that starts leftmost wins, as with Python's `a$|b$|...` search.
std::size_t findSuffix(std::string_view s);

struct Infix {
    std::size_t start;
    std::size_t end;
};

/// Non-overlapping infix matches, left to right, as spaCy's infix_finditer reports them.
void findInfixes(std::string_view s, std::vector<Infix>& out);

/// spaCy's URL_MATCH (strings it never splits on infixes). The private-IP exclusions are not
/// reproduced; dotted host names with a lower-case TLD, schemes, user info, ports and paths are.
bool matchesUrl(std::string_view s);

} // namespace ulmfit::text::affix
