#pragma once
#include "data/corpus/Corpus.h"

#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace ulmfit {

/// One classifier batch: int64 [bs, len] ids padded with xxpad (1) at the front to the longest
/// document of the batch, and int64 [bs] label indices.
struct ClasBatch {
    torch::Tensor input;
    torch::Tensor target;
};

struct ClassifierLoaderOptions {
    int bs = 64;
    bool shuffle = true;          // training order; false = sorted by length, longest first (validation)
    std::uint64_t seed = 42;
    std::int64_t maxTokens = 0;   // > 0: keep only each document's first maxTokens tokens (fast CPU recipe)
    bool dropLast = false;        // when shuffling, drop a short last batch (fastai does for training); off = every document once
};

/// fastai's SortedDL: batches of documents of similar length. When shuffling, a seeded permutation is
/// cut into megabatches of bs*50, each sorted by length (descending), split into batches, and the
/// batches between the first (holding the longest document) and the last are shuffled. Without
/// shuffling, all documents are sorted by length, longest first. The corpus must outlive the loader.
class ClassifierDataLoader {
public:
    ClassifierDataLoader(const Corpus& corpus, std::vector<std::size_t> docIndices,
                         const ClassifierLoaderOptions& options = {});

    void startEpoch(int epoch); // the constructor has already started epoch 0
    std::int64_t size() const { return static_cast<std::int64_t>(m_batches.size()); }
    ClasBatch batch(std::int64_t i) const;
    const std::vector<std::size_t>& batchDocuments(std::int64_t i) const; // corpus indices, batch order
    std::int64_t length(std::size_t doc) const; // after maxTokens truncation
    const ClassifierLoaderOptions& options() const { return m_options; }

private:
    std::vector<std::size_t> sortedByLength(std::vector<std::size_t> docs) const;
    std::vector<std::size_t> megabatchSorted(const std::vector<std::size_t>& order) const;
    void cutIntoBatches(const std::vector<std::size_t>& order);

    const Corpus* m_corpus;
    std::vector<std::size_t> m_docs;
    ClassifierLoaderOptions m_options;
    std::vector<std::vector<std::size_t>> m_batches;
};

/// The book's classifier split: labelled `train` documents for training, `test` for validation.
std::vector<std::size_t> labelledDocuments(const Corpus& corpus, Split split);

} // namespace ulmfit
