#pragma once
#include "core/Memory.h"
#include "data/text/WordKey.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ulmfit {

/// Distinct strings numbered 0, 1, ... in order of first addition, each slot carrying a `Payload`
/// of 8 bytes for its user (a count, say). An open-addressing table of (key, length, id, payload)
/// slots over one buffer of the strings' bytes: a lookup usually touches one slot, and a new string
/// allocates nothing of its own (std::unordered_map<std::string, ...> chased a node per probe and
/// allocated one per string).
template <typename Payload>
class StringTable {
public:
    struct alignas(32) Slot { // half a cache line: the payload lives beside the key
        text::WordKey key;
        std::uint32_t length = 0;
        std::int32_t id = -1; // -1: empty
        Payload payload{};
    };
    static_assert(sizeof(Payload) <= 8, "a slot is 32 bytes");

    std::size_t size() const { return m_starts.size(); }
    std::string_view string(std::size_t id) const {
        const std::size_t end = id + 1 < m_starts.size() ? m_starts[id + 1] : m_bytes.size();
        return std::string_view(m_bytes).substr(m_starts[id], end - m_starts[id]);
    }

    /// Finds strings 0..n-1 (`stringAt(i)`), adding those that are new, a block at a time: the
    /// block's keys first, each starting the load of its slot, then the block's slots, each passed
    /// to `prepare(slot, added)` (to start loading what the slot points to), so that the cache misses
    /// of rare strings overlap instead of following each other (they were half of interning's time);
    /// then `visit(i, slot, added)` for each, in order. Neither may add to this table.
    template <typename StringAt, typename Visit, typename Prepare>
    void lookUpInBlocks(std::size_t n, StringAt stringAt, Visit visit, Prepare prepare) {
        constexpr std::size_t kBlock = 64;
        text::WordKey keys[kBlock];
        std::uint64_t hashes[kBlock]; // computed once: the slot's hash is a fifth of a lookup's instructions
        Slot* slots[kBlock];
        bool added[kBlock];
        for (std::size_t begin = 0; begin < n; begin += kBlock) {
            const std::size_t end = std::min(n, begin + kBlock);
            reserveFor(end - begin); // no growth inside the block: the slots stay where they are
            for (std::size_t i = begin; i < end; ++i) {
                keys[i - begin] = text::wordKey(stringAt(i));
                hashes[i - begin] = text::slotHash(keys[i - begin]);
                prefetch(&m_slots[hashes[i - begin] & m_mask]);
            }
            for (std::size_t i = begin; i < end; ++i) {
                added[i - begin] = false;
                slots[i - begin] = &find(stringAt(i), keys[i - begin], hashes[i - begin], added[i - begin]);
                prepare(*slots[i - begin], added[i - begin]);
            }
            for (std::size_t i = begin; i < end; ++i)
                visit(i, *slots[i - begin], added[i - begin]);
        }
    }

    template <typename StringAt, typename Visit>
    void lookUpInBlocks(std::size_t n, StringAt stringAt, Visit visit) {
        lookUpInBlocks(n, stringAt, visit, [](const Slot&, bool) {});
    }

    /// The id of `s`, added if new.
    std::int32_t idOf(std::string_view s) {
        reserveFor(1);
        bool added = false;
        const text::WordKey key = text::wordKey(s);
        return find(s, key, text::slotHash(key), added).id;
    }

    /// Calls `visit(slot)` for every string's slot, in no particular order.
    template <typename Visit>
    void forEachSlot(Visit visit) const {
        for (const Slot& slot : m_slots)
            if (slot.id >= 0)
                visit(slot);
    }

private:
    std::vector<Slot> m_slots;
    std::size_t m_mask = 0;
    std::string m_bytes;               // every string's bytes, back to back
    std::vector<std::size_t> m_starts; // where string id starts in m_bytes

    /// Room for `count` more strings at no more than half full.
    void reserveFor(std::size_t count) {
        while ((m_starts.size() + count) * 2 > m_slots.size())
            grow();
    }

    /// The slot of `s` (whose wordKey is `key`, of slotHash `hash`), added when it is new. The caller
    /// has made room.
    Slot& find(std::string_view s, const text::WordKey& key, std::uint64_t hash, bool& added) {
        const auto length = static_cast<std::uint32_t>(s.size());
        for (std::size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            Slot& slot = m_slots[i];
            if (slot.id < 0) {
                slot.key = key;
                slot.length = length;
                slot.id = static_cast<std::int32_t>(m_starts.size());
                m_starts.push_back(m_bytes.size());
                m_bytes.append(s);
                added = true;
                return slot;
            }
            if (slot.key == key && slot.length == length &&
                (text::isExactKey(length) || s == string(static_cast<std::size_t>(slot.id))))
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

} // namespace ulmfit
