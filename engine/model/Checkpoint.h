#pragma once
#include "model/AwdLstm.h"
#include "model/LanguageModel.h"
#include "model/TextClassifier.h"

#include <filesystem>
#include <string>

namespace ulmfit {

/// Version of the weight-file layout (the register_module names); bump it when names change.
constexpr int64_t kCheckpointFormatVersion = 1;

/// The book's save_encoder / load_encoder: the AWD-LSTM part only, shared in shape by the
/// language model (lm->encoder) and the classifier (classifier->awdLstm()). Written atomically.
/// load throws ulmfit::Error on a missing file, another kind of file, a newer format, or a
/// vocabulary / size mismatch ("encoder was trained with a vocabulary of N tokens ...").
void saveEncoder(const AwdLstm& encoder, const std::filesystem::path& path);
void loadEncoder(const AwdLstm& encoder, const std::filesystem::path& path);

/// Whole-model weights (no vocab / config; see ModelBundle.h for self-describing folders).
void saveLanguageModel(const LanguageModel& model, const std::filesystem::path& path);
void loadLanguageModel(const LanguageModel& model, const std::filesystem::path& path);
void saveClassifier(const TextClassifier& model, const std::filesystem::path& path);
void loadClassifier(const TextClassifier& model, const std::filesystem::path& path);

/// Generic forms: `kind` is stored in the file and checked on load ("encoder", "language_model",
/// "classifier"). Weights are loaded onto the module's current device; shapes are verified.
void saveModule(const torch::nn::Module& module, const std::string& kind, const std::filesystem::path& path);
void loadModule(torch::nn::Module& module, const std::string& kind, const std::filesystem::path& path);

} // namespace ulmfit
