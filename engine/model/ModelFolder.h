#pragma once
// One way to name a model: a saved model folder, or a training run's output folder.
#include <filesystem>
#include <optional>

namespace ulmfit {

/// What a training run writes into its output folder (RecipeRunner).
namespace runfolder {
constexpr const char* kClassifierDir = "classifier"; // the classifier bundle
constexpr const char* kLanguageModelDir = "lm";      // the fine-tuned language-model bundle
constexpr const char* kEncoderFile = "encoder.pt";   // the fine-tuned encoder
constexpr const char* kCheckpointDir = "checkpoint";
constexpr const char* kRecipeFile = "recipe.json";
constexpr const char* kDatasetFile = "dataset.json"; // the dataset the run trains on, for --resume
} // namespace runfolder

enum class ModelKind { Classifier, LanguageModel };

/// Throws ulmfit::Error unless `dir` is a folder: "model folder not found", or, for a file (a
/// user picking config.json or a .pt file), that the folder holding it is what to give.
void requireModelFolderExists(const std::filesystem::path& dir);

/// The bundle folder of `kind` that `dir` names: `dir` itself when it holds a saved model, or the
/// run's classifier/ or lm/ when `dir` is a training run's output folder. Throws ulmfit::Error
/// with what to do when neither is there (a run that stopped before saving that model says so).
std::filesystem::path resolveModelFolder(const std::filesystem::path& dir, ModelKind kind);

/// What a user's pick names (a run folder, a classifier folder, or a file inside one): the
/// classifier, and the run's fine-tuned language model beside it when there is one.
struct RunModels {
    std::filesystem::path classifier;
    std::optional<std::filesystem::path> languageModel;
};
RunModels resolveRunModels(const std::filesystem::path& chosen);

} // namespace ulmfit
