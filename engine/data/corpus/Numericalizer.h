#pragma once
#include "core/CancelToken.h"
#include "core/Observer.h"
#include "data/corpus/Vocab.h"
#include "data/text/Chunks.h"
#include "data/text/TokenList.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ulmfit {

/// Replaces `out` with the chunks of document `doc` (a text's pieces that are split on their own:
/// text::Tokenizer::chunk); reusing `out` allocates nothing. Called from several threads at once,
/// each with its own `worker` number in [0, threads), for what a thread keeps from one document to
/// the next.
using ChunkFn = std::function<void(std::size_t doc, int worker, text::Chunks& out)>;

/// Appends the tokens of one chunk to `out`; the same tokens for the same chunk, on any thread.
using SplitFn = std::function<void(std::string_view chunk, text::TokenList& out)>;

struct NumericalizeOptions {
    VocabOptions vocab;
    int threads = 0;                // 0 = one per core
    std::size_t docsPerTask = 16;   // documents per work item (also the cancel/progress granularity)
    std::size_t expectedTokens = 0; // a guess of the total, to reserve memory for once (0 = none)
};

/// Where the time of numericalizing went (for benchmarks and logs).
struct NumericalizeSeconds {
    double tokenize = 0;     // reading, tokenizing and interning, in parallel
    double vocabulary = 0;   // merging the workers' counts, building the vocab
    double numericalize = 0; // the ids in one array

    /// "tokenize 1.02 s, vocabulary 0.04 s, numericalize 0.02 s": the training log's and the bench's words.
    std::string summary() const;
};

/// Token ids of every document back to back, with offsets (size n + 1), and the vocab built from them.
struct NumericalizedDocs {
    Vocab vocab;
    std::vector<std::int32_t> tokens;
    std::vector<std::int64_t> offsets;
    NumericalizeSeconds seconds;
};

/// Tokenizes n documents in parallel — each worker splits each distinct chunk it meets once and
/// interns its tokens — then merges the per-thread counts into one vocab (ties broken by first
/// occurrence in document order, so the result never depends on the thread count) and
/// numericalizes. Reports Progress{"tokenize", ..., "docs"}; checks `cancel` between tasks
/// (`docsPerTask` documents).
NumericalizedDocs numericalizeDocuments(std::size_t n, const ChunkFn& chunk, const SplitFn& split,
                                        const std::vector<std::string>& specials,
                                        const NumericalizeOptions& options, Observer* observer = nullptr,
                                        const CancelToken* cancel = nullptr);

} // namespace ulmfit
