#pragma once
// Use case "draw a batch": the book's show_batch over a freshly drawn LM or classifier batch, with
// the book's data-loader sizes defined once for the CLI and the GUI.
#include "data/batch/ShowBatch.h"
#include "data/corpus/Corpus.h"

#include <cstdint>

namespace ulmfit {

struct BatchPreviewOptions {
    enum class Kind { LanguageModel, Classifier };
    Kind kind = Kind::LanguageModel;
    int rows = 5;
    int bs = 128;
    int seqLen = 80; // the LM's bptt (the classifier's chunk length does not change its batch)
    std::uint64_t seed = 42;
    std::int64_t maxTokens = 0; // classifier: keep each review's first N tokens (0 = all)
    int draw = 0;               // which draw: each value gives another reproducible batch

    /// Chapter 10's loaders: dls_lm with bs=128, seq_len=80; dls_clas with bs=128, seq_len=72.
    static BatchPreviewOptions book(Kind kind);
};

/// The `draw`-th batch (epoch `draw`'s shuffle, its batch `draw` modulo the epoch's length), decoded
/// as show_batch prints it. Throws ulmfit::Error when the corpus is too small for one batch.
BatchTable previewBatch(const Corpus& corpus, const BatchPreviewOptions& options);

} // namespace ulmfit
