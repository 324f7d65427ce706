#include "data/source/ArchiveIntegrity.h"

#include "core/Error.h"

#include <cstdio>
#include <memory>
#include <vector>
#include <zlib.h>

namespace ulmfit {

namespace {
bool isGzip(const std::filesystem::path& file) {
    unsigned char magic[2] = {0, 0};
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(file.c_str(), "rb"), &std::fclose);
    return in && std::fread(magic, 1, 2, in.get()) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
}
} // namespace

void verifyGzipStream(const std::filesystem::path& file, const CancelToken* cancel) {
    if (!isGzip(file))
        return;
    std::unique_ptr<gzFile_s, int (*)(gzFile)> in(gzopen(file.c_str(), "rb"), &gzclose);
    if (!in)
        throw Error("cannot read archive " + file.string());
    gzbuffer(in.get(), 256 * 1024);
    std::vector<char> buffer(1 << 20);
    int n = 0;
    while ((n = gzread(in.get(), buffer.data(), unsigned(buffer.size()))) > 0)
        throwIfCancelled(cancel);
    if (n < 0) {
        int code = 0;
        std::string detail = gzerror(in.get(), &code);
        detail = detail.substr(detail.rfind(": ") == std::string::npos ? 0 : detail.rfind(": ") + 2); // drop the path
        throw Error("archive " + file.string() + " is damaged: " + detail + " (download it again)");
    }
}

} // namespace ulmfit
