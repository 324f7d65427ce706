// fastai's rules and the word splitter on any bytes (invalid UTF-8 included), then the mapping of
// the tokens back to character spans that the explanations use; and the cut into chunks against
// its code-point reference (the cut's 64-byte fast path must agree with it on any text).
#include "../engine/text/ReferenceChunks.h"
#include "FuzzSupport.h"

#include "core/Utf8.h"
#include "data/text/TokenSpans.h"
#include "data/text/Tokenizer.h"
#include "data/text/WordSplitter.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const ulmfit::text::Tokenizer tokenizer;
    const std::string_view text = ulmfit::fuzz::view(data, size);
    const auto tokens = tokenizer.tokenize(text);
    const auto spans = ulmfit::text::alignTokens(text, tokens);
    if (spans.size() != tokens.size())
        std::abort(); // one span per token, whatever the text
    for (const auto& span : spans)
        if (span.start > text.size() || span.length > text.size() - span.start)
            std::abort();
    ulmfit::text::toUtf16Spans(text, spans);

    const std::string valid = ulmfit::sanitizeUtf8(text); // what the cut sees: the rules' output is valid
    std::vector<std::string_view> chunks;
    ulmfit::text::cutChunks(valid, chunks);
    if (chunks != ulmfit::test::referenceChunks(valid))
        std::abort();
    return 0;
}
