#pragma once
#include "core/CancelToken.h"
#include "recipe/Recipe.h"
#include "train/PauseGate.h"
#include "train/TrainingObserver.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace ulmfit {

struct RunOptions {
    std::filesystem::path data;     // dataset folder, or an archive (extracted into <out>/data);
                                    // empty when resuming: the one the run recorded
    std::filesystem::path out;      // encoder.pt, classifier/ (bundle), checkpoint/, recipe.json
    std::string device;             // overrides the recipe's device when not empty
    bool resume = false;            // continue from <out>/checkpoint
    std::filesystem::path cacheDir; // token cache; empty = the corpus module's default
    TrainingObserver* observer = nullptr;
    const CancelToken* cancel = nullptr;
    PauseGate* pause = nullptr;
};

struct RunResult {
    std::filesystem::path encoder;          // <out>/encoder.pt
    std::filesystem::path languageModelDir; // <out>/lm: the fine-tuned LM bundle, for generation
    std::filesystem::path classifierDir;    // <out>/classifier
    double accuracy = 0;                    // last classifier epoch's validation (test split) accuracy;
                                            // a bidirectional run: the ensemble's on the test split
    std::vector<std::pair<std::string, double>> memberAccuracies; // a bidirectional run: "fwd", "bwd" and theirs
    std::vector<EpochEvent> epochs;         // every epoch of this run
    double seconds = 0;
};

/// Use case "train a recipe": data -> corpus (token cache) -> LM stages -> encoder -> classifier
/// stages -> classifier bundle, with events, cancel/pause, per-epoch checkpoints and resume. It
/// sequences the stages; its other jobs have their own files: the data (DatasetOpening,
/// RecipeData), the models (RecipeModels), checkpoints (RunCheckpoints), saving (RunFolder) and
/// lr_find (RecipeLrFinder). Without a pretrained encoder the LM starts from random weights, so
/// its stages train every group (freeze_to is ignored for the LM: there is no pretrained body).
class RecipeRunner {
  public:
    RecipeRunner(Recipe recipe, RunOptions options);
    ~RecipeRunner();

    RunResult run();
    /// lr_find on stage `stage` of `model` (0 = its first; that stage's freeze_to applies) as the run
    /// starts the model: the pretrained LM, the classifier on <out>/encoder.pt when present. Restores
    /// the weights afterwards; reports onLrFind.
    LrFindResult lrFind(RecipeStage::Model model, int stage = 0);

  private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

/// For the folder of a run that `recipe` trained to its end and whose classifier was saved after
/// its last checkpoint, what to tell someone resuming it (where the classifier is, how to score
/// it); empty when there is something left to resume.
std::string finishedRunNote(const Recipe& recipe, const std::filesystem::path& out);

} // namespace ulmfit
