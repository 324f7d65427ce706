#include "core/StagedFolder.h"

#include "core/Error.h"

#include <unistd.h>

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
constexpr const char* kPartial = ".partial-";
constexpr const char* kReplaced = ".replaced-";

fs::path besideTarget(const fs::path& target, const char* kind) {
    return target.parent_path() / ("." + target.filename().string() + kind + std::to_string(::getpid()));
}
} // namespace

StagedFolder::StagedFolder(fs::path target) : m_target(std::move(target)) {
    if (m_target.filename().empty()) // "out/" names the folder "out"
        m_target = m_target.parent_path();
    m_staging = besideTarget(m_target, kPartial);
    std::error_code ec;
    if (fs::exists(m_target, ec) && !fs::is_directory(m_target, ec))
        throw Error(m_target.string() + " is a file, not a folder: choose another output folder");
    fs::remove_all(m_staging, ec); // a leftover of an earlier process that had our pid
    fs::create_directories(m_staging, ec);
    if (ec)
        throw Error("cannot write the folder " + m_target.string() + ": " + ec.message() +
                    " (is the folder holding it writable?)");
}

StagedFolder::~StagedFolder() {
    if (m_committed)
        return;
    std::error_code ignored;
    fs::remove_all(m_staging, ignored);
}

void StagedFolder::fill(const std::function<void(const fs::path&)>& writer) {
    try {
        writer(m_staging);
    } catch (const Error& e) {
        std::string message = e.what();
        const std::string staging = m_staging.string();
        for (auto at = message.find(staging); at != std::string::npos; at = message.find(staging, at))
            message.replace(at, staging.size(), m_target.string());
        throw Error(message);
    }
}

void StagedFolder::commit() {
    std::error_code ec;
    if (fs::exists(m_target, ec) && !targetHoldsOnlyOurNames())
        moveFilesIntoTarget();
    else
        replaceTarget();
    m_committed = true;
}

bool StagedFolder::targetHoldsOnlyOurNames() const {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_target, ec))
        if (!fs::exists(m_staging / entry.path().filename()))
            return false;
    return !ec;
}

void StagedFolder::replaceTarget() {
    std::error_code ec;
    const fs::path replaced = besideTarget(m_target, kReplaced);
    const bool hadTarget = fs::exists(m_target, ec);
    if (hadTarget) {
        fs::remove_all(replaced, ec);
        fs::rename(m_target, replaced, ec);
        if (ec)
            throw Error("cannot replace " + m_target.string() + ": " + ec.message());
    }
    fs::rename(m_staging, m_target, ec);
    if (ec) {
        std::error_code ignored;
        if (hadTarget)
            fs::rename(replaced, m_target, ignored); // put the previous folder back
        throw Error("cannot write the folder " + m_target.string() + ": " + ec.message());
    }
    fs::remove_all(replaced, ec); // best effort: the new folder is in place either way
}

void StagedFolder::moveFilesIntoTarget() {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(m_staging)) {
        fs::rename(entry.path(), m_target / entry.path().filename(), ec);
        if (ec)
            throw Error("cannot write " + (m_target / entry.path().filename()).string() + ": " +
                        ec.message());
    }
    fs::remove_all(m_staging, ec);
}

bool StagedFolder::isStagingName(const std::string& fileName) {
    return !fileName.empty() && fileName.front() == '.' &&
           (fileName.find(kPartial) != std::string::npos || fileName.find(kReplaced) != std::string::npos);
}

} // namespace ulmfit
