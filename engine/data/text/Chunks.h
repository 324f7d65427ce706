#pragma once
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

} // namespace ulmfit::text
