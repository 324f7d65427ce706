#pragma once
#include "core/CancelToken.h"

#include <filesystem>
#include <string>

namespace ulmfit {

/// Lower-case hex SHA-256 of a file (OpenSSL EVP). Throws ulmfit::Error when it cannot be read.
std::string sha256File(const std::filesystem::path& file, const CancelToken* cancel = nullptr);

/// Lower-cases and validates a user-supplied checksum (64 hex digits); throws ulmfit::Error if malformed.
std::string normalizeSha256(const std::string& hex);

} // namespace ulmfit
