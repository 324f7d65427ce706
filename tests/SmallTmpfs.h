#pragma once
// A real, tiny file system for disk-full tests: a tmpfs of `bytes` mounted on a fresh temp folder.
// Mounting needs root (or CAP_SYS_ADMIN); without it ok() is false and the test skips.
#include <QTemporaryDir>

#include <sys/mount.h>

#include <filesystem>
#include <string>

namespace ulmfit::test {

class SmallTmpfs {
  public:
    explicit SmallTmpfs(std::size_t bytes) {
        const std::string options = "size=" + std::to_string(bytes);
        m_mounted = m_dir.isValid() && ::mount("tmpfs", m_dir.path().toLocal8Bit().constData(), "tmpfs", 0,
                                               options.c_str()) == 0;
    }
    ~SmallTmpfs() {
        if (m_mounted)
            ::umount2(m_dir.path().toLocal8Bit().constData(), MNT_DETACH);
    }
    SmallTmpfs(const SmallTmpfs&) = delete;
    SmallTmpfs& operator=(const SmallTmpfs&) = delete;

    bool ok() const { return m_mounted; }
    std::filesystem::path path() const { return m_dir.path().toStdString(); }

  private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

} // namespace ulmfit::test
