#include "usecase/RunCheckpoints.h"

#include "core/Error.h"
#include "recipe/RecipeJson.h"
#include "train/Learner.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

namespace ulmfit {
namespace fs = std::filesystem;

void CheckpointCallback::afterEpoch(Learner& learn) {
    m_checkpoint.save({m_stage, learn.epoch + 1, m_phase}, *learn.model().module, learn.optimizer());
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
    before.erase("device");
    now.erase("device");
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

std::string resumeNote(const std::optional<TrainingProgress>& resume) {
    return resume ? "resuming after stage " + std::to_string(resume->stage + 1) + ", epoch " +
                        std::to_string(resume->epochsDone)
                  : std::string("no checkpoint to resume from: starting from the beginning");
}

std::string keptCheckpointNote(const TrainingCheckpoint& checkpoint) {
    const auto kept = checkpoint.progress();
    if (!kept)
        return "No epoch had completed, so there is no checkpoint.";
    return "The last good checkpoint (stage " + std::to_string(kept->stage + 1) + ", epoch " +
           std::to_string(kept->epochsDone) + ") is kept in " + checkpoint.dir().string() +
           "; rerun with --resume.";
}

} // namespace ulmfit
