// fastai's rules and the word splitter on any bytes (invalid UTF-8 included), then the mapping of
// the tokens back to character spans that the explanations use.
#include "FuzzSupport.h"

#include "data/text/TokenSpans.h"
#include "data/text/Tokenizer.h"

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
    return 0;
}
