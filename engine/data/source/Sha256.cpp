#include "data/source/Sha256.h"

#include "core/Error.h"

#include <cctype>
#include <cstdio>
#include <memory>
#include <openssl/evp.h>
#include <vector>

namespace ulmfit {

std::string sha256File(const std::filesystem::path& file, const CancelToken* cancel) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(file.c_str(), "rb"), &std::fclose);
    if (!in)
        throw Error("cannot read " + file.string() + " to check its SHA-256");
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        throw Error("OpenSSL cannot compute SHA-256");
    std::vector<unsigned char> buffer(1 << 20);
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), in.get())) > 0) {
        throwIfCancelled(cancel);
        EVP_DigestUpdate(ctx.get(), buffer.data(), n);
    }
    if (std::ferror(in.get()))
        throw Error("error while reading " + file.string() + " to check its SHA-256");
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(ctx.get(), digest, &length);
    std::string hex;
    char byte[3];
    for (unsigned int i = 0; i < length; ++i) {
        std::snprintf(byte, sizeof byte, "%02x", digest[i]);
        hex += byte;
    }
    return hex;
}

std::string normalizeSha256(const std::string& hex) {
    std::string out;
    for (const char c : hex)
        out += char(std::tolower(static_cast<unsigned char>(c)));
    const bool valid = out.size() == 64 && out.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (!valid)
        throw Error("'" + hex + "' is not a SHA-256 checksum (expected 64 hexadecimal digits)");
    return out;
}

} // namespace ulmfit
