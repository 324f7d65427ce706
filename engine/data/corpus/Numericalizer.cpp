#include "data/corpus/Numericalizer.h"

#include "core/DocumentProgress.h"
#include "core/ParallelFor.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <mutex>
#include <string_view>
#include <unordered_map>

namespace ulmfit {
namespace {

/// One worker's interned tokens: local id -> word, count and first occurrence (doc << 32 | position).
/// An open-addressing table of (hash, id) pairs: a lookup usually touches one slot and one word,
/// where std::unordered_map chased a node pointer per probe (it was a fifth of the corpus build).
class WorkerTable {
public:
    std::vector<std::string> words;
    std::vector<std::int64_t> counts;
    std::vector<std::uint64_t> first;

    std::int32_t intern(std::string& word, std::uint64_t where) {
        if ((words.size() + 1) * 2 > m_slots.size())
            grow();
        const std::uint64_t hash = std::hash<std::string_view>{}(word);
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.id < 0) {
                slot = {hash, static_cast<std::int32_t>(words.size())};
                words.push_back(std::move(word));
                counts.push_back(1);
                first.push_back(where);
                return slot.id;
            }
            if (slot.hash == hash && words[static_cast<std::size_t>(slot.id)] == word) {
                ++counts[static_cast<std::size_t>(slot.id)];
                return slot.id;
            }
        }
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::int32_t id = -1; // -1: empty
    };
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;

    void grow() {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(std::max<std::size_t>(1024, old.size() * 2), Slot{});
        m_mask = m_slots.size() - 1;
        for (const Slot& slot : old) {
            if (slot.id < 0)
                continue;
            std::size_t i = slot.hash & m_mask;
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
    for (const auto& table : tables)
        for (std::size_t i = 0; i < table.words.size(); ++i) {
            auto& m = merged[table.words[i]];
            m.count += table.counts[i];
            m.first = std::min(m.first, table.first[i]);
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
    std::vector<std::int32_t> remap(table.words.size());
    for (std::size_t i = 0; i < remap.size(); ++i)
        remap[i] = vocab.id(table.words[i]);
    return remap;
}

/// Every document as ids local to the worker that tokenized it.
struct InternedDocs {
    std::vector<WorkerTable> tables;
    std::vector<std::vector<std::int32_t>> localIds;
    std::vector<std::uint16_t> docWorker;
};

InternedDocs internAll(std::size_t n, const TokenizeFn& tokenize, const NumericalizeOptions& options,
                       Observer* observer, const CancelToken* cancel) {
    const int threads = options.threads > 0 ? options.threads : defaultThreadCount();
    InternedDocs interned{std::vector<WorkerTable>(static_cast<std::size_t>(threads)),
                          std::vector<std::vector<std::int32_t>>(n), std::vector<std::uint16_t>(n)};
    DocumentProgress progress(observer, n, "tokenize");
    parallelFor(n, threads, options.chunk, [&](std::size_t begin, std::size_t end, int worker) {
        throwIfCancelled(cancel);
        auto& table = interned.tables[static_cast<std::size_t>(worker)];
        std::vector<std::string> words;
        for (std::size_t doc = begin; doc < end; ++doc) {
            tokenize(doc, words);
            auto& ids = interned.localIds[doc];
            ids.reserve(words.size());
            for (std::size_t pos = 0; pos < words.size(); ++pos)
                ids.push_back(table.intern(words[pos], (std::uint64_t(doc) << 32) | pos));
            interned.docWorker[doc] = static_cast<std::uint16_t>(worker);
        }
        progress.add(end - begin);
    });
    throwIfCancelled(cancel);
    return interned;
}

/// Rewrites the local ids as vocab ids into one flat array, freeing each document's vector as it goes.
void flatten(InternedDocs& interned, NumericalizedDocs& result) {
    std::vector<std::vector<std::int32_t>> remaps;
    for (const auto& table : interned.tables)
        remaps.push_back(remapTable(table, result.vocab));
    interned.tables.clear();
    const std::size_t n = interned.localIds.size();
    result.offsets.assign(n + 1, 0);
    for (std::size_t doc = 0; doc < n; ++doc)
        result.offsets[doc + 1] = result.offsets[doc] + static_cast<std::int64_t>(interned.localIds[doc].size());
    result.tokens.resize(static_cast<std::size_t>(result.offsets[n]));
    for (std::size_t doc = 0; doc < n; ++doc) {
        const auto& remap = remaps[interned.docWorker[doc]];
        auto out = result.tokens.begin() + result.offsets[doc];
        for (const std::int32_t local : interned.localIds[doc])
            *out++ = remap[static_cast<std::size_t>(local)];
        std::vector<std::int32_t>().swap(interned.localIds[doc]);
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
