#pragma once
#include <cstdint>
#include <istream>
#include <ostream>
#include <string>
#include <type_traits>
#include <vector>

namespace ulmfit {

/// 64-bit FNV-1a, used as the token cache's key digest and checksum (not for security).
class Fnv1a {
public:
    void update(const void* data, std::size_t n);
    void update(const std::string& s) { update(s.data(), s.size()); }
    template <typename T> void updateValue(const T& v) { update(&v, sizeof v); }
    std::uint64_t value() const { return m_hash; }

private:
    std::uint64_t m_hash = 1469598103934665603ull;
};

/// Writes little-endian POD values, strings and arrays while checksumming every byte.
class BinaryWriter {
public:
    explicit BinaryWriter(std::ostream& out) : m_out(out) {}
    void bytes(const void* data, std::size_t n);
    template <typename T> void value(T v) {
        static_assert(std::is_trivially_copyable_v<T>);
        bytes(&v, sizeof v);
    }
    void string(const std::string& s);
    template <typename T> void array(const std::vector<T>& v) {
        value<std::uint64_t>(v.size());
        bytes(v.data(), v.size() * sizeof(T));
    }
    void strings(const std::vector<std::string>& v);
    std::uint64_t checksum() const { return m_hash.value(); }

private:
    std::ostream& m_out;
    Fnv1a m_hash;
};

/// Reads what BinaryWriter wrote; every length is checked against the bytes left in the file, so a
/// corrupt count throws ulmfit::Error instead of allocating gigabytes.
class BinaryReader {
public:
    BinaryReader(std::istream& in, std::uint64_t fileSize) : m_in(in), m_left(fileSize) {}
    void bytes(void* data, std::size_t n);
    template <typename T> T value() {
        T v{};
        bytes(&v, sizeof v);
        return v;
    }
    std::string string();
    template <typename T> std::vector<T> array() {
        const std::uint64_t n = count(sizeof(T));
        std::vector<T> v(static_cast<std::size_t>(n));
        bytes(v.data(), v.size() * sizeof(T));
        return v;
    }
    std::vector<std::string> strings();
    std::uint64_t checksum() const { return m_hash.value(); }
    std::uint64_t bytesLeft() const { return m_left; }

private:
    std::uint64_t count(std::size_t elementSize); // reads a length and checks it fits in the file

    std::istream& m_in;
    std::uint64_t m_left;
    Fnv1a m_hash;
};

} // namespace ulmfit
