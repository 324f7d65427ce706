#pragma once
#include <filesystem>

namespace ulmfit {

/// Writes a small review folder in the IMDb layout (train|test / pos|neg / <id>_<rating>.txt)
/// whose labels follow from their words, so a tiny model learns it in seconds: for checking a
/// device or the whole pipeline without the real dataset. Reviews differ in length (30-49 words).
void writeSyntheticReviews(const std::filesystem::path& root, int perLabel = 12);

} // namespace ulmfit
