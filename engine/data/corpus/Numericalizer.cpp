#include "data/corpus/Numericalizer.h"

#include "core/DocumentProgress.h"
#include "core/Memory.h"
#include "data/text/WordKey.h"
#include "core/ParallelFor.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <limits>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace ulmfit {
namespace {

/// One worker's interned tokens: local id -> word, count and first occurrence (doc << 32 | position).
/// An open-addressing table of (key, length, id) slots over one buffer of the words' bytes: a
/// lookup usually touches one slot, and interning a new word allocates nothing of its own
/// (std::unordered_map<std::string, ...> chased a node per probe and allocated one per word).
class WorkerTable {
public:
    std::int32_t intern(std::string_view word, std::uint64_t where) {
        if ((m_starts.size() + 1) * 2 > m_slots.size())
            grow();
        const std::uint64_t key = text::wordKey(word);
        const auto length = static_cast<std::uint32_t>(word.size());
        for (std::size_t i = text::slotHash(key) & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.id < 0) {
                slot = {key, 1, length, static_cast<std::int32_t>(m_starts.size())};
                m_starts.push_back(m_bytes.size());
                m_bytes.append(word);
                m_first.push_back(where);
                return slot.id;
            }
            if (slot.key == key && slot.length == length &&
                (length <= 8 || word == this->word(static_cast<std::size_t>(slot.id)))) {
                ++slot.count;
                return slot.id;
            }
        }
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
    struct Slot { // the count lives here too: a lookup touches one cache line
        std::uint64_t key = 0;
        std::int64_t count = 0;
        std::uint32_t length = 0;
        std::int32_t id = -1; // -1: empty
    };
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::string m_bytes;               // every word's bytes, back to back
    std::vector<std::size_t> m_starts; // where word id starts in m_bytes
    std::vector<std::uint64_t> m_first;

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

struct MergedToken {
    std::int64_t count = 0;
    std::uint64_t first = std::numeric_limits<std::uint64_t>::max();
};

/// Sums the per-worker counts; returns them in first-occurrence order (the vocab's tie-break).
std::vector<TokenCount> mergeCounts(const std::vector<WorkerTable>& tables) {
    std::unordered_map<std::string_view, MergedToken> merged;
    for (const auto& table : tables) {
        const std::vector<std::int64_t> counts = table.counts();
        for (std::size_t i = 0; i < table.size(); ++i) {
            auto& m = merged[table.word(i)];
            m.count += counts[i];
            m.first = std::min(m.first, table.first(i));
        }
    }
    std::vector<std::pair<std::uint64_t, TokenCount>> ordered;
    ordered.reserve(merged.size());
    for (const auto& [word, m] : merged)
        ordered.push_back({m.first, TokenCount{std::string(word), m.count}});
    std::sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<TokenCount> counts;
    counts.reserve(ordered.size());
    for (auto& o : ordered)
        counts.push_back(std::move(o.second));
    return counts;
}

std::vector<std::int32_t> remapTable(const WorkerTable& table, const Vocab& vocab) {
    std::vector<std::int32_t> remap(table.size());
    for (std::size_t i = 0; i < remap.size(); ++i)
        remap[i] = vocab.id(table.word(i));
    return remap;
}

/// Every document as ids local to the worker that tokenized it, each worker's documents back to
/// back in one array (one vector per document was 50,000 allocations and their page faults).
struct InternedDocs {
    std::vector<WorkerTable> tables;
    std::vector<std::vector<std::int32_t>> workerIds;
    std::vector<std::uint16_t> docWorker;
    std::vector<std::size_t> docStart;   // where the document starts in its worker's array
    std::vector<std::uint32_t> docLength;
};

InternedDocs internAll(std::size_t n, const TokenizeFn& tokenize, const NumericalizeOptions& options,
                       Observer* observer, const CancelToken* cancel) {
    const int threads = options.threads > 0 ? options.threads : defaultThreadCount();
    const auto workers = static_cast<std::size_t>(threads);
    InternedDocs interned{std::vector<WorkerTable>(workers), std::vector<std::vector<std::int32_t>>(workers),
                          std::vector<std::uint16_t>(n), std::vector<std::size_t>(n), std::vector<std::uint32_t>(n)};
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
            for (std::size_t pos = 0; pos < words.size(); ++pos)
                pushBackHugePages(ids, table.intern(words[pos], (std::uint64_t(doc) << 32) | pos));
        }
        progress.add(end - begin);
    });
    throwIfCancelled(cancel);
    return interned;
}

/// Rewrites the local ids as vocab ids into one flat array, in document order.
void flatten(InternedDocs& interned, NumericalizedDocs& result) {
    std::vector<std::vector<std::int32_t>> remaps;
    for (const auto& table : interned.tables)
        remaps.push_back(remapTable(table, result.vocab));
    interned.tables.clear();
    const std::size_t n = interned.docLength.size();
    result.offsets.assign(n + 1, 0);
    for (std::size_t doc = 0; doc < n; ++doc)
        result.offsets[doc + 1] = result.offsets[doc] + interned.docLength[doc];
    reserveHugePages(result.tokens, static_cast<std::size_t>(result.offsets[n]));
    result.tokens.resize(static_cast<std::size_t>(result.offsets[n]));
    for (std::size_t doc = 0; doc < n; ++doc) {
        const auto& remap = remaps[interned.docWorker[doc]];
        const std::int32_t* local = interned.workerIds[interned.docWorker[doc]].data() + interned.docStart[doc];
        auto out = result.tokens.begin() + result.offsets[doc];
        for (std::uint32_t k = 0; k < interned.docLength[doc]; ++k)
            *out++ = remap[static_cast<std::size_t>(local[k])];
    }
}

} // namespace

NumericalizedDocs numericalizeDocuments(std::size_t n, const TokenizeFn& tokenize,
                                        const std::vector<std::string>& specials,
                                        const NumericalizeOptions& options, Observer* observer,
                                        const CancelToken* cancel) {
    InternedDocs interned = internAll(n, tokenize, options, observer, cancel);
    NumericalizedDocs result;
    result.vocab = Vocab::build(mergeCounts(interned.tables), specials, options.vocab);
    flatten(interned, result);
    return result;
}

} // namespace ulmfit
