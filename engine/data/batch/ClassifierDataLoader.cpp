#include "data/batch/ClassifierDataLoader.h"

#include "core/Error.h"
#include "data/batch/SeededRandom.h"
#include "data/corpus/Vocab.h"

#include <algorithm>

namespace ulmfit {

std::vector<std::size_t> labelledDocuments(const Corpus& corpus, Split split) {
    std::vector<std::size_t> docs;
    for (const std::size_t d : corpus.indicesOf(split))
        if (corpus.labels[d] >= 0)
            docs.push_back(d);
    return docs;
}

ClassifierDataLoader::ClassifierDataLoader(const Corpus& corpus, std::vector<std::size_t> docIndices,
                                           const ClassifierLoaderOptions& options)
    : m_corpus(&corpus), m_docs(std::move(docIndices)), m_options(options) {
    if (options.bs < 1)
        throw Error("the batch size must be positive");
    for (const std::size_t d : m_docs) {
        if (d >= corpus.size())
            throw Error("document index " + std::to_string(d) + " is outside the corpus");
        if (corpus.labels[d] < 0)
            throw Error("document " + corpus.sourcePaths[d] + " has no label; the classifier needs labelled folders");
    }
    startEpoch(0);
}

std::int64_t ClassifierDataLoader::length(std::size_t doc) const {
    const std::int64_t n = m_corpus->docLength(doc);
    return m_options.maxTokens > 0 ? std::min(n, m_options.maxTokens) : n;
}

std::vector<std::size_t> ClassifierDataLoader::sortedByLength(std::vector<std::size_t> docs) const {
    std::stable_sort(docs.begin(), docs.end(),
                     [this](std::size_t a, std::size_t b) { return length(a) > length(b); });
    return docs;
}

void ClassifierDataLoader::startEpoch(int epoch) {
    if (!m_options.shuffle || m_docs.empty()) {
        cutIntoBatches(sortedByLength(m_docs));
        return;
    }
    SeededRandom random = SeededRandom::forEpoch(m_options.seed, epoch);
    std::vector<std::size_t> order = m_docs;
    random.shuffle(order);
    // the longest document goes into the first batch, so an out-of-memory shows up at once (fastai)
    const auto longest = std::max_element(order.begin(), order.end(),
                                          [this](std::size_t a, std::size_t b) { return length(a) < length(b); });
    std::iter_swap(order.begin(), longest);
    cutIntoBatches(megabatchSorted(order));
    if (m_batches.size() > 2) { // the first (longest) and the last (maybe short) batch stay in place
        std::vector<std::vector<std::size_t>> middle(std::make_move_iterator(m_batches.begin() + 1),
                                                     std::make_move_iterator(m_batches.end() - 1));
        random.shuffle(middle);
        std::move(middle.begin(), middle.end(), m_batches.begin() + 1);
    }
    if (m_options.dropLast && m_batches.back().size() < static_cast<std::size_t>(m_options.bs))
        m_batches.pop_back();
}

std::vector<std::size_t> ClassifierDataLoader::megabatchSorted(const std::vector<std::size_t>& order) const {
    const std::size_t mega = static_cast<std::size_t>(m_options.bs) * 50;
    std::vector<std::size_t> sorted;
    sorted.reserve(order.size());
    for (std::size_t begin = 0; begin < order.size(); begin += mega) {
        const auto first = order.begin() + static_cast<std::ptrdiff_t>(begin);
        const auto last = order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), begin + mega));
        const auto chunk = sortedByLength({first, last});
        sorted.insert(sorted.end(), chunk.begin(), chunk.end());
    }
    return sorted;
}

void ClassifierDataLoader::cutIntoBatches(const std::vector<std::size_t>& order) {
    m_batches.clear();
    const auto bs = static_cast<std::size_t>(m_options.bs);
    for (std::size_t begin = 0; begin < order.size(); begin += bs)
        m_batches.emplace_back(order.begin() + static_cast<std::ptrdiff_t>(begin),
                               order.begin() + static_cast<std::ptrdiff_t>(std::min(order.size(), begin + bs)));
}

const std::vector<std::size_t>& ClassifierDataLoader::batchDocuments(std::int64_t i) const {
    if (i < 0 || i >= size())
        throw Error("classifier batch " + std::to_string(i) + " out of range (" + std::to_string(size()) +
                    " batches)");
    return m_batches[static_cast<std::size_t>(i)];
}

ClasBatch ClassifierDataLoader::batch(std::int64_t i) const {
    const auto& docs = batchDocuments(i);
    std::int64_t longest = 0;
    for (const std::size_t d : docs)
        longest = std::max(longest, length(d));
    const auto rows = static_cast<std::int64_t>(docs.size());
    ClasBatch batch{torch::full({rows, longest}, Vocab::kPadId, torch::kInt64), torch::empty({rows}, torch::kInt64)};
    auto input = batch.input.accessor<std::int64_t, 2>();
    auto target = batch.target.accessor<std::int64_t, 1>();
    for (std::int64_t r = 0; r < rows; ++r) {
        const std::size_t d = docs[static_cast<std::size_t>(r)];
        const DocTokens tokens = m_corpus->doc(d);
        const std::int64_t n = length(d);
        for (std::int64_t j = 0; j < n; ++j) // pad_first: the document ends at the last column
            input[r][longest - n + j] = tokens.data[j];
        target[r] = m_corpus->labels[d];
    }
    return batch;
}

} // namespace ulmfit
