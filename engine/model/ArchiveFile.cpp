#include "model/ArchiveFile.h"

#include "core/AtomicFile.h"
#include "core/DiskSpace.h"
#include "core/Error.h"

#include <c10/util/Exception.h>

namespace ulmfit {

void writeArchiveFile(torch::serialize::OutputArchive& archive, const std::filesystem::path& path) {
    std::uintmax_t bytes = 0;
    std::string detail;
    {
        AtomicFile file(path);
        std::ostream& out = file.stream();
        try {
            // Always report the whole write as done: on a short one LibTorch's zip writer throws
            // from a destructor and terminates. The stream remembers the failure for us instead,
            // and the byte count keeps growing to the size the file needs.
            archive.save_to([&](const void* data, size_t size) -> size_t {
                bytes += size;
                if (out)
                    out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
                return size;
            });
        } catch (const c10::Error& e) {
            const std::string what = e.what_without_backtrace();
            detail = what.substr(0, what.find('\n'));
        } catch (const std::exception& e) {
            detail = e.what();
        }
        out.flush(); // a full disk shows here or in a write above, not as a commit() failure
        if (detail.empty() && out) {
            try {
                file.commit();
                return;
            } catch (const Error& e) {
                detail = e.what();
            }
        }
    } // the temporary file is removed here, so the free space below is what the user really has
    throw Error(writeFailureMessage(path, bytes, detail));
}

} // namespace ulmfit
