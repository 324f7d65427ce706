#include "data/source/ReviewReader.h"

#include "core/Error.h"
#include "core/Utf8.h"
#include "data/source/Dataset.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace ulmfit {
namespace {

[[noreturn]] void throwUnreadable(const std::filesystem::path& file) {
    throw Error("cannot read review " + file.string() + " (" + std::strerror(errno) +
                "; was the dataset moved or deleted?)");
}

} // namespace

void ReviewReader::openFolder(const std::string& folder, const std::filesystem::path& file) {
    m_folder.clear();
    m_folderFd.reset(::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!m_folderFd.valid())
        throwUnreadable(file);
    m_folder = folder;
}

std::string_view ReviewReader::read(const std::filesystem::path& file) {
    // The folder and name as parts of the path's own string: no path objects, no allocation.
    const std::string& path = file.native();
    const std::size_t slash = path.rfind('/');
    const std::size_t nameStart = slash == std::string::npos ? 0 : slash + 1;
    const std::size_t folderLength = slash == std::string::npos ? 0 : std::max<std::size_t>(slash, 1); // "/x"
    if (!m_folderFd.valid() || path.compare(0, folderLength, m_folder) != 0 || m_folder.size() != folderLength)
        openFolder(path.substr(0, folderLength), file);
    const FileDescriptor fd(::openat(m_folderFd.get(), path.c_str() + nameStart, O_RDONLY | O_CLOEXEC));
    if (!fd.valid())
        throwUnreadable(file);
    std::size_t size = 0;
    for (;;) {
        if (size == m_text.size())
            m_text.resize(std::max<std::size_t>(1 << 16, m_text.size() * 2));
        const std::size_t wanted = m_text.size() - size;
        const ssize_t n = ::read(fd.get(), m_text.data() + size, wanted);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw Error("error while reading review " + file.string() + ": " + std::strerror(errno));
        size += static_cast<std::size_t>(n);
        // A regular file gives less than asked only at its end: stopping there saves the read that
        // would return 0 (one system call of four per review).
        if (n == 0 || static_cast<std::size_t>(n) < wanted)
            break;
    }
    // The buffer keeps its size between files (resizing it down and up would zero-fill it each
    // time): the text is its first `size` bytes, sanitized in place only when it is not UTF-8.
    const std::string_view text(m_text.data(), size);
    if (isWellFormedUtf8(text))
        return text;
    m_sanitized = sanitizeUtf8(text);
    return m_sanitized;
}

} // namespace ulmfit
