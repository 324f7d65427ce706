#include "zoo/ModelManifest.h"

#include "core/AtomicFile.h"
#include "core/Error.h"

#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>

namespace ulmfit {
namespace fs = std::filesystem;
using nlohmann::json;

void writeModelManifest(const fs::path& folder, const ModelManifest& manifest) {
    json document = {{"name", manifest.name},
                     {"description", manifest.description},
                     {"source", manifest.source},
                     {"verification", manifest.verification},
                     {"files", {{"weights", manifest.weightsFile}, {"vocabulary", manifest.vocabularyFile}}},
                     {"installedAt", manifest.installedAt}};
    if (manifest.vocabularySize)
        document["vocabularySize"] = *manifest.vocabularySize;
    writeFileAtomically(
        folder / kModelManifestFile, [&](std::ostream& out) { out << document.dump(2) << "\n"; }, false);
}

ModelManifest readModelManifest(const fs::path& folder) {
    const fs::path file = folder / kModelManifestFile;
    std::ifstream in(file);
    if (!in)
        throw Error("cannot read " + file.string() + " (is the model installed?)");
    try {
        const json document = json::parse(in);
        ModelManifest manifest;
        manifest.name = document.at("name").get<std::string>();
        manifest.description = document.value("description", "");
        manifest.source = document.value("source", "");
        manifest.verification = document.value("verification", "");
        manifest.weightsFile = document.at("files").at("weights").get<std::string>();
        manifest.vocabularyFile = document.at("files").at("vocabulary").get<std::string>();
        if (document.contains("vocabularySize"))
            manifest.vocabularySize = document.at("vocabularySize").get<std::size_t>();
        manifest.installedAt = document.value("installedAt", "");
        return manifest;
    } catch (const json::exception& e) {
        throw Error(file.string() + " is damaged (" + e.what() +
                    "); fetch or import the model again with --force");
    }
}

std::string utcTimestamp() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

} // namespace ulmfit
