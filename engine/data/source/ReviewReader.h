#pragma once
#include "core/FileDescriptor.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace ulmfit {

/// Reads review files one after another, as building a corpus does (50,000 small files, where the
/// system calls cost more than the bytes): each file is opened relative to its folder, which stays
/// open while the next file is in the same one (a lookup of one path component instead of the whole
/// path), and read into a buffer reused from file to file, without asking for its size first.
/// One reader per thread.
class ReviewReader {
public:
    ReviewReader() = default;
    ReviewReader(ReviewReader&&) = default;
    ReviewReader& operator=(ReviewReader&&) = default;

    /// The text of `file` as UTF-8, invalid byte sequences as U+FFFD; valid until the next call.
    /// Throws ulmfit::Error when the file cannot be read.
    std::string_view read(const std::filesystem::path& file);

private:
    void openFolder(const std::string& folder, const std::filesystem::path& file);

    std::string m_folder;
    FileDescriptor m_folderFd;
    std::string m_text;      // the last file's bytes, at its start
    std::string m_sanitized; // the last file's text when its bytes were not UTF-8
};

} // namespace ulmfit
