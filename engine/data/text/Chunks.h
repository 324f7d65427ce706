#pragma once
#include "data/text/TokenList.h"

#include <string>
#include <string_view>
#include <vector>

namespace ulmfit::text {

/// A text made ready to split: after the tokenizer's rules, cut into the chunks it splits one at a
/// time (see cutChunks in WordSplitter.h). Reusing one allocates nothing once it has grown.
struct Chunks {
    std::string text;                    // the text after the rules
    std::vector<std::string_view> views; // the chunks, in order: views into `text`
};

/// The tokens of `text` into `out` (cleared first), from a tokenizer's two halves: `chunk(text,
/// chunks)`, then `split(c, out)` for each chunk in turn — what a tokenizer's output is.
template <typename Chunk, typename Split>
void tokenizeByChunks(std::string_view text, Chunk chunk, Split split, TokenList& out) {
    thread_local Chunks chunks;
    chunk(text, chunks);
    out.clear();
    for (const std::string_view c : chunks.views)
        split(c, out);
}

} // namespace ulmfit::text
