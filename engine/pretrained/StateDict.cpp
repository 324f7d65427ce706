#include "pretrained/StateDict.h"

#include "core/Error.h"

#include <algorithm>

namespace ulmfit {

const torch::Tensor* StateDict::find(const std::string& key) const {
    for (const auto& [k, t] : m_entries)
        if (k == key)
            return &t;
    return nullptr;
}

const torch::Tensor& StateDict::at(const std::string& key) const {
    if (const auto* t = find(key))
        return *t;
    throw Error("the state dict has no tensor \"" + key + "\"");
}

void StateDict::set(const std::string& key, torch::Tensor tensor) {
    for (auto& [k, t] : m_entries)
        if (k == key) {
            t = std::move(tensor);
            return;
        }
    m_entries.emplace_back(key, std::move(tensor));
}

bool StateDict::erase(const std::string& key) {
    const auto it =
        std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry& e) { return e.first == key; });
    if (it == m_entries.end())
        return false;
    m_entries.erase(it);
    return true;
}

std::vector<std::string> StateDict::keys() const {
    std::vector<std::string> keys;
    for (const auto& e : m_entries)
        keys.push_back(e.first);
    return keys;
}

std::string shapeText(at::IntArrayRef sizes) {
    std::string text = "[";
    for (std::size_t i = 0; i < sizes.size(); ++i)
        text += (i ? ", " : "") + std::to_string(sizes[i]);
    return text + "]";
}

} // namespace ulmfit
