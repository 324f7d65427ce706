#pragma once
// The recipe runner's checkpoint job: a checkpoint after every epoch, and the checks that make
// --resume continue the same training.
#include "recipe/Recipe.h"
#include "train/Callback.h"
#include "train/TrainingCheckpoint.h"

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

namespace ulmfit {

/// Saves a checkpoint after every completed epoch of one stage, and inside an epoch once
/// `everyMinutes` have passed since the last one (0: only after epochs).
class CheckpointCallback : public Callback {
  public:
    CheckpointCallback(TrainingCheckpoint& checkpoint, int stage, std::string phase, double everyMinutes = 0)
        : m_checkpoint(checkpoint), m_stage(stage), m_phase(std::move(phase)), m_everyMinutes(everyMinutes) {}
    int order() const override { return 100; }
    void beforeFit(Learner& learn) override;
    void afterBatch(Learner& learn) override;
    void afterEpoch(Learner& learn) override;

  private:
    using Clock = std::chrono::steady_clock;
    void save(Learner& learn, int epochsDone, int batchesDone);

    TrainingCheckpoint& m_checkpoint;
    int m_stage;
    std::string m_phase;
    double m_everyMinutes;
    Clock::time_point m_lastSave;
};

/// Refuses to continue, in `runFolder`, a checkpoint that another recipe wrote (naming the first
/// field that differs); the device may change between the two runs.
void checkResumedRecipe(const Recipe& recipe, const std::filesystem::path& recipeFile,
                        const std::filesystem::path& runFolder);
/// Whether `progress` is the checkpoint of the recipe's last epoch: the training is over, and only
/// saving the classifier may be left.
bool trainingFinished(const Recipe& recipe, const TrainingProgress& progress);
/// "resuming after stage 2, epoch 1" / "no checkpoint to resume from: starting from the beginning".
std::string resumeNote(const std::optional<TrainingProgress>& resume);
/// What a diverged run keeps: its last good checkpoint, or that there is none.
std::string keptCheckpointNote(const TrainingCheckpoint& checkpoint);

} // namespace ulmfit
