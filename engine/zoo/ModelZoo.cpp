#include "zoo/ModelZoo.h"

#include "core/Error.h"
#include "core/Paths.h"
#include "data/source/DirectoryListing.h"
#include "data/source/Downloader.h"
#include "data/source/Sha256.h"
#include "zoo/ModelInstaller.h"

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
constexpr const char* kArchivesFolder = "archives";

ModelManifest startManifest(const PretrainedModelInfo& model, std::string source, std::string verification) {
    ModelManifest manifest;
    manifest.name = model.name;
    manifest.description = model.description;
    manifest.source = std::move(source);
    manifest.verification = std::move(verification);
    manifest.installedAt = utcTimestamp();
    return manifest;
}

/// Configures the download's check and says in words what it is, for the manifest.
std::string configureCheck(const PretrainedModelInfo& model, const ModelFetchOptions& options,
                           DownloadOptions& download) {
    if (!options.sha256.empty()) {
        download.sha256 = normalizeSha256(options.sha256);
        return "SHA-256 " + download.sha256 + " (given by the user), gzip CRC-32";
    }
    const std::optional<FastaiCheck> check = options.check ? options.check : model.check;
    if (!check)
        return "gzip CRC-32 only (no checksum is listed for this archive)";
    download.check = [check](const fs::path& file, const CancelToken* cancel) {
        return fastaiCheckMismatch(*check, file, cancel);
    };
    return "size and MD5 of the first MiB as fastai lists them (" + check->describe() + "), gzip CRC-32";
}

/// For an imported archive: the user's SHA-256 when given (a mismatch fails), else whether it is
/// fastai's published archive (a repacked copy is fine: the files are what matters).
std::string checkImportedArchive(const PretrainedModelInfo& model, const fs::path& archive,
                                 const ModelImportOptions& options, const CancelToken* cancel) {
    if (!options.sha256.empty()) {
        const std::string expected = normalizeSha256(options.sha256);
        const std::string actual = sha256File(archive, cancel);
        if (actual != expected)
            throw Error("archive " + archive.string() + " has SHA-256 " + actual + ", not the expected " +
                        expected + "; it is damaged or a different file. Nothing was installed");
        return "SHA-256 " + expected + " (given by the user), gzip CRC-32";
    }
    if (model.check && fastaiCheckMismatch(*model.check, archive, cancel).empty())
        return "size and MD5 of the first MiB as fastai lists them (" + model.check->describe() +
               "), gzip CRC-32";
    return "not fastai's published archive byte for byte (repacked?); gzip CRC-32 and the expected files "
           "checked";
}

void checkPlainName(const std::string& name) {
    if (name.empty() || name.front() == '.' || name.find('/') != std::string::npos)
        throw Error("'" + name + "' is not a model name; known models: " + knownPretrainedModelNames());
}
} // namespace

ModelZoo::ModelZoo(fs::path root) : m_root(root.empty() ? userModelsDir() : std::move(root)) {
    std::error_code ec;
    fs::create_directories(m_root, ec);
    if (ec)
        throw Error("cannot create the models folder " + m_root.string() + ": " + ec.message());
}

fs::path ModelZoo::archiveFor(const std::string& name) const {
    return m_root / kArchivesFolder / (name + ".tgz");
}

ModelInstallResult ModelZoo::fetch(const std::string& name, const ModelFetchOptions& options,
                                   Observer* observer, const CancelToken* cancel) const {
    const PretrainedModelInfo& model = findPretrainedModel(name);
    if (const std::optional<InstalledModel> existing = installed(name); existing && !options.replace) {
        if (!existing->complete)
            throw Error(existing->folder.string() + " is not a complete installation (" + existing->problem +
                        "); pass --force to replace it, or delete it");
        return {*existing, true, false};
    }
    DownloadOptions download;
    download.url = options.url.empty() ? model.url : options.url;
    download.destination = archiveFor(name);
    const std::string verification = configureCheck(model, options, download);
    const DownloadResult downloaded = downloadFile(download, observer, cancel);
    try {
        ModelInstaller installer(m_root, model, observer, cancel);
        installer.stageArchive(downloaded.file, options.maxExtractBytes);
        installer.commit(startManifest(model, download.url, verification), m_counter, options.replace);
    } catch (const Cancelled&) {
        throw; // the checked archive stays for the next run
    } catch (const Error&) {
        // A damaged archive can pass fastai's check (it reads only the first MiB): the next run must
        // download it anew rather than reuse it.
        std::error_code ignored;
        fs::remove(downloaded.file, ignored);
        throw;
    }
    std::error_code ignored;
    fs::remove(downloaded.file, ignored); // installed: the archive is no longer needed
    return {describe(name), false, !downloaded.reused};
}

ModelInstallResult ModelZoo::importModel(const std::string& name, const fs::path& archiveOrFolder,
                                         const ModelImportOptions& options, Observer* observer,
                                         const CancelToken* cancel) const {
    const PretrainedModelInfo& model = findPretrainedModel(name);
    if (const std::optional<InstalledModel> existing = installed(name); existing && !options.replace) {
        if (!existing->complete)
            throw Error(existing->folder.string() + " is not a complete installation (" + existing->problem +
                        "); pass --force to replace it, or delete it");
        return {*existing, true, false};
    }
    std::error_code ec;
    ModelInstaller installer(m_root, model, observer, cancel);
    std::string verification;
    if (fs::is_directory(archiveOrFolder, ec)) {
        installer.stageFolder(archiveOrFolder);
        verification =
            "copied from a folder: the files are not checksummed (fastai lists no checksum for them)";
    } else if (fs::is_regular_file(archiveOrFolder, ec)) {
        verification = checkImportedArchive(model, archiveOrFolder, options, cancel);
        installer.stageArchive(archiveOrFolder, options.maxExtractBytes);
    } else {
        throw Error(archiveOrFolder.string() + " does not exist; give fastai's " + model.name +
                    ".tgz archive or a folder holding " + model.weightsFile + " and " + model.vocabularyFile);
    }
    installer.commit(startManifest(model, fs::absolute(archiveOrFolder).string(), verification), m_counter,
                     options.replace);
    return {describe(name), false, false};
}

std::optional<InstalledModel> ModelZoo::installed(const std::string& name) const {
    checkPlainName(name);
    std::error_code ec;
    if (!fs::is_directory(folderFor(name), ec))
        return std::nullopt;
    return describe(name);
}

InstalledModel ModelZoo::require(const std::string& name) const {
    const std::optional<InstalledModel> model = installed(name);
    if (model && model->complete)
        return *model;
    const std::string how = "run `ulmfit models fetch " + name + "` (offline: add --archive with fastai's " +
                            name + ".tgz or a folder holding its files)";
    if (!model)
        throw Error("pretrained model " + name + " is not installed in " + m_root.string() + "; " + how);
    throw Error("pretrained model " + name + " in " + model->folder.string() + " is not usable (" +
                model->problem + "); " + how + " with --force");
}

std::vector<InstalledModel> ModelZoo::installedModels() const {
    std::vector<InstalledModel> models;
    for (const DirectoryEntry& entry : listDirectory(m_root))
        if (entry.isDirectory && entry.name.front() != '.' && entry.name != kArchivesFolder)
            models.push_back(describe(entry.name));
    return models;
}

InstalledModel ModelZoo::describe(const std::string& name) const {
    InstalledModel model;
    model.name = name;
    model.folder = folderFor(name);
    for (const DirectoryEntry& entry : listDirectory(model.folder)) {
        if (!entry.isRegularFile)
            continue;
        model.files.push_back({entry.name, entry.bytes});
        model.bytes += entry.bytes;
    }
    try {
        model.manifest = readModelManifest(model.folder);
    } catch (const Error&) {
        model.complete = false;
        model.problem =
            "it has no readable model.json: not installed by ulmfit, or the installation was interrupted";
        return model;
    }
    model.weights = model.folder / model.manifest.weightsFile;
    model.vocabulary = model.folder / model.manifest.vocabularyFile;
    std::error_code ec;
    for (const fs::path& file : {model.weights, model.vocabulary})
        if (!fs::is_regular_file(file, ec)) {
            model.complete = false;
            model.problem = file.filename().string() + " is missing";
            return model;
        }
    model.vocabularySize = model.manifest.vocabularySize;
    if (!model.vocabularySize && m_counter) {
        try {
            model.vocabularySize = m_counter(model.vocabulary);
        } catch (const Error& e) {
            model.problem = std::string("its vocabulary cannot be read: ") + e.what();
        }
    }
    return model;
}

} // namespace ulmfit
