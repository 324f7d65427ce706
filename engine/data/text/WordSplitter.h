#pragma once
#include "data/text/TokenList.h"

#include <string>
#include <string_view>
#include <vector>

namespace ulmfit::text {

/// Splits text the way spaCy's English tokenizer (spacy.blank("en"), v3) does, which is what
/// fastai's SpacyTokenizer runs after the rules: whitespace runs other than a single ' ' become
/// tokens ("\n\n"), then each chunk is split by spaCy's algorithm — special cases (contractions:
/// "don't" -> "do n't", emoticons, abbreviations), prefixes, suffixes, infixes (hyphens between
/// letters, "..", commas between letters) — and finally special cases spread over several
/// pieces are merged (e.g. "word:)" -> "word", ":)").
std::vector<std::string> splitWords(std::string_view text);

/// Same, appending to `out`.
void splitWords(std::string_view text, TokenList& out);

} // namespace ulmfit::text
