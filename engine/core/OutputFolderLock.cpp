#include "core/OutputFolderLock.h"

#include "core/Error.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
std::string holderPid(int fd) {
    char buffer[32] = {};
    const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
    std::string text(buffer, n > 0 ? static_cast<size_t>(n) : 0);
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text.empty() ? "unknown" : text;
}

/// True when `path` still names the file open on `fd`: the previous holder removes the file as it
/// lets go, and a lock on a removed file would guard nothing.
bool stillLinked(int fd, const fs::path& path) {
    struct stat open {
    }, named{};
    return ::fstat(fd, &open) == 0 && ::stat(path.c_str(), &named) == 0 && open.st_ino == named.st_ino &&
           open.st_dev == named.st_dev;
}
} // namespace

OutputFolderLock::OutputFolderLock(fs::path folder)
    : m_folder(std::move(folder)), m_file(m_folder / kFileName) {
    std::error_code ec;
    fs::create_directories(m_folder, ec);
    if (ec)
        throw Error("cannot create the output folder " + m_folder.string() + ": " + ec.message());
    for (;;) {
        m_fd.reset(::open(m_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
        if (!m_fd.valid())
            throw Error("cannot create " + m_file.string() + ": " + std::strerror(errno));
        if (::flock(m_fd.get(), LOCK_EX | LOCK_NB) != 0) {
            const int error = errno;
            const std::string pid = holderPid(m_fd.get());
            m_fd.reset();
            if (error == EWOULDBLOCK)
                throw Error("the output folder " + m_folder.string() + " is in use by another run (pid " +
                            pid + "); wait for it to finish or choose another folder");
            throw Error("cannot lock " + m_file.string() + ": " + std::strerror(error));
        }
        if (stillLinked(m_fd.get(), m_file))
            break;
        m_fd.reset(); // lost a race with a holder that was letting go: take the new file
    }
    // Only the pid shown to a second run depends on this write; the lock holds without it.
    const std::string pid = std::to_string(::getpid()) + "\n";
    if (::ftruncate(m_fd.get(), 0) == 0)
        static_cast<void>(::pwrite(m_fd.get(), pid.data(), pid.size(), 0));
}

OutputFolderLock::~OutputFolderLock() {
    // Unlinked while still locked (m_fd closes after this body), so that nobody takes the lock on a
    // file being removed.
    if (m_fd.valid())
        ::unlink(m_file.c_str());
}

} // namespace ulmfit
