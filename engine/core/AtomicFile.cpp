#include "core/AtomicFile.h"

#include "core/DiskSpace.h"
#include "core/Error.h"
#include "core/FileDescriptor.h"

#include <atomic>
#include <fcntl.h>
#include <random>
#include <unistd.h>

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
fs::path uniqueTempName(const fs::path& target) {
    static std::atomic<unsigned> counter{0};
    const auto suffix = std::to_string(::getpid()) + "." + std::to_string(counter++);
    return target.parent_path() / ("." + target.filename().string() + ".tmp." + suffix);
}
} // namespace

// Errors name the target, not the hidden temporary file: that is the name the user gave.
AtomicFile::AtomicFile(fs::path target, bool binary) : m_target(std::move(target)), m_temp(uniqueTempName(m_target)) {
    std::error_code ec;
    if (fs::is_directory(m_target, ec))
        throw Error(m_target.string() + " is a folder: give the name of a file to write");
    if (m_target.has_parent_path()) {
        fs::create_directories(m_target.parent_path(), ec);
        if (ec)
            throw Error("cannot write " + m_target.string() + ": cannot create its folder " +
                        m_target.parent_path().string() + " (" + ec.message() + ")");
    }
    m_stream.open(m_temp, binary ? std::ios::binary | std::ios::out : std::ios::out);
    if (!m_stream)
        throw Error("cannot write " + m_target.string() + " (is the folder writable?)");
}

AtomicFile::~AtomicFile() {
    if (!m_committed) {
        m_stream.close();
        std::error_code ignored;
        fs::remove(m_temp, ignored);
    }
}

void AtomicFile::commit() {
    m_stream.flush();
    if (m_stream)
        m_stream.close(); // can fail too: the last buffered bytes are written here
    if (!m_stream)
        throw Error("writing " + m_target.string() + " failed (disk full? " + formatBytes(freeSpaceFor(m_target)) +
                    " is free there)");
    syncFile(m_temp);
    std::error_code ec;
    fs::rename(m_temp, m_target, ec);
    if (ec)
        throw Error("cannot write " + m_target.string() + ": " + ec.message());
    m_committed = true;
}

void writeFileAtomically(const fs::path& target, const std::function<void(std::ostream&)>& writer, bool binary) {
    AtomicFile file(target, binary);
    writer(file.stream());
    file.commit();
}

void syncFile(const fs::path& path) {
    const FileDescriptor file(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (file.valid())
        ::fsync(file.get());
}

} // namespace ulmfit
