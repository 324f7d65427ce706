#include "usecase/RunCheckpoints.h"

#include "core/Error.h"
#include "recipe/RecipeJson.h"
#include "train/Learner.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace ulmfit {
namespace fs = std::filesystem;

void CheckpointCallback::beforeFit(Learner&) { m_lastSave = Clock::now(); }

void CheckpointCallback::afterBatch(Learner& learn) {
    // Not after the epoch's last batch: afterEpoch saves that one, with its validation done.
    if (!learn.training || m_everyMinutes <= 0 || learn.iter + 1 >= learn.nIter)
        return;
    if (std::chrono::duration<double, std::ratio<60>>(Clock::now() - m_lastSave).count() >= m_everyMinutes)
        save(learn, learn.epoch, learn.iter + 1);
}

void CheckpointCallback::afterEpoch(Learner& learn) { save(learn, learn.epoch + 1, 0); }

void CheckpointCallback::save(Learner& learn, int epochsDone, int batchesDone) {
    m_checkpoint.save({m_stage, epochsDone, m_phase, batchesDone}, *learn.model().module, learn.optimizer());
    m_lastSave = Clock::now();
}

// Continuing a checkpoint under another recipe would silently mix two trainings (and a different
// model size would fail deep inside loading): refuse, naming what differs.
void checkResumedRecipe(const Recipe& recipe, const fs::path& recipeFile, const fs::path& runFolder) {
    if (!fs::exists(recipeFile))
        return;
    std::ifstream in(recipeFile, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    nlohmann::json before;
    try { // read as a recipe, so a file an older version wrote compares field for field
        before = recipeFromJsonText(text.str(), recipeFile.string());
    } catch (const Error&) {
        throw Error(recipeFile.string() +
                    " is unreadable, so --resume cannot check that the recipe is the same; "
                    "train into a new --out folder");
    }
    nlohmann::json now = recipe;
    for (const char* free : {"device", "checkpoint_minutes"}) { // neither changes what is trained
        before.erase(free);
        now.erase(free);
    }
    if (before == now)
        return;
    std::string field = "stages";
    for (auto it = now.begin(); it != now.end(); ++it)
        if (!before.contains(it.key()) || before.at(it.key()) != it.value()) {
            field = it.key();
            break;
        }
    throw Error("cannot resume in " + runFolder.string() + ": that run used a different recipe ('" + field +
                "' differs). Resume with --recipe " + recipeFile.string() +
                ", or train into a new --out folder.");
}

bool trainingFinished(const Recipe& recipe, const TrainingProgress& progress) {
    int last = -1;
    for (std::size_t s = 0; s < recipe.stages.size(); ++s)
        if (recipe.stages[s].model == RecipeStage::Model::Classifier)
            last = static_cast<int>(s);
    return last >= 0 && progress.phase == "classifier" && progress.stage == last &&
           progress.batchesDone == 0 &&
           progress.epochsDone == recipe.stages[static_cast<std::size_t>(last)].epochs;
}

std::string resumeNote(const std::optional<TrainingProgress>& resume) {
    if (!resume)
        return "no checkpoint to resume from: starting from the beginning";
    std::string note = "resuming after stage " + std::to_string(resume->stage + 1) + ", epoch " +
                       std::to_string(resume->epochsDone);
    if (resume->batchesDone > 0)
        note += ", batch " + std::to_string(resume->batchesDone) + " of epoch " + std::to_string(resume->epochsDone + 1);
    return note;
}

std::string keptCheckpointNote(const TrainingCheckpoint& checkpoint) {
    const auto kept = checkpoint.progress();
    if (!kept)
        return "No epoch had completed, so there is no checkpoint.";
    const std::string batch = kept->batchesDone > 0 ? ", batch " + std::to_string(kept->batchesDone) : "";
    return "The last good checkpoint (stage " + std::to_string(kept->stage + 1) + ", epoch " +
           std::to_string(kept->epochsDone) + batch + ") is kept in " + checkpoint.dir().string() +
           "; rerun with --resume.";
}

} // namespace ulmfit
