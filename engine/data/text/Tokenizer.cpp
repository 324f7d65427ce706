#include "data/text/Tokenizer.h"
#include "data/text/Unicode.h"
#include "core/DocumentProgress.h"
#include "core/ParallelFor.h"

#include <atomic>
#include <chrono>
#include <mutex>

namespace ulmfit::text {
namespace {

// fastai's replace_space: spaces inside a token (whitespace tokens such as "\n ") become U+2581.
void markSpaces(TokenList& tokens) {
    thread_local TokenList marked;
    thread_local std::string token;
    marked.clear();
    for (const std::string_view t : tokens) {
        token.assign(t);
        for (std::size_t i; (i = token.find(' ')) != std::string::npos;)
            token.replace(i, 1, kSpaceMarkUtf8);
        marked.push(token);
    }
    std::swap(tokens, marked);
}

} // namespace

void Tokenizer::tokenize(std::string_view text, TokenList& out) const {
    thread_local std::string ruled, scratch;
    if (unicode::isValidUtf8(text)) {
        applyRules(text, ruled, scratch);
    } else {
        applyRules(unicode::sanitizeUtf8(text), ruled, scratch);
    }
    out.clear();
    splitWords(ruled, out);
    if (out.bytes().find(' ') != std::string::npos) // rare: only whitespace tokens hold spaces
        markSpaces(out);
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
