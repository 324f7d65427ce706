#pragma once
#include "core/CancelToken.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace ulmfit {

/// fastai's own download check of a file: its size in bytes and the MD5 of its first MiB (fastai's
/// `_check_file`: `hashlib.md5(f.read(2**20))`). It is weak on its own (a damaged byte past the first
/// MiB goes unnoticed); the extractor's gzip CRC-32 check (data/source/ArchiveIntegrity.h) covers the rest.
struct FastaiCheck {
    std::uintmax_t bytes = 0;
    std::string md5FirstMiB; // lower-case hex

    /// Human-readable, for manifests and messages: "105067061 B, MD5 of the first MiB 7d11...".
    std::string describe() const;
};

/// Computes fastai's check of `file`. Throws ulmfit::Error when it cannot be read.
FastaiCheck computeFastaiCheck(const std::filesystem::path& file, const CancelToken* cancel = nullptr);

/// "" when `file` passes `expected`, else what differs ("its size is 12 B, not the listed 105067061 B").
std::string fastaiCheckMismatch(const FastaiCheck& expected, const std::filesystem::path& file,
                                const CancelToken* cancel = nullptr);

} // namespace ulmfit
