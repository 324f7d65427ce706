#include "zoo/FastaiCheck.h"

#include "core/Error.h"

#include <cstdio>
#include <memory>
#include <openssl/evp.h>
#include <vector>

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kCheckedPrefix = std::size_t(1) << 20; // fastai reads 2**20 bytes

std::string toHex(const unsigned char* digest, unsigned int length) {
    std::string hex;
    char byte[3];
    for (unsigned int i = 0; i < length; ++i) {
        std::snprintf(byte, sizeof byte, "%02x", digest[i]);
        hex += byte;
    }
    return hex;
}
} // namespace

std::string FastaiCheck::describe() const {
    return std::to_string(bytes) + " B, MD5 of the first MiB " + md5FirstMiB;
}

FastaiCheck computeFastaiCheck(const fs::path& file, const CancelToken* cancel) {
    throwIfCancelled(cancel);
    std::error_code ec;
    FastaiCheck check;
    check.bytes = fs::file_size(file, ec);
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(file.c_str(), "rb"), &std::fclose);
    if (ec || !in)
        throw Error("cannot read " + file.string() + " to check it");
    std::vector<unsigned char> prefix(kCheckedPrefix);
    const std::size_t n = std::fread(prefix.data(), 1, prefix.size(), in.get());
    if (std::ferror(in.get()))
        throw Error("error while reading " + file.string() + " to check it");
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_md5(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), prefix.data(), n) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1)
        throw Error("OpenSSL cannot compute MD5");
    check.md5FirstMiB = toHex(digest, length);
    return check;
}

std::string fastaiCheckMismatch(const FastaiCheck& expected, const fs::path& file,
                                const CancelToken* cancel) {
    const FastaiCheck actual = computeFastaiCheck(file, cancel);
    if (actual.bytes != expected.bytes)
        return "its size is " + std::to_string(actual.bytes) + " B, not the listed " +
               std::to_string(expected.bytes) + " B";
    if (actual.md5FirstMiB != expected.md5FirstMiB)
        return "the MD5 of its first MiB is " + actual.md5FirstMiB + ", not the listed " +
               expected.md5FirstMiB;
    return "";
}

} // namespace ulmfit
