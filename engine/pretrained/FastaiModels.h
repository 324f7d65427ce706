#pragma once
#include "model/AwdLstmConfig.h"
#include "model/ModelBundle.h"

#include <filesystem>
#include <string>
#include <vector>

namespace ulmfit {

/// File names export writes, the ones fastai's language_model_learner(...,
/// pretrained_fnames=["model", "itos"]) and learn.load_encoder("encoder") look for in a
/// learner's models/ folder.
namespace fastaiExport {
constexpr const char* kWeightsFile = "model.pth";
constexpr const char* kItosFile = "itos.pkl";
constexpr const char* kEncoderFile = "encoder.pth";
} // namespace fastaiExport

/// Reads fastai's pretrained language model: `weights` (a torch.save state dict in fastai's
/// layout, zip or legacy format) and `itos` (the vocabulary pickle). The sizes come from the
/// weights, the dropouts from `dropouts` (fastai's awd_lstm_lm_config by default); the
/// vocabulary is the pickle's list exactly. Every tensor is checked before any is loaded; the
/// model comes back in eval mode on the CPU. Throws ulmfit::Error (one line) on bad input.
LoadedLanguageModel importFastaiLanguageModel(const std::filesystem::path& weights,
                                              const std::filesystem::path& itos,
                                              const AwdLstmConfig& dropouts = lmConfig(0));

/// fastai's load_pretrained step for a new corpus: the language model `source` carried over to
/// `newVocab` with match_embeds (shared tokens keep their rows, new ones get the mean row and
/// the mean decoder bias), sizes from `source`, dropouts from `dropouts`. LSTM weights are
/// copied. The result is in training mode, on the CPU.
LoadedLanguageModel withVocabulary(const LoadedLanguageModel& source,
                                   const std::vector<std::string>& newVocab, const AwdLstmConfig& dropouts);

/// Writes a model folder in fastai's layout into `outDir`: for a language model model.pth
/// (fastai's language-model state dict, for torch.load and load_pretrained), itos.pkl and
/// encoder.pth (what load_encoder reads); for a classifier folder its encoder.pth and itos.pkl.
/// Everything is read and checked before the first file is written; each file is atomic.
/// Returns the paths written.
std::vector<std::filesystem::path> exportFastai(const std::filesystem::path& modelDir,
                                                const std::filesystem::path& outDir);

} // namespace ulmfit
