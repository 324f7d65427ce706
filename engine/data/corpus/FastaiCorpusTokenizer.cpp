// The default corpus tokenizer: the fastai rules of ulmfit::text::Tokenizer. Kept in its own file so
// the rest of the corpus code (and its tests) only needs the CorpusTokenizer seam.
#include "data/corpus/CorpusBuilder.h"

#include "data/text/Tokenizer.h"

namespace ulmfit {

std::shared_ptr<const CorpusTokenizer> CorpusTokenizer::fastai() {
    static const auto instance = [] {
        auto tokenizer = std::make_shared<const text::Tokenizer>();
        auto result = std::make_shared<CorpusTokenizer>();
        result->chunk = [tokenizer](std::string_view text, text::Chunks& out) {
            tokenizer->chunk(text, out);
        };
        result->split = [tokenizer](std::string_view chunk, text::TokenList& out) {
            tokenizer->splitChunk(chunk, out);
        };
        const auto& specials = text::specialTokens();
        result->specials.assign(specials.begin(), specials.end());
        result->version = text::Tokenizer::kVersion;
        return std::shared_ptr<const CorpusTokenizer>(result);
    }();
    return instance;
}

} // namespace ulmfit
