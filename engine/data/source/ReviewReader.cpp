#include "data/source/ReviewReader.h"

#include "core/Error.h"
#include "data/source/Dataset.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace ulmfit {
namespace {

[[noreturn]] void throwUnreadable(const std::filesystem::path& file) {
    throw Error("cannot read review " + file.string() + " (" + std::strerror(errno) +
                "; was the dataset moved or deleted?)");
}

} // namespace

ReviewReader::~ReviewReader() {
    if (m_folderFd >= 0)
        ::close(m_folderFd);
}

void ReviewReader::openFolder(const std::filesystem::path& folder, const std::filesystem::path& file) {
    if (m_folderFd >= 0)
        ::close(m_folderFd);
    m_folder.clear();
    m_folderFd = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_folderFd < 0)
        throwUnreadable(file);
    m_folder = folder;
}

std::string_view ReviewReader::read(const std::filesystem::path& file) {
    const std::filesystem::path folder = file.parent_path();
    if (m_folderFd < 0 || folder != m_folder)
        openFolder(folder, file);
    const int fd = ::openat(m_folderFd, file.filename().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throwUnreadable(file);
    std::size_t size = 0;
    for (;;) {
        if (size == m_text.size())
            m_text.resize(std::max<std::size_t>(1 << 16, m_text.size() * 2));
        const ssize_t n = ::read(fd, m_text.data() + size, m_text.size() - size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            throw Error("error while reading review " + file.string() + ": " + std::strerror(error));
        }
        if (n == 0)
            break;
        size += static_cast<std::size_t>(n);
    }
    ::close(fd);
    // The buffer keeps its size between files (resizing it down and up would zero-fill it each
    // time): the text is its first `size` bytes, sanitized in place only when it is not UTF-8.
    const std::string_view text(m_text.data(), size);
    if (isWellFormedUtf8(text))
        return text;
    m_sanitized = sanitizeUtf8(text);
    return m_sanitized;
}

} // namespace ulmfit
