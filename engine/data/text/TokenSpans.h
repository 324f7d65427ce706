#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ulmfit::text {

/// Where a token's characters lie in the original text: byte offsets into its UTF-8 string.
/// length 0 = the token has no characters of its own (xxbos).
struct TextSpan {
    std::size_t start = 0;
    std::size_t length = 0;
    bool operator==(const TextSpan& other) const { return start == other.start && length == other.length; }
};

/// Maps the fastai tokens of `original` (Tokenizer::tokenize(original)) back to `original`.
///
/// The rules rewrite the text before it is split (HTML fixes, xxrep/xxwrep, case markers,
/// lower-casing), so rather than threading offsets through every rule this aligns the tokens'
/// characters with the original's, case-insensitively and ignoring white space, resynchronising
/// after the few places where the two differ (entities, `\"`). Markers get the span of what
/// they stand for: xxmaj/xxup that of the next word, `xxrep N c` all three that of the run of
/// c, `xxwrep N w` all three that of the repeated words; `<br />` and `\n` map to the "\n"
/// tokens they become; characters the rules dropped join the adjacent token.
std::vector<TextSpan> alignTokens(std::string_view original, const std::vector<std::string>& tokens);

/// The same offsets counted in UTF-16 code units (what QString indexes), for the GUI.
std::vector<TextSpan> toUtf16Spans(std::string_view original, const std::vector<TextSpan>& byteSpans);

} // namespace ulmfit::text
