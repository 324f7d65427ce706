#include "core/CreatedFolders.h"

namespace ulmfit {
namespace fs = std::filesystem;

CreatedFolders::CreatedFolders(const fs::path& folder) {
    std::error_code ec;
    for (fs::path p = folder; !p.empty() && !fs::exists(p, ec); p = p.parent_path()) {
        m_created.push_back(p);
        if (p == p.parent_path())
            break; // a root
    }
    fs::create_directories(folder, ec); // failing here, the job's own writing says why
}

CreatedFolders::~CreatedFolders() {
    if (m_kept)
        return;
    std::error_code ignored;
    for (const fs::path& p : m_created)
        fs::remove(p, ignored); // fails, and keeps the folder, when something is in it
}

} // namespace ulmfit
