#pragma once
#include <string>
#include <vector>

namespace ulmfit {

/// fastai's decode_spec_tokens: `xxmaj w` -> `W`, `xxup w` -> `W` upper-cased, `xxrep n c` -> c
/// repeated n times, `xxwrep n w` -> w n times; xxbos / xxpad are dropped. ASCII case mapping
/// (other bytes are kept as they are).
std::vector<std::string> decodeSpecialTokens(const std::vector<std::string>& tokens);

/// Joins decoded tokens with spaces, without a space before closing punctuation and
/// contractions ("good , isn 't it ?" -> "good, isn't it?") and with U+2581 back to a space.
std::string joinTokens(const std::vector<std::string>& tokens);

/// decodeSpecialTokens then joinTokens: tokens back to readable text.
std::string detokenize(const std::vector<std::string>& tokens);

} // namespace ulmfit
