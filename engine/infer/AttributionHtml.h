#pragma once
#include "infer/Attribution.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ulmfit {

/// Tokens whose spans overlap (xxmaj + its word, xxrep 3 ! ...) shown as one stretch of text.
struct AttributedWord {
    std::size_t start = 0, length = 0; // bytes of Attribution::text
    std::vector<std::size_t> tokens;   // indices into Attribution::tokens, in text order
    float score = 0;                   // sum of the tokens' scores
};

/// The words of `attribution` in text order; tokens without characters (xxbos) are left out.
std::vector<AttributedWord> attributedWords(const Attribution& attribution);

/// A small self-contained HTML page: per text the label and probabilities, then the text with
/// each word's background coloured by its score (toward the colour of the class it pushes to,
/// stronger for larger |score|), its tokens and scores as a tooltip, and a legend. The GUI's
/// AttributionView (ui/common) draws the same colours with Qt.
std::string attributionHtml(const std::vector<Attribution>& attributions);

/// Writes attributionHtml() atomically; throws ulmfit::Error when the file cannot be written.
void writeAttributionHtml(const std::filesystem::path& file, const std::vector<Attribution>& attributions);

} // namespace ulmfit
