#pragma once
#include "core/FileDescriptor.h"

#include <filesystem>

namespace ulmfit {

/// Holds `<folder>/.ulmfit.lock` with flock() for as long as it lives, so two runs cannot write
/// the same output folder. The kernel drops the lock when the holder dies, however it dies, so
/// a crashed or killed run never leaves the folder locked. The constructor creates the folder
/// and throws ulmfit::Error naming the folder and the other process's pid when it is taken.
class OutputFolderLock {
  public:
    explicit OutputFolderLock(std::filesystem::path folder);
    ~OutputFolderLock();
    OutputFolderLock(const OutputFolderLock&) = delete;
    OutputFolderLock& operator=(const OutputFolderLock&) = delete;

    const std::filesystem::path& lockFile() const { return m_file; }
    static constexpr const char* kFileName = ".ulmfit.lock";

  private:
    std::filesystem::path m_folder;
    std::filesystem::path m_file;
    FileDescriptor m_fd;
};

} // namespace ulmfit
