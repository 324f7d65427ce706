#pragma once
#include "model/AwdLstmConfig.h"
#include "model/ClassifierOptions.h"
#include "model/LanguageModel.h"
#include "model/TextClassifier.h"
#include "recipe/Recipe.h"

#include <torch/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace ulmfit {

/// A self-describing model folder: model.pt (weights) + vocab.txt (one token per line, index =
/// line number) + config.json {format_version, kind, model (AwdLstmConfig), classifier
/// (ClassifierOptions), labels, direction}. Every file is written atomically. "direction" is "fwd"
/// or "bwd" (a backward model reads each text reversed; bundles from before it are forward).
namespace bundle {
constexpr int kFormatVersion = 1;
constexpr const char* kWeightsFile = "model.pt";
constexpr const char* kVocabFile = "vocab.txt";
constexpr const char* kConfigFile = "config.json";
} // namespace bundle

struct LoadedClassifier {
    TextClassifier model{nullptr};
    std::vector<std::string> vocab;
    std::vector<std::string> labels; // labels[i] is class index i
    Direction direction = Direction::Forward;
};

struct LoadedLanguageModel {
    LanguageModel model{nullptr};
    std::vector<std::string> vocab;
    Direction direction = Direction::Forward;
};

void saveClassifierBundle(const std::filesystem::path& dir, const TextClassifier& model,
                          const std::vector<std::string>& vocab, const std::vector<std::string>& labels,
                          Direction direction = Direction::Forward);
/// `dir` may also be a training run's output folder (model/ModelFolder.h).
/// Throws ulmfit::Error with one actionable line: missing folder/file, bad JSON, wrong kind,
/// newer format, "model was trained with a vocabulary of N tokens but vocab.txt has M".
/// The model comes back in eval mode on `device`.
LoadedClassifier loadClassifierBundle(const std::filesystem::path& dir, torch::Device device = torch::kCPU);

void saveLanguageModelBundle(const std::filesystem::path& dir, const LanguageModel& model,
                             const std::vector<std::string>& vocab, Direction direction = Direction::Forward);
LoadedLanguageModel loadLanguageModelBundle(const std::filesystem::path& dir,
                                            torch::Device device = torch::kCPU);

/// An ensemble: a folder whose config.json {format_version, kind: "ensemble", members: [paths]}
/// names classifier bundles (relative to the folder, so a run folder can move as a whole) whose
/// probabilities a Predictor averages (the ULMFiT paper's forward + backward ensemble).
void saveEnsembleBundle(const std::filesystem::path& dir, const std::vector<std::filesystem::path>& members);
bool isEnsembleFolder(const std::filesystem::path& dir);

/// What a saved model folder holds: "language_model", "classifier" or "ensemble"; throws
/// ulmfit::Error (one line) when `dir` is not a model folder this version can read.
std::string bundleKind(const std::filesystem::path& dir);
/// A model folder's kind ("language_model", "classifier", "ensemble") as a user says it: "a
/// language model", "a classifier", "an ensemble of classifiers" — for error messages.
std::string modelKindInWords(const std::string& kind);

/// The reading direction a saved model folder records (Forward when it records none or is not a bundle).
Direction bundleDirection(const std::filesystem::path& dir);
/// The members' folders; throws ulmfit::Error when the folder is not an ensemble or a member is missing.
std::vector<std::filesystem::path> ensembleMembers(const std::filesystem::path& dir);

/// vocab.txt helpers (one token per line).
void writeVocabFile(const std::filesystem::path& path, const std::vector<std::string>& vocab);
std::vector<std::string> readVocabFile(const std::filesystem::path& path);

} // namespace ulmfit
