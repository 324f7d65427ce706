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

/// The pieces spaCy splits independently of each other: the words between white space, and each run
/// of white space other than the one ' ' after a word; appended to `out` as views into `text`.
/// splitWords(text) is splitChunk() of each in turn, so the tokens of a chunk depend on the chunk
/// alone: a corpus splits each distinct chunk once (most of the IMDb's 13 M chunks are repeats of
/// 350,000).
void cutChunks(std::string_view text, std::vector<std::string_view>& out);

/// Appends the tokens of one chunk of cutChunks() to `out`.
void splitChunk(std::string_view chunk, TokenList& out);

} // namespace ulmfit::text
