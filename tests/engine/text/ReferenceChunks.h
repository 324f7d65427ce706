#pragma once
// The chunks of a text (valid UTF-8) read code point by code point, as spaCy does: a word is a
// maximal run of non-white space; a run of white space is a chunk, less its first character when
// that is a plain space after a word. The reference for text::cutChunks (WordSplitterTest, and
// TokenizerFuzz on any text).
#include "data/text/Unicode.h"

#include <string_view>
#include <vector>

namespace ulmfit::test {

inline std::vector<std::string_view> referenceChunks(std::string_view text) {
    namespace unicode = ulmfit::text::unicode;
    const char* end = text.data() + text.size();
    const auto spaceAt = [&](std::size_t i, int& length) {
        return unicode::isSpace(unicode::decode(text.data() + i, end, length));
    };
    std::vector<std::string_view> chunks;
    std::size_t i = 0;
    int length = 0;
    while (i < text.size()) {
        std::size_t j = i;
        const bool space = spaceAt(i, length);
        while (j < text.size() && spaceAt(j, length) == space)
            j += static_cast<std::size_t>(length);
        const std::size_t start = space && i > 0 && text[i] == ' ' ? i + 1 : i;
        if (start < j)
            chunks.push_back(text.substr(start, j - start));
        i = j;
    }
    return chunks;
}

} // namespace ulmfit::test
