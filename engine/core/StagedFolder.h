#pragma once
#include <filesystem>
#include <functional>

namespace ulmfit {

/// A folder written in full under a hidden name beside its final place, then moved there by
/// commit(): a failure half-way (a full disk, an exception, a kill) never leaves a half-written
/// folder under the final name, and an earlier folder of that name stays until the new one is
/// complete. Without commit() the destructor removes the staging folder. A target that holds
/// files of other names (a folder the user chose) is never removed: the new files are moved into
/// it one by one, each replacing its namesake, and the others are left alone.
class StagedFolder {
  public:
    explicit StagedFolder(std::filesystem::path target);
    ~StagedFolder();
    StagedFolder(const StagedFolder&) = delete;
    StagedFolder& operator=(const StagedFolder&) = delete;

    const std::filesystem::path& path() const { return m_staging; } // write the files here
    const std::filesystem::path& target() const { return m_target; }
    /// Runs `writer` on path(); an ulmfit::Error it throws comes out naming target() rather than
    /// the hidden staging folder, since that is the name the user knows.
    void fill(const std::function<void(const std::filesystem::path& folder)>& writer);
    void commit(); // throws ulmfit::Error; the previous folder at target() is removed only after

    /// Leftovers of runs killed while staging ("." + name + ".partial-<pid>") are hidden folders
    /// whose names start with this; folder sweeps may remove them.
    static bool isStagingName(const std::string& fileName);

  private:
    bool targetHoldsOnlyOurNames() const;
    void replaceTarget();
    void moveFilesIntoTarget();

    std::filesystem::path m_target;
    std::filesystem::path m_staging;
    bool m_committed = false;
};

} // namespace ulmfit
