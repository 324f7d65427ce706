#pragma once
#include <torch/serialize/output-archive.h>

#include <filesystem>

namespace ulmfit {

/// Writes a LibTorch archive to `path` atomically (temporary file in the same folder, renamed
/// when complete). A full disk or any other failure becomes one ulmfit::Error naming the path
/// and the space needed and free; the previous file at `path`, if any, is left as it was.
/// (LibTorch's own stream writer aborts the whole process when a write comes up short.)
void writeArchiveFile(torch::serialize::OutputArchive& archive, const std::filesystem::path& path);

} // namespace ulmfit
