#include "data/corpus/IdsInOrder.h"

#include "core/Memory.h"

#include <stdexcept>
#include <string>

namespace ulmfit {

IdsInOrder::IdsInOrder(std::size_t expected) {
    if (expected > 0)
        reserveHugePages(m_ids, expected);
}

std::vector<std::int32_t> IdsInOrder::buffer() {
    std::lock_guard lock(m_mutex);
    if (m_spare.empty())
        return {};
    std::vector<std::int32_t> ids = std::move(m_spare.back());
    m_spare.pop_back();
    ids.clear();
    return ids;
}

void IdsInOrder::add(std::size_t begin, std::size_t end, std::vector<std::int32_t> ids) {
    std::lock_guard lock(m_mutex);
    if (begin != m_next) {
        m_waiting.emplace(begin, Waiting{end, std::move(ids)});
        return;
    }
    append(ids);
    m_next = end;
    for (auto next = m_waiting.begin(); next != m_waiting.end() && next->first == m_next;
         next = m_waiting.erase(next)) {
        append(next->second.ids);
        m_next = next->second.end;
    }
}

void IdsInOrder::append(std::vector<std::int32_t>& ids) {
    makeRoomHugePages(m_ids, ids.size());
    m_ids.insert(m_ids.end(), ids.begin(), ids.end());
    m_spare.push_back(std::move(ids));
}

std::vector<std::int32_t> IdsInOrder::take() {
    std::lock_guard lock(m_mutex);
    if (!m_waiting.empty())
        throw std::logic_error("IdsInOrder: the documents from " + std::to_string(m_next) +
                               " on are missing");
    m_spare.clear();
    return std::move(m_ids);
}

} // namespace ulmfit
