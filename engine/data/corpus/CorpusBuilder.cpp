#include "data/corpus/CorpusBuilder.h"

#include "core/Error.h"
#include "core/ParallelFor.h"
#include "core/Paths.h"
#include "data/corpus/Numericalizer.h"
#include "data/corpus/TokenCache.h"
#include "data/source/ReviewReader.h"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace ulmfit {
namespace {

std::int32_t labelIndex(const DatasetIndex& index, const std::string& label) {
    if (label.empty())
        return -1;
    const auto it = std::find(index.labels.begin(), index.labels.end(), label);
    return it == index.labels.end() ? -1 : static_cast<std::int32_t>(it - index.labels.begin());
}

/// Everything but the tokens: each document's split, label and path.
Corpus describeDocuments(const DatasetIndex& index) {
    Corpus corpus;
    corpus.root = index.root;
    corpus.labelNames = index.labels;
    for (const auto& file : index.files) {
        corpus.splits.push_back(splitFromName(file.split));
        corpus.labels.push_back(labelIndex(index, file.label));
        corpus.sourcePaths.push_back(file.path.string());
    }
    return corpus;
}

std::shared_ptr<const CorpusTokenizer> tokenizerOf(const CorpusOptions& options) {
    return options.tokenizer ? options.tokenizer : CorpusTokenizer::fastai();
}

void tell(Observer* observer, const std::string& message) {
    spdlog::debug("{}", message);
    if (observer)
        observer->onMessage(message);
}

} // namespace

void CorpusTokenizer::tokenize(std::string_view text, text::TokenList& out) const {
    text::tokenizeByChunks(text, chunk, split, out);
}

Corpus buildCorpus(const DatasetIndex& index, const CorpusOptions& options, Observer* observer,
                   const CancelToken* cancel, NumericalizeSeconds* seconds) {
    if (index.files.empty())
        throw Error("the dataset at " + index.root.string() + " has no review files to tokenize");
    const auto tokenizer = tokenizerOf(options);
    Corpus corpus = describeDocuments(index);
    const int threads = options.threads > 0 ? options.threads : defaultThreadCount();
    std::vector<ReviewReader> readers(static_cast<std::size_t>(threads));
    const ChunkFn chunkDoc = [&](std::size_t doc, int worker, text::Chunks& out) {
        tokenizer->chunk(readers[static_cast<std::size_t>(worker)].read(index.files[doc].path), out);
    };
    NumericalizeOptions numericalize{options.vocab, threads};
    std::uintmax_t bytes = 0;
    for (const auto& file : index.files)
        bytes += file.bytes;
    numericalize.expectedTokens = static_cast<std::size_t>(bytes / 4); // English reviews: ~4.4 bytes a token
    NumericalizedDocs docs = numericalizeDocuments(index.files.size(), chunkDoc, tokenizer->split,
                                                   tokenizer->specials, numericalize, observer, cancel);
    tell(observer, "corpus built: " + std::to_string(index.files.size()) + " documents, " +
                       std::to_string(docs.tokens.size()) + " tokens, vocabulary " + std::to_string(docs.vocab.size()) +
                       " (" + docs.seconds.summary() + ")");
    if (seconds)
        *seconds = docs.seconds;
    corpus.vocab = std::move(docs.vocab);
    corpus.tokens = std::move(docs.tokens);
    corpus.offsets = std::move(docs.offsets);
    return corpus;
}

CorpusLoadResult loadOrBuildCorpus(const DatasetIndex& index, const CorpusOptions& options, Observer* observer,
                                   const CancelToken* cancel) {
    CorpusLoadResult result;
    if (!options.useCache) {
        result.corpus = buildCorpus(index, options, observer, cancel);
        return result;
    }
    const auto cacheDir = options.cacheDir.empty() ? userDataDir() / "cache" : options.cacheDir;
    result.cacheFile = corpusCacheFile(cacheDir, index, options.vocab);
    const std::uint64_t key = corpusCacheKey(index, options.vocab, tokenizerOf(options)->version);
    if (auto cached = readTokenCache(result.cacheFile, key, &result.cacheNote)) {
        result.corpus = std::move(*cached);
        result.cacheHit = true;
        tell(observer, "token cache hit: " + result.cacheFile.string());
        return result;
    }
    if (result.cacheNote.rfind("corrupt", 0) == 0)
        spdlog::warn("token cache {} is {}; rebuilding it", result.cacheFile.string(), result.cacheNote);
    tell(observer, "token cache miss (" + result.cacheNote + "): tokenizing " +
                       std::to_string(index.files.size()) + " documents");
    result.corpus = buildCorpus(index, options, observer, cancel);
    try {
        writeTokenCache(result.cacheFile, result.corpus, key);
    } catch (const std::exception& e) { // a read-only cache folder costs speed next time, not this run
        spdlog::warn("could not write the token cache: {}", e.what());
        if (observer)
            observer->onMessage(std::string("could not write the token cache: ") + e.what());
    }
    return result;
}

} // namespace ulmfit
