#pragma once
#include "core/CancelToken.h"

#include <filesystem>

namespace ulmfit {

/// Decompresses a gzip archive to its very end with zlib so its CRC-32 and length are verified:
/// libarchive's tar reader stops at the tar end marker and its gzip filter never checks the
/// trailer, so bytes flipped inside file contents would go unnoticed. Throws ulmfit::Error when
/// the check fails; a no-op for archives that are not gzip-compressed.
void verifyGzipStream(const std::filesystem::path& archive, const CancelToken* cancel = nullptr);

} // namespace ulmfit
