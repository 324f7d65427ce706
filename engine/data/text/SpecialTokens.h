#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ulmfit::text {

// fastai's special tokens (fastai/text/core.py), spelled exactly as fastai spells them.
inline constexpr const char* kUnk = "xxunk";
inline constexpr const char* kPad = "xxpad";
inline constexpr const char* kBos = "xxbos";
inline constexpr const char* kEos = "xxeos";
inline constexpr const char* kFld = "xxfld";
inline constexpr const char* kRep = "xxrep";
inline constexpr const char* kWrep = "xxwrep";
inline constexpr const char* kUp = "xxup";
inline constexpr const char* kMaj = "xxmaj";

/// fastai's replace_space: a space inside a token becomes U+2581 '▁'.
inline constexpr char32_t kSpaceMark = 0x2581;
inline constexpr std::string_view kSpaceMarkUtf8 = "\xE2\x96\x81";

/// The special tokens in fastai's order (defaults.text_spec_tok): the first entries of every vocab.
const std::vector<std::string>& specialTokens();

} // namespace ulmfit::text
