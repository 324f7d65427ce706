#pragma once
// The training recipe, the one definition every layer uses (engine, CLI, bridge and UI): plain
// data with the book's defaults, no LibTorch and no Qt.
#include "recipe/LearningRate.h"
#include "recipe/VocabOptions.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ulmfit {

/// One fit_one_cycle call of the recipe, after a freeze_to / unfreeze.
struct RecipeStage {
    enum class Model { LanguageModel, Classifier };
    Model model = Model::LanguageModel;
    int freezeTo = 0; // fastai freeze_to(n); 0 = unfreeze, -1 = freeze (only the head trains)
    int epochs = 1;
    LearningRate lr = LearningRate::plain(2e-2);

    bool operator==(const RecipeStage& other) const;
    bool operator!=(const RecipeStage& other) const { return !(*this == other); }
};

/// Which way a model reads text: fastai's backwards=True reverses each document's token ids (so a
/// document's xxbos comes last). "fwd" / "bwd" in recipes, bundles and on the command line.
enum class Direction { Forward, Backward };
const char* directionName(Direction direction);                 // "fwd" / "bwd"
std::optional<Direction> directionFromName(const std::string& name); // nullopt for anything else

/// The whole ULMFiT recipe as data: model sizes, data options and the stages, in order
/// (language-model stages first, then classifier stages).
struct Recipe {
    std::string name = "custom";
    // Model sizes (the book's AWD-LSTM: 400 / 1152 / 3) and fastai's drop_mult per model.
    int embSize = 400, hiddenSize = 1152, nLayers = 3;
    double lmDropMult = 0.3, classifierDropMult = 0.5;
    // Data.
    VocabOptions vocab; // max_vocab 60000, min_freq 3
    int lmBatchSize = 128, classifierBatchSize = 128;
    int lmSeqLen = 72;    // bptt of the LM batches (fastai's default; the book's LM loaders use 80)
    int seqLen = 72;      // the classifier's chunk length (SentenceEncoder's bptt)
    int maxDocTokens = 0; // > 0: classifier reads only each document's first N tokens
    double lmValidPct = 0.1;
    int lmMaxDocs = 0; // > 0: the LM trains on only this many (shuffled) documents per epoch
    int seed = 42;
    // Training.
    double weightDecay = 0.01;
    double clip = 0.0; // max gradient norm; 0 = off (fastai's text learners do not clip)
    // A checkpoint inside an epoch every this many minutes (after every epoch regardless): a long
    // epoch killed half-way resumes at the batch it had reached. 0 = only after epochs.
    double checkpointMinutes = 10.0;
    double arAlpha = 2.0, tarBeta = 1.0;
    std::string device = "auto";             // auto | cpu | cuda
    bool mixedPrecision = true;              // float16 on CUDA, bfloat16 on CPUs where it is faster (train/Precision.h)
    /// Where the language model starts: "" (random weights), an installed pretrained model's name
    /// ("wt103-fwd"), or a path: a language-model folder (ours, an import, a run's --out), a folder
    /// with fastai's weights and vocabulary, or an encoder.pt.
    std::string pretrained;
    /// One model per direction, trained one after the other on the same tokens; with both, the run
    /// also saves an ensemble that averages the two classifiers' probabilities (the ULMFiT paper's).
    std::vector<Direction> directions{Direction::Forward};
    std::vector<RecipeStage> stages;

    std::vector<RecipeStage> stagesOf(RecipeStage::Model model) const;
    /// Replaces the stages of `model`, keeping language-model stages ahead of classifier stages.
    void setStagesOf(RecipeStage::Model model, std::vector<RecipeStage> replacement);
    bool operator==(const Recipe& other) const;
    bool operator!=(const Recipe& other) const { return !(*this == other); }
};

/// True when the recipe starts from random weights although its language-model stages are
/// fine-tuning stages (one of them keeps layer groups frozen, as the book's first stage does):
/// the book's rates were chosen for a pretrained model, and the engine and the wizard warn.
bool fineTunesFromScratch(const Recipe& recipe);

/// The pretrained model a member of direction `d` starts from: fastai publishes WikiText-103 in both
/// directions, so "wt103-fwd" becomes "wt103-bwd" for a backward member; anything else as named.
std::string pretrainedFor(const Recipe& recipe, Direction d);

/// A stage in fastai's own words, the same in every language: "freeze_to(-1); fit_one_cycle(1, 2e-2)"
/// or "unfreeze(); fit_one_cycle(10, 2e-3)". Front ends put it after their own (translated) model name.
std::string stageCode(const RecipeStage& stage);
/// The English title the CLI and the log use: "Language model: unfreeze(); fit_one_cycle(10, 2e-3)".
/// (The UI words it with its translated model names around stageCode().)
std::string stageTitle(const RecipeStage& stage);

} // namespace ulmfit
