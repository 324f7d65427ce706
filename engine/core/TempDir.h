#pragma once
#include <filesystem>
#include <string>

namespace ulmfit {

/// A fresh, private folder under the system's temp folder, removed with everything in it when
/// the object goes away.
class TempDir {
public:
    explicit TempDir(const std::string& prefix = "ulmfit");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
};

} // namespace ulmfit
