#include "zoo/ModelInstaller.h"

#include "core/Error.h"
#include "data/source/ArchiveExtractor.h"
#include "zoo/ModelFiles.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <unistd.h>
#include <vector>

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
using File = std::unique_ptr<std::FILE, int (*)(std::FILE*)>;

void renameOrThrow(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::rename(from, to, ec);
    if (ec)
        throw Error("cannot move " + from.string() + " to " + to.string() + ": " + ec.message());
}
} // namespace

ModelInstaller::ModelInstaller(fs::path root, const PretrainedModelInfo& model, Observer* observer,
                               const CancelToken* cancel)
    : m_root(std::move(root)), m_model(model), m_observer(observer), m_cancel(cancel),
      m_staging(m_root / ("." + model.name + ".installing-" + std::to_string(::getpid()))),
      m_staged(m_staging / "model") {
    std::error_code ec;
    fs::remove_all(m_staging, ec); // a leftover of an earlier crash of this very pid
    fs::create_directories(m_staged, ec);
    if (ec)
        throw Error("cannot create folder " + m_staged.string() + ": " + ec.message() +
                    " (is the models folder writable?)");
}

ModelInstaller::~ModelInstaller() {
    std::error_code ignored; // a destructor must not throw; the staging folder is hidden anyway
    fs::remove_all(m_staging, ignored);
}

void ModelInstaller::stageArchive(const fs::path& archive, std::uintmax_t maxExtractBytes) {
    const fs::path extracted = m_staging / "extracted";
    extractArchive({archive, extracted, maxExtractBytes, true}, m_observer, m_cancel);
    takeFiles(extracted, "archive " + archive.string(), true);
}

void ModelInstaller::stageFolder(const fs::path& folder) {
    takeFiles(folder, "folder " + folder.string(), false);
}

/// Only the two files a model needs are installed, under the catalogue's names.
void ModelInstaller::takeFiles(const fs::path& from, const std::string& origin, bool move) {
    const ModelFiles files = locateModelFiles(from, m_model, origin);
    const std::pair<fs::path, std::string> plan[] = {{files.weights, m_model.weightsFile},
                                                     {files.vocabulary, m_model.vocabularyFile}};
    for (const auto& [source, name] : plan) {
        throwIfCancelled(m_cancel);
        if (move)
            renameOrThrow(source, m_staged / name);
        else
            copyFile(source, m_staged / name);
    }
}

/// A chunked copy, so a 100 MB weights file reports progress and stops on cancel.
void ModelInstaller::copyFile(const fs::path& from, const fs::path& to) {
    File in(std::fopen(from.c_str(), "rb"), &std::fclose);
    if (!in)
        throw Error("cannot read " + from.string() + ": " + std::strerror(errno));
    File out(std::fopen(to.c_str(), "wb"), &std::fclose);
    if (!out)
        throw Error("cannot write " + to.string() + ": " + std::strerror(errno) +
                    " (is the models folder writable?)");
    std::error_code ec;
    const double total = double(fs::file_size(from, ec));
    std::vector<char> buffer(1 << 20);
    double done = 0;
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), in.get())) {
        throwIfCancelled(m_cancel);
        if (std::fwrite(buffer.data(), 1, n, out.get()) != n)
            throw Error("cannot write " + to.string() + ": " + std::strerror(errno) + " (disk full?)");
        done += double(n);
        report(m_observer, {"copy", done, total, 0, "B", from.filename().string()});
    }
    if (std::ferror(in.get()))
        throw Error("error while reading " + from.string());
    if (std::fflush(out.get()) != 0 || ::fsync(::fileno(out.get())) != 0)
        throw Error("cannot write " + to.string() + ": " + std::strerror(errno) + " (disk full?)");
}

fs::path ModelInstaller::commit(ModelManifest manifest,
                                const std::function<std::size_t(const fs::path&)>& countVocabulary,
                                bool replace) {
    manifest.weightsFile = m_model.weightsFile;
    manifest.vocabularyFile = m_model.vocabularyFile;
    if (countVocabulary)
        manifest.vocabularySize = countVocabulary(m_staged / m_model.vocabularyFile);
    throwIfCancelled(m_cancel);
    writeModelManifest(m_staged, manifest);
    const fs::path destination = m_root / m_model.name;
    std::error_code ec;
    if (fs::exists(fs::symlink_status(destination, ec))) {
        if (!replace)
            throw Error(destination.string() + " already exists; pass --force to replace it, or delete it");
        renameOrThrow(destination, m_staging / "replaced"); // removed with the staging folder
    }
    fs::rename(m_staged, destination, ec);
    if (ec) {
        std::error_code ignored;
        if (replace)
            fs::rename(m_staging / "replaced", destination, ignored); // put the old copy back
        throw Error("cannot move the installed model to " + destination.string() + ": " + ec.message());
    }
    return destination;
}

} // namespace ulmfit
