#pragma once
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

namespace ulmfit {

/// A corpus's token ids in document order, in one array, from tasks of consecutive documents that
/// finish in any order on several threads: a task's ids wait in a buffer of their own until every
/// task before it is in. (Each worker keeping an array of its own, copied in order at the end,
/// touched twice the memory: 60 MB more for the IMDb, in a guest whose host backs memory lazily a
/// fault of a few milliseconds per megabyte.)
class IdsInOrder {
public:
    /// Room for `expected` ids to begin with (in 2 MB pages; 0 = none).
    explicit IdsInOrder(std::size_t expected = 0);

    /// An empty buffer for one task's ids: a reused one when there is one. Thread-safe.
    std::vector<std::int32_t> buffer();

    /// Hands in the ids of the task of documents [begin, end). Thread-safe.
    void add(std::size_t begin, std::size_t end, std::vector<std::int32_t> ids);

    /// Every id handed in, in document order. Throws std::logic_error if a task before the last one
    /// handed in is missing.
    std::vector<std::int32_t> take();

private:
    struct Waiting {
        std::size_t end;
        std::vector<std::int32_t> ids;
    };
    void append(std::vector<std::int32_t>& ids); // with m_mutex held

    std::mutex m_mutex;
    std::vector<std::int32_t> m_ids;
    std::size_t m_next = 0;                   // the first document whose ids are not in m_ids
    std::map<std::size_t, Waiting> m_waiting; // tasks handed in ahead of m_next, by first document
    std::vector<std::vector<std::int32_t>> m_spare;
};

} // namespace ulmfit
