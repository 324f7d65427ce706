#pragma once
#include <string>
#include <string_view>

namespace ulmfit {

/// True when `bytes` are well-formed UTF-8 (no overlong forms, surrogates or code points above
/// U+10FFFF): what sanitizeUtf8 leaves as it is.
bool isWellFormedUtf8(std::string_view bytes);

/// `bytes` with each ill-formed sequence replaced by U+FFFD, one for each maximal subpart (Unicode's
/// recommended practice, and Python's errors="replace"): "\xE2\x82" truncated is one U+FFFD, "\xFF\xFE"
/// two. The one rule for every way text comes in (files, typed text, the tokenizer's input).
std::string sanitizeUtf8(std::string_view bytes);

} // namespace ulmfit
