#include "data/corpus/Numericalizer.h"

#include "core/DocumentProgress.h"
#include "core/Memory.h"
#include "core/ParallelFor.h"
#include "data/text/WordKey.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <future>
#include <string_view>

namespace ulmfit {
namespace {

/// Words with their counts and first occurrences (doc << 32 | position), by id in order of first
/// addition: one per worker while tokenizing, then one merging them all. An open-addressing table of
/// (key, count, length, id) slots over one buffer of the words' bytes: a lookup usually touches one
/// slot, and a new word allocates nothing of its own (std::unordered_map<std::string, ...> chased a
/// node per probe and allocated one per word).
class WordTable {
public:
    /// Counts the words of document `doc`, in order, appending their ids to `ids`. A worker sees its
    /// documents in increasing order, so a word's first count is its first occurrence.
    void internDocument(const text::TokenList& words, std::size_t doc, std::vector<std::int32_t>& ids) {
        lookUpInBlocks(
            words.size(), [&](std::size_t pos) { return words[pos]; },
            [&](std::size_t pos) { return (std::uint64_t(doc) << 32) | pos; },
            [&](std::size_t, Slot& slot, bool added) {
                if (!added)
                    ++slot.count;
                pushBackHugePages(ids, slot.id);
            });
    }

    /// Adds every word of `other` with its count and first occurrence.
    void merge(const WordTable& other) {
        const std::vector<std::int64_t> counts = other.counts();
        lookUpInBlocks(
            other.size(), [&](std::size_t i) { return other.word(i); }, [&](std::size_t i) { return other.first(i); },
            [&](std::size_t i, Slot& slot, bool added) {
                slot.count += counts[i] - (added ? 1 : 0);
                auto& first = m_first[static_cast<std::size_t>(slot.id)];
                first = std::min(first, other.first(i));
            });
    }

    std::size_t size() const { return m_starts.size(); }
    std::string_view word(std::size_t id) const {
        const std::size_t end = id + 1 < m_starts.size() ? m_starts[id + 1] : m_bytes.size();
        return std::string_view(m_bytes).substr(m_starts[id], end - m_starts[id]);
    }
    std::uint64_t first(std::size_t id) const { return m_first[id]; }

    /// Every word's count, by id.
    std::vector<std::int64_t> counts() const {
        std::vector<std::int64_t> counts(size());
        for (const Slot& slot : m_slots)
            if (slot.id >= 0)
                counts[static_cast<std::size_t>(slot.id)] = slot.count;
        return counts;
    }

private:
    struct alignas(32) Slot { // the count lives here too: a lookup touches one cache line
        text::WordKey key;
        std::int64_t count = 0;
        std::uint32_t length = 0;
        std::int32_t id = -1; // -1: empty
    };
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::string m_bytes;               // every word's bytes, back to back
    std::vector<std::size_t> m_starts; // where word id starts in m_bytes
    std::vector<std::uint64_t> m_first;

    /// Room for `count` more words at no more than half full.
    void reserveFor(std::size_t count) {
        while ((m_starts.size() + count) * 2 > m_slots.size())
            grow();
    }

    /// Finds words 0..n-1 (`wordAt(i)`, first seen at `whereOf(i)` if new) a block at a time: the
    /// block's keys first, each starting the load of its slot, so that the cache misses of rare words
    /// overlap instead of following each other (they were half of interning's time); then
    /// `visit(i, slot, added)` for each, in order.
    template <typename WordAt, typename WhereOf, typename Visit>
    void lookUpInBlocks(std::size_t n, WordAt wordAt, WhereOf whereOf, Visit visit) {
        constexpr std::size_t kBlock = 64;
        text::WordKey keys[kBlock];
        for (std::size_t begin = 0; begin < n; begin += kBlock) {
            const std::size_t end = std::min(n, begin + kBlock);
            reserveFor(end - begin); // no growth inside the block: the prefetched slots stay right
            for (std::size_t i = begin; i < end; ++i) {
                keys[i - begin] = text::wordKey(wordAt(i));
                prefetchSlot(keys[i - begin]);
            }
            for (std::size_t i = begin; i < end; ++i) {
                bool added = false;
                Slot& slot = find(wordAt(i), keys[i - begin], added, whereOf(i));
                visit(i, slot, added);
            }
        }
    }

    void prefetchSlot(const text::WordKey& key) const {
#if defined(__GNUC__)
        __builtin_prefetch(&m_slots[text::slotHash(key) & m_mask]);
#else
        (void)key;
#endif
    }

    /// The slot of `word` (whose wordKey is `key`), added with a count of 1 at `where` when it is new.
    /// The caller has made room (reserveFor).
    Slot& find(std::string_view word, const text::WordKey& key, bool& added, std::uint64_t where) {
        const auto length = static_cast<std::uint32_t>(word.size());
        for (std::size_t i = text::slotHash(key) & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.id < 0) {
                slot = {key, 1, length, static_cast<std::int32_t>(m_starts.size())};
                m_starts.push_back(m_bytes.size());
                m_bytes.append(word);
                m_first.push_back(where);
                added = true;
                return slot;
            }
            if (slot.key == key && slot.length == length &&
                (text::isExactKey(length) || word == this->word(static_cast<std::size_t>(slot.id))))
                return slot;
        }
    }

    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
        m_mask = m_slots.size() - 1;
        for (const Slot& slot : old) {
            if (slot.id < 0)
                continue;
            std::size_t i = text::slotHash(slot.key) & m_mask;
            while (m_slots[i].id >= 0)
                i = (i + 1) & m_mask;
            m_slots[i] = slot;
        }
    }
};

/// Sums the per-worker counts into the first worker's table (the others' words are added to it);
/// returns the `limit` most common words, ties in first-occurrence order: what Vocab::build keeps
/// (fastai's Counter.most_common(max_vocab)), already in its order, without making strings of the
/// other half of the IMDb's 121,768 words.
std::vector<TokenCount> mergeCounts(std::vector<WordTable>& tables, std::size_t limit) {
    WordTable& merged = tables.front();
    for (std::size_t t = 1; t < tables.size(); ++t)
        merged.merge(tables[t]);
    const std::vector<std::int64_t> totals = merged.counts();
    struct Rank {
        std::int64_t count;
        std::uint64_t first;
        std::size_t id;
        bool operator<(const Rank& other) const {
            return count != other.count ? count > other.count : first < other.first;
        }
    };
    std::vector<Rank> ranks(merged.size());
    for (std::size_t i = 0; i < ranks.size(); ++i)
        ranks[i] = {totals[i], merged.first(i), i};
    const auto keep = ranks.begin() + static_cast<std::ptrdiff_t>(std::min(limit, ranks.size()));
    std::partial_sort(ranks.begin(), keep, ranks.end());
    std::vector<TokenCount> counts;
    counts.reserve(static_cast<std::size_t>(keep - ranks.begin()));
    for (auto rank = ranks.begin(); rank != keep; ++rank)
        counts.push_back(TokenCount{std::string(merged.word(rank->id)), rank->count});
    return counts;
}

std::vector<std::int32_t> remapTable(const WordTable& table, const Vocab& vocab) {
    std::vector<std::int32_t> remap(table.size());
    for (std::size_t i = 0; i < remap.size(); ++i)
        remap[i] = vocab.id(table.word(i));
    return remap;
}

/// Every document as ids local to the worker that tokenized it, each worker's documents back to
/// back in one array (one vector per document was 50,000 allocations and their page faults).
struct InternedDocs {
    std::vector<WordTable> tables;
    std::vector<std::vector<std::int32_t>> workerIds;
    std::vector<std::uint16_t> docWorker;
    std::vector<std::size_t> docStart;   // where the document starts in its worker's array
    std::vector<std::uint32_t> docLength;
};

InternedDocs internAll(std::size_t n, const TokenizeFn& tokenize, const NumericalizeOptions& options,
                       Observer* observer, const CancelToken* cancel) {
    const int threads = options.threads > 0 ? options.threads : defaultThreadCount();
    const auto workers = static_cast<std::size_t>(threads);
    InternedDocs interned{std::vector<WordTable>(workers), std::vector<std::vector<std::int32_t>>(workers),
                          std::vector<std::uint16_t>(n), std::vector<std::size_t>(n), std::vector<std::uint32_t>(n)};
    if (options.expectedTokens > 0) // untouched capacity costs nothing; growing copies and faults
        for (auto& ids : interned.workerIds)
            reserveHugePages(ids, options.expectedTokens / workers + options.expectedTokens / 4);
    DocumentProgress progress(observer, n, "tokenize");
    parallelFor(n, threads, options.chunk, [&](std::size_t begin, std::size_t end, int worker) {
        throwIfCancelled(cancel);
        auto& table = interned.tables[static_cast<std::size_t>(worker)];
        auto& ids = interned.workerIds[static_cast<std::size_t>(worker)];
        thread_local text::TokenList words;
        for (std::size_t doc = begin; doc < end; ++doc) {
            tokenize(doc, worker, words);
            interned.docWorker[doc] = static_cast<std::uint16_t>(worker);
            interned.docStart[doc] = ids.size();
            interned.docLength[doc] = static_cast<std::uint32_t>(words.size());
            table.internDocument(words, doc, ids);
        }
        progress.add(end - begin);
    });
    throwIfCancelled(cancel);
    return interned;
}

/// The offsets of the documents in the flat id array, and the array at its size (its pages faulted
/// in, if not already for the expected count).
void allocateIds(const InternedDocs& interned, NumericalizedDocs& result) {
    const std::size_t n = interned.docLength.size();
    result.offsets.assign(n + 1, 0);
    for (std::size_t doc = 0; doc < n; ++doc)
        result.offsets[doc + 1] = result.offsets[doc] + interned.docLength[doc];
    reserveHugePages(result.tokens, static_cast<std::size_t>(result.offsets[n]));
    result.tokens.resize(static_cast<std::size_t>(result.offsets[n]));
}

/// Rewrites the local ids as vocab ids into the flat array (allocateIds), in document order, on
/// `threads` workers.
void flatten(InternedDocs& interned, int threads, NumericalizedDocs& result) {
    std::vector<std::vector<std::int32_t>> remaps(interned.tables.size());
    parallelFor(remaps.size(), threads, 1, [&](std::size_t begin, std::size_t end, int) {
        for (std::size_t t = begin; t < end; ++t)
            remaps[t] = remapTable(interned.tables[t], result.vocab);
    });
    interned.tables.clear();
    const std::size_t n = interned.docLength.size();
    parallelFor(n, threads, 1024, [&](std::size_t begin, std::size_t end, int) {
        for (std::size_t doc = begin; doc < end; ++doc) {
            const auto& remap = remaps[interned.docWorker[doc]];
            const std::int32_t* local = interned.workerIds[interned.docWorker[doc]].data() + interned.docStart[doc];
            std::int32_t* out = result.tokens.data() + result.offsets[doc];
            for (std::uint32_t k = 0; k < interned.docLength[doc]; ++k)
                out[k] = remap[static_cast<std::size_t>(local[k])];
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

NumericalizedDocs numericalizeDocuments(std::size_t n, const TokenizeFn& tokenize,
                                        const std::vector<std::string>& specials,
                                        const NumericalizeOptions& options, Observer* observer,
                                        const CancelToken* cancel) {
    using Clock = std::chrono::steady_clock;
    const auto secondsSince = [](Clock::time_point start) {
        return std::chrono::duration<double>(Clock::now() - start).count();
    };
    auto start = Clock::now();
    NumericalizedDocs result;
    // The flat id array (60 MB for the IMDb) is allocated and faulted in from the expected count on a
    // thread of its own while the documents are tokenized. Faulted in later, beside the vocabulary,
    // it waited in a third of the runs for the kernel to compact memory into 2 MB pages.
    std::future<void> allocation;
    if (options.expectedTokens > 0)
        allocation = std::async(std::launch::async, [&result, expected = options.expectedTokens] {
            reserveHugePages(result.tokens, expected + expected / 8);
            result.tokens.resize(expected);
        });
    InternedDocs interned = internAll(n, tokenize, options, observer, cancel);
    if (allocation.valid())
        allocation.get();
    result.seconds.tokenize = secondsSince(start);
    start = Clock::now();
    const auto limit = static_cast<std::size_t>(std::max(0, options.vocab.maxVocab));
    result.vocab = Vocab::build(mergeCounts(interned.tables, limit), specials, options.vocab);
    allocateIds(interned, result);
    result.seconds.vocabulary = secondsSince(start);
    start = Clock::now();
    flatten(interned, options.threads, result);
    result.seconds.numericalize = secondsSince(start);
    return result;
}

} // namespace ulmfit
