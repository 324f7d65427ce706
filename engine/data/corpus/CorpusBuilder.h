#pragma once
#include "core/CancelToken.h"
#include "core/Observer.h"
#include "data/corpus/Corpus.h"
#include "data/corpus/Numericalizer.h"
#include "data/source/Dataset.h"
#include "data/text/Chunks.h"
#include "data/text/TokenList.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ulmfit {

/// The tokenizer a corpus is built with, in its two halves (see text::Tokenizer::chunk): the
/// tokens of a text are the split of each of its chunks in turn, and the corpus splits each
/// distinct chunk once. Its version is part of the token cache key.
struct CorpusTokenizer {
    // Replaces `out` with the chunks of `text`; thread-safe.
    std::function<void(std::string_view text, text::Chunks& out)> chunk;
    // Appends the tokens of one chunk to `out`; thread-safe, and the same for the same chunk.
    std::function<void(std::string_view chunk, text::TokenList& out)> split;
    std::vector<std::string> specials; // vocab's first tokens, xxunk first
    int version = 0;

    /// Replaces `out` with the tokens of `text` (both halves in turn).
    void tokenize(std::string_view text, text::TokenList& out) const;

    /// ulmfit::text::Tokenizer (fastai's rules + word split), its special tokens and kVersion.
    static std::shared_ptr<const CorpusTokenizer> fastai();
};

struct CorpusOptions {
    VocabOptions vocab;
    int threads = 0;                // 0 = one per core
    std::filesystem::path cacheDir; // empty = userDataDir()/cache
    bool useCache = true;
    std::shared_ptr<const CorpusTokenizer> tokenizer; // null = CorpusTokenizer::fastai()
};

/// Reads, tokenizes (in parallel) and numericalizes every file of `index`, without any cache.
/// Reports Progress{"tokenize", done, total, rate, "docs"}, and where the time went as a message
/// (and in `seconds` when given); throws ulmfit::Cancelled when cancelled.
Corpus buildCorpus(const DatasetIndex& index, const CorpusOptions& options, Observer* observer = nullptr,
                   const CancelToken* cancel = nullptr, NumericalizeSeconds* seconds = nullptr);

struct CorpusLoadResult {
    Corpus corpus;
    bool cacheHit = false;
    std::filesystem::path cacheFile; // empty when the cache is off
    std::string cacheNote;           // why it missed ("no cache file", "inputs changed", "corrupt (...)")
};

/// The corpus from the token cache when it is still valid for these inputs, tokenizer and options;
/// otherwise builds it and writes the cache (atomically). A corrupt cache file is logged and rebuilt.
CorpusLoadResult loadOrBuildCorpus(const DatasetIndex& index, const CorpusOptions& options,
                                   Observer* observer = nullptr, const CancelToken* cancel = nullptr);

} // namespace ulmfit
