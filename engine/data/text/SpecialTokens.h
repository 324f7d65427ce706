#pragma once
#include <string>
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

/// The special tokens in fastai's order (defaults.text_spec_tok): the first entries of every vocab.
const std::vector<std::string>& specialTokens();

} // namespace ulmfit::text
