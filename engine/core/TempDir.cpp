#include "core/TempDir.h"

#include "core/Error.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace ulmfit {

TempDir::TempDir(const std::string& prefix) {
    std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (!::mkdtemp(pattern.data()))
        throw Error("cannot create a temporary folder " + pattern + ": " + std::strerror(errno));
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored; // a destructor must not throw; a leftover temp folder is harmless
    std::filesystem::remove_all(m_path, ignored);
}

} // namespace ulmfit
