#include "data/batch/LmDataLoader.h"

#include "core/Error.h"
#include "data/batch/SeededRandom.h"

#include <algorithm>
#include <cstring>

namespace ulmfit {

DocumentSplit splitDocuments(std::vector<std::size_t> docs, double validPct, std::uint64_t seed) {
    if (validPct < 0 || validPct >= 1)
        throw Error("the validation share must be in [0, 1), got " + std::to_string(validPct));
    SeededRandom(seed).shuffle(docs);
    const auto cut = static_cast<std::size_t>(validPct * static_cast<double>(docs.size()));
    DocumentSplit split;
    split.valid.assign(docs.begin(), docs.begin() + static_cast<std::ptrdiff_t>(cut));
    split.train.assign(docs.begin() + static_cast<std::ptrdiff_t>(cut), docs.end());
    return split;
}

DocumentSplit splitLmDocuments(const Corpus& corpus, double validPct, std::uint64_t seed) {
    return splitDocuments(corpus.allIndices(), validPct, seed);
}

LmDataLoader::LmDataLoader(const Corpus& corpus, std::vector<std::size_t> docIndices, int bs, int seqLen,
                           bool shuffle, std::uint64_t seed)
    : m_corpus(&corpus), m_docs(std::move(docIndices)), m_bs(bs), m_seqLen(seqLen), m_shuffle(shuffle),
      m_seed(seed) {
    if (bs < 1 || seqLen < 1)
        throw Error("batch size and sequence length must be positive");
    for (const std::size_t d : m_docs) {
        if (d >= corpus.size())
            throw Error("document index " + std::to_string(d) + " is outside the corpus");
        m_totalTokens += corpus.docLength(d);
    }
    // fastai keeps one extra token for the last target and drops the remainder that does not fill bs rows
    m_rowLength = m_totalTokens > 0 ? (m_totalTokens - 1) / bs : 0;
    if (m_rowLength < 1)
        throw Error("the " + std::to_string(m_docs.size()) + " documents hold only " + std::to_string(m_totalTokens) +
                    " tokens, too few for " + std::to_string(bs) + " rows; use a smaller batch size");
    m_batches = (m_rowLength + seqLen - 1) / seqLen;
    startEpoch(0);
}

void LmDataLoader::startEpoch(int epoch) {
    m_order = m_docs;
    if (m_shuffle)
        SeededRandom::forEpoch(m_seed, epoch).shuffle(m_order);
    const std::int64_t needed = m_bs * m_rowLength + 1;
    m_stream = torch::empty({needed}, torch::kInt32);
    auto* out = m_stream.data_ptr<std::int32_t>();
    std::int64_t written = 0;
    for (const std::size_t d : m_order) {
        const DocTokens doc = m_corpus->doc(d);
        const auto n = std::min<std::int64_t>(static_cast<std::int64_t>(doc.size), needed - written);
        std::memcpy(out + written, doc.data, static_cast<std::size_t>(n) * sizeof(std::int32_t));
        written += n;
        if (written == needed)
            break;
    }
}

LmBatch LmDataLoader::batch(std::int64_t i) const {
    if (i < 0 || i >= m_batches)
        throw Error("LM batch " + std::to_string(i) + " out of range (" + std::to_string(m_batches) + " batches)");
    const std::int64_t start = i * m_seqLen;
    const std::int64_t length = std::min<std::int64_t>(m_seqLen, m_rowLength - start);
    const auto rows = [&](std::int64_t offset) {
        return m_stream.narrow(0, offset, m_bs * m_rowLength).view({m_bs, m_rowLength}).narrow(1, start, length);
    };
    return {rows(0).to(torch::kInt64).contiguous(), rows(1).to(torch::kInt64).contiguous()};
}

} // namespace ulmfit
