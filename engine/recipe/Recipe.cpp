#include "recipe/Recipe.h"

#include <algorithm>
#include <tuple>

namespace ulmfit {

bool RecipeStage::operator==(const RecipeStage& o) const {
    return model == o.model && freezeTo == o.freezeTo && epochs == o.epochs && lr == o.lr;
}

std::vector<RecipeStage> Recipe::stagesOf(RecipeStage::Model model) const {
    std::vector<RecipeStage> selected;
    std::copy_if(stages.begin(), stages.end(), std::back_inserter(selected),
                 [model](const RecipeStage& stage) { return stage.model == model; });
    return selected;
}

void Recipe::setStagesOf(RecipeStage::Model model, std::vector<RecipeStage> replacement) {
    using M = RecipeStage::Model;
    for (auto& stage : replacement)
        stage.model = model;
    std::vector<RecipeStage> lm = model == M::LanguageModel ? replacement : stagesOf(M::LanguageModel);
    const std::vector<RecipeStage> classifier =
        model == M::Classifier ? replacement : stagesOf(M::Classifier);
    lm.insert(lm.end(), classifier.begin(), classifier.end());
    stages = std::move(lm);
}

namespace {
// Every field once: a field added to Recipe goes here too (RecipeTest's JSON round trip compares with ==).
auto fields(const Recipe& r) {
    return std::tie(r.name, r.embSize, r.hiddenSize, r.nLayers, r.lmDropMult, r.classifierDropMult, r.vocab,
                    r.lmBatchSize, r.classifierBatchSize, r.lmSeqLen, r.seqLen, r.maxDocTokens, r.lmValidPct, r.lmMaxDocs,
                    r.seed, r.weightDecay, r.clip, r.checkpointMinutes, r.arAlpha, r.tarBeta, r.device, r.mixedPrecision,
                    r.pretrained, r.directions, r.stages);
}
} // namespace

bool Recipe::operator==(const Recipe& other) const {
    return fields(*this) == fields(other);
}

const char* directionName(Direction direction) {
    return direction == Direction::Backward ? "bwd" : "fwd";
}

std::optional<Direction> directionFromName(const std::string& name) {
    if (name == "fwd")
        return Direction::Forward;
    if (name == "bwd")
        return Direction::Backward;
    return std::nullopt;
}

std::string pretrainedFor(const Recipe& recipe, Direction d) {
    if (d == Direction::Backward && recipe.pretrained == "wt103-fwd")
        return "wt103-bwd";
    return recipe.pretrained;
}

bool fineTunesFromScratch(const Recipe& recipe) {
    const auto lm = recipe.stagesOf(RecipeStage::Model::LanguageModel);
    return recipe.pretrained.empty() &&
           std::any_of(lm.begin(), lm.end(), [](const RecipeStage& s) { return s.freezeTo != 0; });
}

std::string stageCode(const RecipeStage& stage) {
    const std::string freezing =
        stage.freezeTo == 0 ? "unfreeze()" : "freeze_to(" + std::to_string(stage.freezeTo) + ")";
    return freezing + "; fit_one_cycle(" + std::to_string(stage.epochs) + ", " +
           formatLearningRate(stage.lr) + ")";
}

std::string stageTitle(const RecipeStage& stage) {
    return (stage.model == RecipeStage::Model::LanguageModel ? "Language model: " : "Classifier: ") +
           stageCode(stage);
}

} // namespace ulmfit
