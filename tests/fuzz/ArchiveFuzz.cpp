// Dataset extraction (libarchive: tar, gzip, zip, ...) on any bytes, into a scratch folder: it
// either completes or leaves nothing behind.
#include "FuzzSupport.h"

#include "core/Error.h"
#include "data/source/ArchiveExtractor.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fs = std::filesystem;
    const auto archive = ulmfit::fuzz::writeInput("data.tgz", data, size);
    const auto destination = ulmfit::fuzz::scratch() / "extracted";
    ulmfit::ExtractOptions options;
    options.archive = archive;
    options.destination = destination;
    options.maxBytes = 64 << 20; // the bomb guard, small enough for a fuzzer's memory
    bool completed = false;
    try {
        ulmfit::extractArchive(options);
        completed = true;
    } catch (const ulmfit::Error&) {
    }
    if (!completed && fs::exists(destination))
        std::abort(); // a failed extraction must leave no folder behind
    for (const auto& entry : fs::directory_iterator(ulmfit::fuzz::scratch()))
        if (entry.path() != archive && entry.path() != destination)
            std::abort(); // nor its hidden temporary folder
    fs::remove_all(destination);
    return 0;
}
