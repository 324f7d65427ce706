#pragma once
#include "core/CancelToken.h"
#include "core/Observer.h"
#include "zoo/ModelManifest.h"
#include "zoo/PretrainedCatalogue.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ulmfit {

/// Counts the tokens of a vocabulary pickle (itos_wt103.pkl). The strict pickle reader lives in
/// another module (engine/pretrained); whoever links both hands it to ModelZoo. Throws ulmfit::Error
/// on a file it refuses, which then fails the installation.
using VocabularyCounter = std::function<std::size_t(const std::filesystem::path& vocabularyPickle)>;

/// One file of an installed model.
struct ModelFileInfo {
    std::string name;
    std::uintmax_t bytes = 0;
};

/// A model folder below the models folder, as `ulmfit models list` shows it.
struct InstalledModel {
    std::string name;
    std::filesystem::path folder;
    ModelManifest manifest;
    std::filesystem::path weights;             // folder / manifest.weightsFile
    std::filesystem::path vocabulary;          // folder / manifest.vocabularyFile
    std::vector<ModelFileInfo> files;          // sorted by name
    std::uintmax_t bytes = 0;                  // all files together
    std::optional<std::size_t> vocabularySize; // from the manifest, else counted now when a counter is set
    bool complete = true;                      // false: `problem` says what is wrong
    std::string problem;
};

/// How `fetch` gets a model. By default fastai's URL and fastai's listed size and MD5.
struct ModelFetchOptions {
    std::string url;                  // empty: the catalogue's URL; else a mirror (or a test server)
    std::string sha256;               // when set, the archive's SHA-256 replaces fastai's listed check
    std::optional<FastaiCheck> check; // when set, replaces fastai's listed size and MD5 (tests, mirrors)
    bool replace = false;             // reinstall even when the model is installed
    std::uintmax_t maxExtractBytes = std::uintmax_t(4) << 30;
};

/// How `importModel` takes a model a user already has.
struct ModelImportOptions {
    std::string sha256;   // optional: the archive must have this SHA-256
    bool replace = false; // replace an installed copy
    std::uintmax_t maxExtractBytes = std::uintmax_t(4) << 30;
};

/// What fetch / import did.
struct ModelInstallResult {
    InstalledModel model;
    bool alreadyInstalled = false; // nothing was done: the model was there
    bool downloaded = false;       // a transfer happened in this call
};

/// The per-user folder of pretrained models (fastai's ~/.fastai/models): fetches fastai's model-zoo
/// archives with the engine's downloader (resume, progress, cancel, checks), imports archives and
/// folders for offline machines, and lists what is installed. A model appears in its folder
/// (`<root>/wt103-fwd/`: weights, vocabulary, model.json) only once complete: everything is staged
/// in a hidden folder beside and renamed into place at the end; on any error or cancel nothing is.
class ModelZoo {
  public:
    explicit ModelZoo(std::filesystem::path root = {}); // empty: userModelsDir()

    const std::filesystem::path& root() const { return m_root; }
    std::filesystem::path folderFor(const std::string& name) const { return m_root / name; }
    /// Where fetch keeps a download between runs (`<root>/archives/<name>.tgz`, `.part` while partial).
    std::filesystem::path archiveFor(const std::string& name) const;

    /// Set by whoever can read vocabulary pickles; without it vocabulary sizes stay unknown.
    void setVocabularyCounter(VocabularyCounter counter) { m_counter = std::move(counter); }

    /// Downloads (resuming a partial download), checks, extracts and installs catalogue model `name`;
    /// returns at once when it is installed (unless options.replace). The downloaded archive is deleted
    /// after a successful installation. Progress: "download", then "extract". Throws ulmfit::Error
    /// (ulmfit::Cancelled on cancel) with an actionable message.
    ModelInstallResult fetch(const std::string& name, const ModelFetchOptions& options = {},
                             Observer* observer = nullptr, const CancelToken* cancel = nullptr) const;

    /// Installs catalogue model `name` from an archive (.tgz, .zip, ...) or a folder a user already has.
    /// The archive is extracted safely; from a folder only the weights and vocabulary are copied.
    ModelInstallResult importModel(const std::string& name, const std::filesystem::path& archiveOrFolder,
                                   const ModelImportOptions& options = {}, Observer* observer = nullptr,
                                   const CancelToken* cancel = nullptr) const;

    /// The installed model `name`; nullopt when its folder does not exist. A folder that is not a
    /// complete installation comes back with complete = false and the reason.
    std::optional<InstalledModel> installed(const std::string& name) const;

    /// The complete installation of `name`, for a training run that starts from it; throws ulmfit::Error
    /// saying how to get it ("ulmfit models fetch wt103-fwd", or --archive offline) when there is none.
    InstalledModel require(const std::string& name) const;

    /// Every model folder below root, sorted by name (hidden staging folders and archives/ skipped).
    std::vector<InstalledModel> installedModels() const;

  private:
    InstalledModel describe(const std::string& name) const;

    std::filesystem::path m_root;
    VocabularyCounter m_counter;
};

} // namespace ulmfit
