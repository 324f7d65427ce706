#pragma once
#include "data/corpus/Corpus.h"

#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace ulmfit {

/// One language-model batch: int64 [bs, seqLen] ids and the same windows shifted by one token.
struct LmBatch {
    torch::Tensor input;
    torch::Tensor target;
};

/// Document indices split like fastai's RandomSplitter: a seeded permutation, the first
/// int(validPct * n) documents go to validation, the rest to training.
struct DocumentSplit {
    std::vector<std::size_t> train;
    std::vector<std::size_t> valid;
};
DocumentSplit splitDocuments(std::vector<std::size_t> docs, double validPct, std::uint64_t seed);
/// The book's LM split: ALL documents (train + test + unsup, labels ignored), 10% for validation.
DocumentSplit splitLmDocuments(const Corpus& corpus, double validPct = 0.1, std::uint64_t seed = 42);

/// fastai's LMDataLoader: each epoch the documents are (optionally) shuffled and concatenated into one
/// stream, the stream is cut into `bs` contiguous rows of `bl = (tokens - 1) / bs` tokens, and batch i
/// holds columns [i*seqLen, i*seqLen + seqLen) of every row (the last batch may be shorter); the
/// target is the same window one token later. Only the int32 stream is stored; batches are slices.
/// The corpus must outlive the loader.
class LmDataLoader {
public:
    LmDataLoader(const Corpus& corpus, std::vector<std::size_t> docIndices, int bs, int seqLen = 72,
                 bool shuffle = true, std::uint64_t seed = 42);

    /// Rebuilds the stream in epoch `epoch`'s document order (same seed + epoch = same order).
    /// The constructor has already started epoch 0.
    void startEpoch(int epoch);
    std::int64_t size() const { return m_batches; }
    LmBatch batch(std::int64_t i) const;

    int batchSize() const { return m_bs; }
    int seqLen() const { return m_seqLen; }
    std::int64_t rowLength() const { return m_rowLength; } // fastai's `bl`
    std::int64_t totalTokens() const { return m_totalTokens; }
    const std::vector<std::size_t>& epochOrder() const { return m_order; }
    const torch::Tensor& stream() const { return m_stream; } // int32 [bs * bl + 1]

private:
    const Corpus* m_corpus;
    std::vector<std::size_t> m_docs;
    std::vector<std::size_t> m_order;
    int m_bs;
    int m_seqLen;
    bool m_shuffle;
    std::uint64_t m_seed;
    std::int64_t m_totalTokens = 0;
    std::int64_t m_rowLength = 0;
    std::int64_t m_batches = 0;
    torch::Tensor m_stream;
};

} // namespace ulmfit
