#pragma once
#include "data/corpus/Corpus.h"
#include "data/source/Dataset.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace ulmfit {

/// Bumped whenever the token cache's file layout changes; older files are then rebuilt.
constexpr std::uint32_t kTokenCacheFormat = 1;

/// Digest of everything a corpus depends on: each input file's path, split, label, size and mtime,
/// the tokenizer version, the vocab options and the cache format.
std::uint64_t corpusCacheKey(const DatasetIndex& index, const VocabOptions& vocab, int tokenizerVersion);

/// `<cacheDir>/corpus-<digest of the dataset root>-f<minFreq>-v<maxVocab>.bin`: one file per dataset
/// and option set, replaced when its inputs change (so stale caches do not pile up).
std::filesystem::path corpusCacheFile(const std::filesystem::path& cacheDir, const DatasetIndex& index,
                                      const VocabOptions& vocab);

/// Versioned binary file: magic, format, byte order, key, the corpus, then a checksum. Written atomically.
void writeTokenCache(const std::filesystem::path& file, const Corpus& corpus, std::uint64_t key);

/// The cached corpus when `file` exists, is intact and was built for `key`; otherwise nullopt and,
/// when `why` is given, the reason ("no cache file", "inputs changed", "corrupt: ..."). Never throws
/// on file content.
std::optional<Corpus> readTokenCache(const std::filesystem::path& file, std::uint64_t key,
                                     std::string* why = nullptr);

} // namespace ulmfit
