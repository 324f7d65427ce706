#include "data/text/Tokenizer.h"
#include "data/text/Unicode.h"
#include "core/DocumentProgress.h"
#include "core/ParallelFor.h"

#include <atomic>
#include <chrono>
#include <mutex>

namespace ulmfit::text {
namespace {

void replaceSpaces(std::string& token) {
    for (std::size_t i; (i = token.find(' ')) != std::string::npos;)
        token.replace(i, 1, kSpaceMarkUtf8);
}

} // namespace

void Tokenizer::tokenize(std::string_view text, std::vector<std::string>& out) const {
    thread_local std::string ruled, scratch;
    if (unicode::isValidUtf8(text)) {
        applyRules(text, ruled, scratch);
    } else {
        applyRules(unicode::sanitizeUtf8(text), ruled, scratch);
    }
    splitWords(ruled, out);
    for (std::string& token : out)
        if (token.find(' ') != std::string::npos)
            replaceSpaces(token);
}

std::vector<std::string> Tokenizer::tokenize(std::string_view text) const {
    std::vector<std::string> out;
    tokenize(text, out);
    return out;
}

std::vector<std::vector<std::string>> Tokenizer::tokenizeAll(const std::vector<std::string>& texts, int threads,
                                                             Observer* observer, const CancelToken* cancel) const {
    std::vector<std::vector<std::string>> result(texts.size());
    DocumentProgress progress(observer, texts.size(), "tokenize");
    report(observer, Progress{"tokenize", 0, double(texts.size()), 0, "docs", {}});
    parallelFor(texts.size(), threads, 64, [&](std::size_t begin, std::size_t end, int) {
        throwIfCancelled(cancel);
        for (std::size_t i = begin; i < end; ++i)
            tokenize(texts[i], result[i]);
        progress.add(end - begin);
    });
    return result;
}

} // namespace ulmfit::text
