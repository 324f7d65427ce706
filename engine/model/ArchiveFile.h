#pragma once
#include <torch/serialize/input-archive.h>
#include <torch/serialize/output-archive.h>

#include <filesystem>

namespace ulmfit {

/// Writes a LibTorch archive to `path` atomically (temporary file in the same folder, renamed
/// when complete). A full disk or any other failure becomes one ulmfit::Error naming the path
/// and the space needed and free; the previous file at `path`, if any, is left as it was.
/// (LibTorch's own stream writer aborts the whole process when a write comes up short.)
void writeArchiveFile(torch::serialize::OutputArchive& archive, const std::filesystem::path& path);

/// Reads an archive written by writeArchiveFile. LibTorch compiles the TorchScript declarations an
/// archive carries (code/*.py) while reading it, and its compiler crashes the process on some
/// corrupt ones (a SEGV in ScriptTypeParser, inside libtorch_cpu, found by CheckpointFuzz). So the
/// code is checked first: the module declarations LibTorch writes for saved modules and optimizer
/// states have a handful of line shapes, and a file with anything else is refused. Throws
/// ulmfit::Error for that, for a file that is not a zip archive, and for LibTorch's own refusals.
void readArchiveFile(torch::serialize::InputArchive& archive, const std::filesystem::path& path,
                     torch::Device device);

} // namespace ulmfit
