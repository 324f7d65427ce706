#pragma once
#include "core/CancelToken.h"
#include "core/Observer.h"
#include "zoo/ModelManifest.h"
#include "zoo/PretrainedCatalogue.h"

#include <cstdint>
#include <filesystem>
#include <functional>

namespace ulmfit {

/// One installation of a model into the models folder (internal to ModelZoo). Everything happens in a
/// hidden staging folder beside the destination (`<root>/.wt103-fwd.installing-<pid>`) that is renamed
/// into place by commit(); the destructor removes the staging folder, so an error or a cancel leaves
/// nothing behind and a half-installed model is never visible.
class ModelInstaller {
  public:
    ModelInstaller(std::filesystem::path root, const PretrainedModelInfo& model, Observer* observer,
                   const CancelToken* cancel);
    ~ModelInstaller();
    ModelInstaller(const ModelInstaller&) = delete;
    ModelInstaller& operator=(const ModelInstaller&) = delete;

    /// Extracts `archive` safely (data/source/ArchiveExtractor.h) and takes its weights and vocabulary.
    void stageArchive(const std::filesystem::path& archive, std::uintmax_t maxExtractBytes);
    /// Copies the weights and vocabulary out of a folder a user has (progress task "copy").
    void stageFolder(const std::filesystem::path& folder);

    /// Counts the vocabulary when `countVocabulary` is set, writes model.json and renames the staged
    /// model to `<root>/<name>`; an existing folder there is replaced only when `replace`.
    std::filesystem::path
    commit(ModelManifest manifest,
           const std::function<std::size_t(const std::filesystem::path&)>& countVocabulary, bool replace);

  private:
    void takeFiles(const std::filesystem::path& from, const std::string& origin, bool move);
    void copyFile(const std::filesystem::path& from, const std::filesystem::path& to);

    std::filesystem::path m_root;
    const PretrainedModelInfo& m_model;
    Observer* m_observer;
    const CancelToken* m_cancel;
    std::filesystem::path m_staging; // the hidden folder; removed by the destructor
    std::filesystem::path m_staged;  // m_staging / "model": becomes <root>/<name>
};

} // namespace ulmfit
