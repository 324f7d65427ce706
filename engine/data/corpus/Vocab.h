#pragma once
#include "recipe/VocabOptions.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ulmfit {

/// A token's corpus frequency; `build` expects these in tie-break order (first occurrence in corpus order).
struct TokenCount {
    std::string token;
    std::int64_t count = 0;
};

/// The token <-> id mapping of fastai's Numericalize: special tokens first (so xxunk = 0, xxpad = 1),
/// then tokens by decreasing frequency, padded with `xxfake` to a multiple of 8.
class Vocab {
  public:
    static constexpr std::int32_t kUnkId = 0; // xxunk: fastai maps unknown tokens to index 0
    static constexpr std::int32_t kPadId = 1; // xxpad
    static constexpr const char* kFakeToken = "xxfake";

    Vocab() = default;
    explicit Vocab(std::vector<std::string> itos);

    /// fastai's make_vocab: the `maxVocab` most common tokens with count >= minFreq, `specials` moved to
    /// the front, truncated to maxVocab, then 8 - size % 8 `xxfake` tokens appended (1..8, as fastai does).
    /// Ties in count keep the order of `counts` (stable sort), which callers make first-occurrence order.
    static Vocab build(std::vector<TokenCount> counts, const std::vector<std::string>& specials,
                       const VocabOptions& options = {});

    std::size_t size() const { return m_itos.size(); }
    bool empty() const { return m_itos.empty(); }
    const std::vector<std::string>& itos() const { return m_itos; }

    std::int32_t id(std::string_view token) const;   // unknown -> kUnkId
    const std::string& token(std::int32_t id) const; // out of range -> throws ulmfit::Error
    std::vector<std::int32_t> encode(const std::vector<std::string>& tokens) const;
    std::vector<std::string> decodeTokens(const std::int32_t* ids, std::size_t n, bool skipPad = true) const;
    /// Tokens joined by spaces, as fastai's show_batch displays them; padding omitted.
    std::string decode(const std::int32_t* ids, std::size_t n) const;
    std::string decode(const std::vector<std::int32_t>& ids) const { return decode(ids.data(), ids.size()); }

    /// UTF-8 text, one token per line, written atomically. Line breaks inside tokens (fastai's "\n"
    /// tokens) are written as \n and \r, and a backslash as \\; load() reverses this.
    void save(const std::filesystem::path& file) const;
    static Vocab load(const std::filesystem::path& file);

    bool operator==(const Vocab& other) const { return m_itos == other.m_itos; }

  private:
    std::vector<std::string> m_itos;
    std::unordered_map<std::string, std::int32_t> m_stoi;
};

} // namespace ulmfit
