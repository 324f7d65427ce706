#include "model/ArchiveFile.h"

#include "core/AtomicFile.h"
#include "core/DiskSpace.h"
#include "core/Error.h"

#include <c10/util/Exception.h>
#include <caffe2/serialize/inline_container.h>

#include <regex>
#include <sstream>

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

namespace {

/// One line of the declarations LibTorch 1.13 writes for a saved module or optimizer state, e.g.
/// `  __parameters__ = ["weight_ih_l0", "bias_ih_l0", ]`, `  encoder : __torch__.___torch_mangle_1.Module`,
/// `  __annotations__["params/0"] = str`, `  betas : Tuple[float, float]`.
bool isDeclarationLine(const std::string& line) {
    static const std::regex shape([] {
        const std::string scalar = "(?:Tensor|int|float|str|bool)";
        const std::string type = "(?:" + scalar + "|Tuple\\[" + scalar + "(?:, " + scalar +
                                 ")*\\]|__torch__(?:\\.[A-Za-z_][A-Za-z0-9_]*)+)";
        const std::string name = "\"[A-Za-z0-9_./]+\"";
        return "class Module\\(Module\\):|"
               "  __(?:parameters|buffers)__ = \\[(?:" + name + ", )*\\]|"
               "  __annotations__ = \\[\\]|"
               "  __annotations__\\[" + name + "\\] = " + type + "|"
               "  [A-Za-z_][A-Za-z0-9_]* : " + type + "|";
    }());
    return std::regex_match(line, shape);
}

void checkDeclarations(const std::filesystem::path& path) {
    caffe2::serialize::PyTorchStreamReader reader(path.string()); // throws c10::Error if not a zip of records
    for (const std::string& record : reader.getAllRecords()) {
        if (record.rfind("code/", 0) != 0 || record.size() < 3 || record.compare(record.size() - 3, 3, ".py") != 0)
            continue;
        const auto [data, size] = reader.getRecord(record);
        std::istringstream text(std::string(static_cast<const char*>(data.get()), size));
        for (std::string line; std::getline(text, line);)
            if (!isDeclarationLine(line))
                throw Error(path.string() + " is not an archive written by ULMFiT Studio (unexpected code in " +
                            record + ")");
    }
}

} // namespace

void readArchiveFile(torch::serialize::InputArchive& archive, const std::filesystem::path& path,
                     torch::Device device) {
    try {
        checkDeclarations(path);
        archive.load_from(path.string(), device);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) { // c10::Error, or TorchScript's ErrorReport for a corrupt entry
        const std::string what = e.what();
        throw Error(path.string() + " is not a readable archive (corrupt or not written by ULMFiT Studio): " +
                    what.substr(0, what.find('\n')));
    }
}

} // namespace ulmfit
