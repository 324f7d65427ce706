#include "data/text/Tokenizer.h"
#include "core/DocumentProgress.h"
#include "core/ParallelFor.h"
#include "core/Utf8.h"
#include "data/text/Unicode.h"

#include <atomic>
#include <chrono>
#include <mutex>

namespace ulmfit::text {
namespace {

// fastai's replace_space: spaces inside a token (whitespace tokens such as "\n ") become U+2581.
// Rewrites the tokens of `tokens` from `first` on.
void markSpaces(TokenList& tokens, std::size_t first) {
    thread_local TokenList marked;
    thread_local std::string token;
    marked.clear();
    for (std::size_t i = first; i < tokens.size(); ++i) {
        token.assign(tokens[i]);
        for (std::size_t at; (at = token.find(' ')) != std::string::npos;)
            token.replace(at, 1, kSpaceMarkUtf8);
        marked.push(token);
    }
    tokens.truncate(first);
    for (const std::string_view t : marked)
        tokens.push(t);
}

} // namespace

void Tokenizer::chunk(std::string_view text, Chunks& out) const {
    thread_local std::string scratch;
    if (isWellFormedUtf8(text))
        applyRules(text, out.text, scratch);
    else
        applyRules(sanitizeUtf8(text), out.text, scratch);
    out.views.clear();
    cutChunks(out.text, out.views);
}

void Tokenizer::splitChunk(std::string_view chunk, TokenList& out) const {
    const std::size_t first = out.size();
    text::splitChunk(chunk, out);
    if (chunk.find(' ') != std::string_view::npos) // rare: only whitespace chunks hold spaces
        markSpaces(out, first);
}

void Tokenizer::tokenize(std::string_view text, TokenList& out) const {
    tokenizeByChunks(
        text, [this](std::string_view t, Chunks& chunks) { chunk(t, chunks); },
        [this](std::string_view c, TokenList& tokens) { splitChunk(c, tokens); }, out);
}

std::vector<std::string> Tokenizer::tokenize(std::string_view text) const {
    TokenList out;
    tokenize(text, out);
    return out.strings();
}

std::vector<std::vector<std::string>> Tokenizer::tokenizeAll(const std::vector<std::string>& texts, int threads,
                                                             Observer* observer, const CancelToken* cancel) const {
    std::vector<std::vector<std::string>> result(texts.size());
    DocumentProgress progress(observer, texts.size(), "tokenize");
    report(observer, Progress{"tokenize", 0, double(texts.size()), 0, "docs", {}});
    parallelFor(texts.size(), threads, 64, [&](std::size_t begin, std::size_t end, int) {
        throwIfCancelled(cancel);
        for (std::size_t i = begin; i < end; ++i)
            result[i] = tokenize(texts[i]);
        progress.add(end - begin);
    });
    return result;
}

} // namespace ulmfit::text
