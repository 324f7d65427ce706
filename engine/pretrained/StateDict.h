#pragma once
#include <torch/types.h>

#include <string>
#include <utility>
#include <vector>

namespace ulmfit {

/// A PyTorch state dict as torch.save stores it: names to tensors, in the file's order (fastai's
/// load_pretrained matches parameters by position, so the order is part of the format).
/// Tensors that share storage in the file (fastai's tied embedding and decoder) share it here.
class StateDict {
  public:
    using Entry = std::pair<std::string, torch::Tensor>;

    bool contains(const std::string& key) const { return find(key) != nullptr; }
    /// nullptr when absent.
    const torch::Tensor* find(const std::string& key) const;
    /// Throws ulmfit::Error naming the key when absent.
    const torch::Tensor& at(const std::string& key) const;
    /// Replaces the tensor of an existing key in place, or appends a new entry.
    void set(const std::string& key, torch::Tensor tensor);
    bool erase(const std::string& key);

    const std::vector<Entry>& entries() const { return m_entries; }
    std::vector<std::string> keys() const;
    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }

  private:
    std::vector<Entry> m_entries;
};

/// "[60000, 400]" for error messages.
std::string shapeText(at::IntArrayRef sizes);

} // namespace ulmfit
