#pragma once
#include "core/Error.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <filesystem>
#include <fstream>
#include <string>

namespace ulmfit::test {

/// tests/fixtures/fastai, made by tests/fixtures/make_fastai_fixtures.py (committed).
inline std::filesystem::path fastaiFixture(const std::string& name) {
    return std::filesystem::path(ULMFIT_FIXTURES_DIR) / "fastai" / name;
}

inline nlohmann::json fastaiExpected() {
    std::ifstream in(fastaiFixture("expected.json"));
    return nlohmann::json::parse(in);
}

inline std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

/// The ulmfit::Error message `f` throws, empty when it throws none.
template <typename F> QString errorOf(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace ulmfit::test
