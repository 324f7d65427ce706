#include "data/source/ArchiveExtractor.h"

#include "core/CreatedFolders.h"
#include "core/Error.h"
#include "data/source/ArchiveEntryPolicy.h"
#include "data/source/ArchiveIntegrity.h"
#include "data/source/ArchiveReader.h"

#include <archive.h>
#include <archive_entry.h>
#include <fstream>
#include <unistd.h>

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
/// Removes the temporary extraction folder unless it was moved into place.
class TempFolder {
public:
    explicit TempFolder(const fs::path& destination)
        : m_path(destination.parent_path() /
                 ("." + destination.filename().string() + ".extracting-" + std::to_string(::getpid()))) {
        std::error_code ec;
        fs::remove_all(m_path, ec); // a leftover of an earlier crash of this very pid
        fs::create_directories(m_path, ec);
        if (ec)
            throw Error("cannot create folder " + m_path.string() + ": " + ec.message() +
                        " (is the destination writable?)");
    }
    ~TempFolder() {
        std::error_code ignored;
        fs::remove_all(m_path, ignored);
    }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

/// The folder to move into place: the single top folder if there is exactly one entry and it is a
/// directory, else the temporary folder itself.
fs::path contentRoot(const fs::path& temp, bool strip) {
    if (!strip)
        return temp;
    fs::directory_iterator it(temp), end;
    if (it == end)
        return temp;
    const fs::directory_entry first = *it;
    if (++it == end && first.is_directory() && !first.is_symlink())
        return first.path();
    return temp;
}

void writeMarker(const fs::path& folder, const fs::path& archive) {
    std::ofstream marker(folder / kExtractedMarker);
    marker << "extracted from " << archive.filename().string() << "\n";
    if (!marker)
        throw Error("cannot write to " + folder.string() + " (disk full?)");
}

void moveIntoPlace(const fs::path& from, const fs::path& destination) {
    std::error_code ec;
    fs::rename(from, destination, ec);
    if (ec)
        throw Error("cannot move the extracted folder to " + destination.string() + ": " + ec.message());
}
} // namespace

bool isCompletelyExtracted(const fs::path& folder) {
    std::error_code ec;
    return fs::is_regular_file(folder / kExtractedMarker, ec);
}

fs::path extractArchive(const ExtractOptions& options, Observer* observer, const CancelToken* cancel) {
    std::error_code ec;
    if (!fs::is_regular_file(options.archive, ec))
        throw Error("archive " + options.archive.string() + " does not exist or is not a file");
    if (fs::exists(options.destination, ec))
        throw Error("destination " + options.destination.string() +
                    " already exists; remove it or choose another destination");
    CreatedFolders parents(options.destination.parent_path());
    TempFolder temp(options.destination);
    ArchiveReader reader(options, temp.path(), observer, cancel);
    reader.extractAll();
    verifyGzipStream(options.archive, cancel);
    if (reader.sawLinks())
        checkLinksStayInside(temp.path());
    const fs::path content = contentRoot(temp.path(), options.stripSingleTopFolder);
    writeMarker(content, options.archive);
    moveIntoPlace(content, options.destination);
    parents.keep();
    return options.destination;
}

} // namespace ulmfit
