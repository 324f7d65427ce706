#pragma once
#include <filesystem>
#include <vector>

namespace ulmfit {

/// Creates a folder and its missing parents for a job that may fail, and removes again, unless
/// keep() was called, those it created that are still empty: a failed download or extraction
/// leaves no empty folders behind, while one that left something there (a resumable .part
/// file) keeps it.
class CreatedFolders {
public:
    explicit CreatedFolders(const std::filesystem::path& folder);
    ~CreatedFolders();
    CreatedFolders(const CreatedFolders&) = delete;
    CreatedFolders& operator=(const CreatedFolders&) = delete;

    void keep() { m_kept = true; }

private:
    std::vector<std::filesystem::path> m_created; // deepest first: the order to remove them in
    bool m_kept = false;
};

} // namespace ulmfit
