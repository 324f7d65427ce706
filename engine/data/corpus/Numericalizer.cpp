#include "data/corpus/Numericalizer.h"

#include "core/DocumentProgress.h"
#include "core/Error.h"
#include "core/Memory.h"
#include "core/ParallelFor.h"
#include "data/corpus/IdsInOrder.h"
#include "data/corpus/StringTable.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string_view>

namespace ulmfit {
namespace {

struct NoPayload {};

/// Words with their counts and first occurrences (doc << 32 | position), by id: one per worker,
/// then one merging them all.
struct WordCounts {
    StringTable<NoPayload> words;
    std::vector<std::int64_t> counts;
    std::vector<std::uint64_t> firsts;

    /// Adds every word of `other` with its count and first occurrence.
    void merge(const WordCounts& other) {
        words.lookUpInBlocks(
            other.words.size(), [&](std::size_t i) { return other.words.string(i); },
            [&](std::size_t i, auto& slot, bool added) {
                if (added) { // ids are given in order: this one is counts.size()
                    counts.push_back(other.counts[i]);
                    firsts.push_back(other.firsts[i]);
                    return;
                }
                const auto id = static_cast<std::size_t>(slot.id);
                counts[id] += other.counts[i];
                firsts[id] = std::min(firsts[id], other.firsts[i]);
            });
    }
};

/// One worker's documents as ids of its own words. A chunk is split, and its words interned, on its
/// first occurrence only; later ones count the chunk and append its ids (splitting every chunk and
/// looking up every token took two thirds of building the IMDb's corpus, where 13 M chunks are
/// repeats of 350,000). The words' counts follow from the chunks' at the end.
class ChunkInterner {
public:
    explicit ChunkInterner(const SplitFn& split) : m_split(&split) {}

    /// Appends the ids of document `doc`'s tokens to `ids`. A worker sees its documents in
    /// increasing order, so a chunk's first count is its first occurrence.
    void internDocument(const text::Chunks& chunks, std::size_t doc, std::vector<std::int32_t>& ids) {
        const std::size_t docStart = ids.size();
        const auto& views = chunks.views;
        std::size_t end = docStart;            // the document's ids so far are ids[docStart, end)
        // A place for each chunk (most are one token) and a quarter more for the chunks of several
        // tokens, so that those seldom need to grow the array one by one (a call and a zero-fill each).
        growIds(ids, docStart + views.size() + views.size() / 4);
        m_chunks.lookUpInBlocks(
            views.size(), [&](std::size_t i) { return views[i]; },
            [&](std::size_t i, auto& slot, bool added) {
                if (added) {
                    m_chunkFirsts.push_back((std::uint64_t(doc) << 32) | (end - docStart));
                    slot.payload.tokens = internTokensOf(views[i]);
                }
                if (++slot.payload.count == 0)
                    throw Error(
                        "a chunk of text occurs over 4 billion times in one thread's share of the corpus: "
                        "too large a corpus to build at once");
                const std::uint32_t tokens = slot.payload.tokens;
                if (tokens < kListed) { // nearly always
                    ids[end++] = static_cast<std::int32_t>(tokens);
                    return;
                }
                const std::int32_t* list = m_lists.data() + (tokens - kListed);
                growIds(ids, end + static_cast<std::size_t>(list[0]) + (views.size() - i - 1));
                std::copy(list + 1, list + 1 + list[0], ids.data() + end);
                end += static_cast<std::size_t>(list[0]);
            },
            [&](const auto& slot, bool added) { // a chunk of several tokens: start loading its ids
                if (!added && slot.payload.tokens >= kListed)
                    prefetch(m_lists.data() + (slot.payload.tokens - kListed));
            });
        ids.resize(end);
    }

    /// The worker's words, counted: each chunk's count goes to each of its tokens, and a token's
    /// first occurrence is the earliest of (first occurrence + place) among the chunks holding it.
    /// Frees the chunks.
    WordCounts wordCounts() && {
        WordCounts result{std::move(m_words), {}, {}};
        result.counts.assign(result.words.size(), 0);
        result.firsts.assign(result.words.size(), ~std::uint64_t(0));
        m_chunks.forEachSlot([&](const auto& slot) {
            const std::uint64_t first = m_chunkFirsts[static_cast<std::size_t>(slot.id)];
            forEachId(slot.payload.tokens, [&](std::int32_t id, std::size_t place) {
                const auto word = static_cast<std::size_t>(id);
                result.counts[word] += slot.payload.count;
                result.firsts[word] = std::min(result.firsts[word], first + place);
            });
        });
        m_chunks = {};
        m_chunkFirsts = {};
        m_lists = {};
        return result;
    }

private:
    struct ChunkPayload {
        std::uint32_t count = 0;
        std::uint32_t tokens = 0; // below kListed: the chunk is one token, of this id; else see m_lists
    };
    static constexpr std::uint32_t kListed = 0x80000000u;

    const SplitFn* m_split;
    StringTable<ChunkPayload> m_chunks;
    std::vector<std::uint64_t> m_chunkFirsts; // by chunk id
    std::vector<std::int32_t> m_lists;        // chunks of other than one token: the count, then the ids
    StringTable<NoPayload> m_words;

    std::uint32_t internTokensOf(std::string_view chunk) {
        thread_local text::TokenList tokens;
        tokens.clear();
        (*m_split)(chunk, tokens);
        if (tokens.size() == 1)
            return static_cast<std::uint32_t>(m_words.idOf(tokens[0]));
        const auto listed = kListed | static_cast<std::uint32_t>(m_lists.size());
        m_lists.push_back(static_cast<std::int32_t>(tokens.size()));
        for (const std::string_view token : tokens)
            m_lists.push_back(m_words.idOf(token));
        return listed;
    }

    template <typename Visit>
    void forEachId(std::uint32_t tokens, Visit visit) const {
        if (tokens < kListed) {
            visit(static_cast<std::int32_t>(tokens), 0);
            return;
        }
        const std::int32_t* list = m_lists.data() + (tokens - kListed);
        for (std::int32_t k = 0; k < list[0]; ++k)
            visit(list[1 + k], static_cast<std::size_t>(k));
    }

    /// At least `size` ids in `ids` (the new ones to be written), grown by doubling in 2 MB pages.
    static void growIds(std::vector<std::int32_t>& ids, std::size_t size) {
        if (size <= ids.size())
            return;
        makeRoomHugePages(ids, size - ids.size());
        ids.resize(size);
    }
};

/// Sums the per-worker counts into the first worker's table (the others' words are added to it);
/// returns the `limit` most common words, ties in first-occurrence order: what Vocab::build keeps
/// (fastai's Counter.most_common(max_vocab)), already in its order, without making strings of the
/// other half of the IMDb's 121,768 words.
std::vector<TokenCount> mergeCounts(std::vector<WordCounts>& tables, std::size_t limit) {
    WordCounts& merged = tables.front();
    for (std::size_t t = 1; t < tables.size(); ++t)
        merged.merge(tables[t]);
    struct Rank {
        std::int64_t count;
        std::uint64_t first;
        std::size_t id;
        bool operator<(const Rank& other) const {
            return count != other.count ? count > other.count : first < other.first;
        }
    };
    std::vector<Rank> ranks(merged.words.size());
    for (std::size_t i = 0; i < ranks.size(); ++i)
        ranks[i] = {merged.counts[i], merged.firsts[i], i};
    const auto keep = ranks.begin() + static_cast<std::ptrdiff_t>(std::min(limit, ranks.size()));
    std::partial_sort(ranks.begin(), keep, ranks.end());
    std::vector<TokenCount> counts;
    counts.reserve(static_cast<std::size_t>(keep - ranks.begin()));
    for (auto rank = ranks.begin(); rank != keep; ++rank)
        counts.push_back(TokenCount{std::string(merged.words.string(rank->id)), rank->count});
    return counts;
}

std::vector<std::int32_t> remapTable(const WordCounts& table, const Vocab& vocab) {
    std::vector<std::int32_t> remap(table.words.size());
    for (std::size_t i = 0; i < remap.size(); ++i)
        remap[i] = vocab.id(table.words.string(i));
    return remap;
}

/// Every document as ids local to the worker that tokenized it, in document order in one array.
struct InternedDocs {
    std::vector<WordCounts> tables; // by worker
    std::vector<std::int32_t> ids;  // local to the worker of their document
    std::vector<std::uint16_t> docWorker;
    std::vector<std::uint32_t> docLength;
};

InternedDocs internAll(std::size_t n, const ChunkFn& chunk, const SplitFn& split,
                       const NumericalizeOptions& options, Observer* observer, const CancelToken* cancel) {
    const int threads = options.threads > 0 ? options.threads : defaultThreadCount();
    const auto workers = static_cast<std::size_t>(threads);
    InternedDocs interned{
        std::vector<WordCounts>(workers), {}, std::vector<std::uint16_t>(n), std::vector<std::uint32_t>(n)};
    IdsInOrder inOrder(options.expectedTokens > 0 ? options.expectedTokens + options.expectedTokens / 8 : 0);
    std::vector<ChunkInterner> interners(workers, ChunkInterner(split));
    DocumentProgress progress(observer, n, "tokenize");
    parallelFor(n, threads, options.docsPerTask, [&](std::size_t begin, std::size_t end, int worker) {
        throwIfCancelled(cancel);
        auto& interner = interners[static_cast<std::size_t>(worker)];
        std::vector<std::int32_t> ids = inOrder.buffer();
        thread_local text::Chunks chunks;
        for (std::size_t doc = begin; doc < end; ++doc) {
            chunk(doc, worker, chunks);
            const std::size_t start = ids.size();
            interner.internDocument(chunks, doc, ids);
            interned.docWorker[doc] = static_cast<std::uint16_t>(worker);
            interned.docLength[doc] = static_cast<std::uint32_t>(ids.size() - start);
        }
        inOrder.add(begin, end, std::move(ids));
        progress.add(end - begin);
    });
    throwIfCancelled(cancel);
    interned.ids = inOrder.take();
    parallelFor(workers, threads, 1, [&](std::size_t begin, std::size_t end, int) {
        for (std::size_t w = begin; w < end; ++w)
            interned.tables[w] = std::move(interners[w]).wordCounts();
    });
    return interned;
}

/// The ids of `interned` as vocab ids, in place, with the documents' offsets.
void numericalize(InternedDocs& interned, int threads, NumericalizedDocs& result) {
    const std::size_t n = interned.docLength.size();
    result.offsets.assign(n + 1, 0);
    for (std::size_t doc = 0; doc < n; ++doc)
        result.offsets[doc + 1] = result.offsets[doc] + interned.docLength[doc];
    std::vector<std::vector<std::int32_t>> remaps(interned.tables.size());
    parallelFor(remaps.size(), threads, 1, [&](std::size_t begin, std::size_t end, int) {
        for (std::size_t t = begin; t < end; ++t)
            remaps[t] = remapTable(interned.tables[t], result.vocab);
    });
    interned.tables.clear();
    result.tokens = std::move(interned.ids);
    parallelFor(n, threads, 1024, [&](std::size_t begin, std::size_t end, int) {
        for (std::size_t doc = begin; doc < end; ++doc) {
            const auto& remap = remaps[interned.docWorker[doc]];
            std::int32_t* ids = result.tokens.data() + result.offsets[doc];
            for (std::uint32_t k = 0; k < interned.docLength[doc]; ++k)
                ids[k] = remap[static_cast<std::size_t>(ids[k])];
        }
    });
}

} // namespace

std::string NumericalizeSeconds::summary() const {
    char text[96];
    std::snprintf(text, sizeof text, "tokenize %.2f s, vocabulary %.2f s, numericalize %.2f s", tokenize, vocabulary,
                  numericalize);
    return text;
}

NumericalizedDocs numericalizeDocuments(std::size_t n, const ChunkFn& chunk, const SplitFn& split,
                                        const std::vector<std::string>& specials,
                                        const NumericalizeOptions& options, Observer* observer,
                                        const CancelToken* cancel) {
    using Clock = std::chrono::steady_clock;
    const auto secondsSince = [](Clock::time_point start) {
        return std::chrono::duration<double>(Clock::now() - start).count();
    };
    auto start = Clock::now();
    NumericalizedDocs result;
    InternedDocs interned = internAll(n, chunk, split, options, observer, cancel);
    result.seconds.tokenize = secondsSince(start);
    start = Clock::now();
    const auto limit = static_cast<std::size_t>(std::max(0, options.vocab.maxVocab));
    result.vocab = Vocab::build(mergeCounts(interned.tables, limit), specials, options.vocab);
    result.seconds.vocabulary = secondsSince(start);
    start = Clock::now();
    numericalize(interned, options.threads, result);
    result.seconds.numericalize = secondsSince(start);
    return result;
}

} // namespace ulmfit
