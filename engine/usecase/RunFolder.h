#pragma once
// The recipe runner's saving job: where a run keeps what it makes, and writing it.
#include "core/Observer.h"
#include "model/LanguageModel.h"
#include "model/TextClassifier.h"
#include "recipe/Recipe.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ulmfit {

/// A run's output folder (model/ModelFolder.h names its parts).
struct RunFolder {
    std::filesystem::path root;
    Direction direction = Direction::Forward; // recorded in the bundles saved here

    std::filesystem::path encoder() const;
    std::filesystem::path languageModel() const;
    std::filesystem::path classifier() const;
    std::filesystem::path checkpoints() const;
    std::filesystem::path recipe() const;
    std::filesystem::path dataset() const;
    std::filesystem::path extractedData() const; // where a dataset given as an archive is extracted

    void saveRecipe(const Recipe& recipe) const;
    /// The recipe the run started with, to resume it; throws ulmfit::Error when `root` is not a run's folder.
    Recipe readRecipe() const;
    /// The dataset folder or archive the run trains on, as an absolute path, so that resuming needs
    /// only the run's folder; nullopt when the run did not record one (an older version's run).
    void saveDataset(const std::filesystem::path& data) const;
    std::optional<std::filesystem::path> readDataset() const;
    /// The recorded dataset, or, for an archive deleted since, its extraction in extractedData();
    /// throws ulmfit::Error saying what to give when there is no record or the dataset is gone.
    std::filesystem::path datasetToResume() const;
    /// The fine-tuned encoder (for the classifier) and the whole LM bundle (for generation).
    void saveLanguageModel(const LanguageModel& model, const std::vector<std::string>& vocab,
                           Observer* observer) const;
    void saveClassifier(const TextClassifier& model, const std::vector<std::string>& vocab,
                        const std::vector<std::string>& labels, Observer* observer) const;
};

} // namespace ulmfit
