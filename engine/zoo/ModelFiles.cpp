#include "zoo/ModelFiles.h"

#include "core/Error.h"
#include "data/source/ArchiveExtractor.h"
#include "data/source/DirectoryListing.h"

#include <optional>
#include <vector>

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
bool hasExtension(const std::string& name, const std::string& extension) {
    return name.size() > extension.size() &&
           name.compare(name.size() - extension.size(), extension.size(), extension) == 0;
}

std::string joined(const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names)
        text += (text.empty() ? "" : ", ") + name;
    return text.empty() ? "nothing" : text;
}

/// The expected name if present, else the only file with its extension; nullopt when neither.
std::optional<std::string> pick(const std::vector<DirectoryEntry>& entries, const std::string& expected,
                                const std::string& extension) {
    std::vector<std::string> candidates;
    for (const DirectoryEntry& entry : entries) {
        if (!entry.isRegularFile)
            continue;
        if (entry.name == expected)
            return entry.name;
        if (hasExtension(entry.name, extension))
            candidates.push_back(entry.name);
    }
    if (candidates.size() == 1)
        return candidates.front();
    return std::nullopt;
}
} // namespace

ModelFiles locateModelFiles(const fs::path& folder, const PretrainedModelInfo& model,
                            const std::string& origin) {
    const std::vector<DirectoryEntry> entries = listDirectory(folder);
    const std::optional<std::string> weights = pick(entries, model.weightsFile, ".pth");
    const std::optional<std::string> vocabulary = pick(entries, model.vocabularyFile, ".pkl");
    if (weights && vocabulary)
        return {folder / *weights, folder / *vocabulary};
    std::vector<std::string> missing, present;
    if (!weights)
        missing.push_back(model.weightsFile + " (the weights)");
    if (!vocabulary)
        missing.push_back(model.vocabularyFile + " (the vocabulary)");
    for (const DirectoryEntry& entry : entries)
        if (entry.name != kExtractedMarker) // the extractor's own marker, not the archive's
            present.push_back(entry.name + (entry.isDirectory ? "/" : ""));
    std::string missingText = missing.front();
    if (missing.size() == 2)
        missingText += " and " + missing.back();
    throw Error(origin + " is not fastai's " + model.name + " model: it has no " + missingText +
                "; it holds " + joined(present) + ". Nothing was installed");
}

} // namespace ulmfit
