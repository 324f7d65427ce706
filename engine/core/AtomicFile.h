#pragma once
#include <filesystem>
#include <fstream>
#include <functional>

namespace ulmfit {

/// Writes a file under a temporary name and renames it into place on commit(), so a
/// crash or an exception never leaves a truncated file at the final path.
class AtomicFile {
public:
    explicit AtomicFile(std::filesystem::path target, bool binary = true);
    ~AtomicFile(); // removes the temporary file unless committed
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    std::ostream& stream() { return m_stream; }
    const std::filesystem::path& tempPath() const { return m_temp; }
    void commit(); // flush, fsync, rename; throws ulmfit::Error on failure

private:
    std::filesystem::path m_target;
    std::filesystem::path m_temp;
    std::ofstream m_stream;
    bool m_committed = false;
};

/// Convenience: write the whole file through `writer` and commit.
void writeFileAtomically(const std::filesystem::path& target, const std::function<void(std::ostream&)>& writer,
                         bool binary = true);

/// fsync a finished file by path (used after writers that do not go through AtomicFile).
void syncFile(const std::filesystem::path& path);

} // namespace ulmfit
