#include "train/Recipe.h"

#include "core/Error.h"

#include <cmath>

namespace ulmfit {

std::string RecipeStage::describe() const {
    const std::string who = model == Model::LanguageModel ? "Language model" : "Classifier";
    std::string freezing = freezeTo == 0 ? "unfrozen" : freezeTo == -1 ? "frozen"
                                                                       : "freeze_to(" + std::to_string(freezeTo) + ")";
    return who + ": fit_one_cycle(" + std::to_string(epochs) + ", " + lr.describe() + ") " + freezing;
}

std::vector<RecipeStage> Recipe::stagesOf(RecipeStage::Model model) const {
    std::vector<RecipeStage> selected;
    for (const auto& stage : stages)
        if (stage.model == model)
            selected.push_back(stage);
    return selected;
}

namespace {
RecipeStage stage(RecipeStage::Model model, int freezeTo, int epochs, LearningRate lr) {
    RecipeStage s;
    s.model = model;
    s.freezeTo = freezeTo;
    s.epochs = epochs;
    s.lr = lr;
    return s;
}

/// The book's gradual unfreezing of the classifier, with the 2.6^4 spread of its slices.
void addBookClassifierStages(Recipe& recipe, double firstLr, int lastEpochs) {
    using M = RecipeStage::Model;
    const double spread = std::pow(2.6, 4);
    recipe.stages.push_back(stage(M::Classifier, -1, 1, LearningRate::plain(firstLr)));
    recipe.stages.push_back(stage(M::Classifier, -2, 1, LearningRate::slice(firstLr / 2 / spread, firstLr / 2)));
    recipe.stages.push_back(stage(M::Classifier, -3, 1, LearningRate::slice(5e-3 / spread, 5e-3)));
    recipe.stages.push_back(stage(M::Classifier, 0, lastEpochs, LearningRate::slice(1e-3 / spread, 1e-3)));
}
} // namespace

Recipe bookRecipe() {
    using M = RecipeStage::Model;
    Recipe recipe;
    recipe.name = "book";
    recipe.stages.push_back(stage(M::LanguageModel, -1, 1, LearningRate::plain(2e-2)));
    recipe.stages.push_back(stage(M::LanguageModel, 0, 10, LearningRate::plain(2e-3)));
    addBookClassifierStages(recipe, 2e-2, 2);
    return recipe;
}

Recipe quickRecipe() {
    using M = RecipeStage::Model;
    Recipe recipe;
    recipe.name = "quick";
    recipe.embSize = 96;
    recipe.hiddenSize = 256;
    recipe.nLayers = 2;
    recipe.vocab.maxVocab = 8000;
    recipe.lmBatchSize = 32;
    recipe.classifierBatchSize = 32;
    // Chosen by measurement on the full IMDb (docs/benchmarks.md): a classifier reading only 160
    // tokens on top of an LM that saw 300 documents peaked at 84.1 % and then overfitted. An LM
    // epoch over 10,000 documents (about 7 minutes on 2 cores) gives the classifier a real start,
    // 300 tokens cover most reviews whole, and 3 unfrozen epochs stop before the overfitting.
    recipe.maxDocTokens = 300;
    recipe.lmMaxDocs = 10000;
    recipe.stages.push_back(stage(M::LanguageModel, 0, 1, LearningRate::plain(1e-2)));
    recipe.stages.push_back(stage(M::Classifier, -1, 1, LearningRate::plain(2e-2)));
    recipe.stages.push_back(stage(M::Classifier, 0, 3, LearningRate::slice(2e-3, 1e-2)));
    return recipe;
}

} // namespace ulmfit
