#pragma once
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace ulmfit {

/// `model.json`, written last into an installed model's folder: what was installed, from where and
/// how it was checked. Its presence marks a complete installation.
struct ModelManifest {
    std::string name; // "wt103-fwd"
    std::string description;
    std::string source;       // the URL downloaded, or the archive / folder imported
    std::string verification; // how the archive was checked, in words
    std::string weightsFile;  // file names inside the folder
    std::string vocabularyFile;
    std::optional<std::size_t> vocabularySize; // counted at install time when a reader was available
    std::string installedAt;                   // UTC, ISO 8601
};

inline constexpr const char* kModelManifestFile = "model.json";

/// Writes `<folder>/model.json` atomically. Throws ulmfit::Error when it cannot.
void writeModelManifest(const std::filesystem::path& folder, const ModelManifest& manifest);

/// Reads `<folder>/model.json`. Throws ulmfit::Error when it is missing or malformed.
ModelManifest readModelManifest(const std::filesystem::path& folder);

/// The current time as "2026-12-01T15:30:00Z".
std::string utcTimestamp();

} // namespace ulmfit
