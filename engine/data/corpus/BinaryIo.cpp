#include "data/corpus/BinaryIo.h"

#include "core/Error.h"

namespace ulmfit {

void Fnv1a::update(const void* data, std::size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    std::uint64_t h = m_hash;
    for (std::size_t i = 0; i < n; ++i) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    m_hash = h;
}

void BinaryWriter::bytes(const void* data, std::size_t n) {
    m_out.write(static_cast<const char*>(data), static_cast<std::streamsize>(n));
    m_hash.update(data, n);
}

void BinaryWriter::string(const std::string& s) {
    value<std::uint32_t>(static_cast<std::uint32_t>(s.size()));
    bytes(s.data(), s.size());
}

void BinaryWriter::strings(const std::vector<std::string>& v) {
    value<std::uint64_t>(v.size());
    for (const auto& s : v)
        string(s);
}

void BinaryReader::bytes(void* data, std::size_t n) {
    if (n > m_left)
        throw Error("unexpected end of file");
    m_in.read(static_cast<char*>(data), static_cast<std::streamsize>(n));
    if (static_cast<std::size_t>(m_in.gcount()) != n)
        throw Error("unexpected end of file");
    m_left -= n;
    m_hash.update(data, n);
}

std::string BinaryReader::string() {
    const auto n = value<std::uint32_t>();
    if (n > m_left)
        throw Error("string length past the end of file");
    std::string s(n, '\0');
    bytes(s.data(), n);
    return s;
}

std::vector<std::string> BinaryReader::strings() {
    const std::uint64_t n = count(sizeof(std::uint32_t)); // every string costs at least its length field
    std::vector<std::string> v;
    v.reserve(static_cast<std::size_t>(n));
    for (std::uint64_t i = 0; i < n; ++i)
        v.push_back(string());
    return v;
}

std::uint64_t BinaryReader::count(std::size_t elementSize) {
    const auto n = value<std::uint64_t>();
    if (elementSize > 0 && n > m_left / elementSize)
        throw Error("array length past the end of file");
    return n;
}

} // namespace ulmfit
