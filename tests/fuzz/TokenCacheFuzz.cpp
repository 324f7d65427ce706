// The token cache reader past its checksum: the input is a cache file's body (header + corpus),
// and the harness appends the body's correct checksum and asks for the key in its header, so the
// corpus parser itself sees every input.
#include "FuzzSupport.h"

#include "core/Error.h"
#include "data/corpus/BinaryIo.h"
#include "data/corpus/TokenCache.h"

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    constexpr std::size_t kKeyOffset = 16; // magic (8), format (4), byte order mark (4), key (8)
    std::uint64_t key = 0;
    if (size >= kKeyOffset + sizeof key)
        std::memcpy(&key, data + kKeyOffset, sizeof key);
    ulmfit::Fnv1a checksum;
    checksum.update(data, size);
    std::string file(reinterpret_cast<const char*>(data), size);
    const std::uint64_t sum = checksum.value();
    file.append(reinterpret_cast<const char*>(&sum), sizeof sum);
    const auto path = ulmfit::fuzz::writeInput("corpus.bin", reinterpret_cast<const std::uint8_t*>(file.data()),
                                               file.size());
    std::string why;
    ulmfit::readTokenCache(path, key, &why); // never throws: a bad cache is a miss
    return 0;
}
