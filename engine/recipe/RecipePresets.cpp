#include "recipe/RecipePresets.h"

namespace ulmfit {

namespace {
RecipeStage stage(RecipeStage::Model model, int freezeTo, int epochs, LearningRate lr) {
    return RecipeStage{model, freezeTo, epochs, lr};
}

/// The book's gradual unfreezing of the classifier, with the 2.6^4 spread of its slices.
void addBookClassifierStages(Recipe& recipe, double firstLr, int lastEpochs) {
    using M = RecipeStage::Model;
    recipe.stages.push_back(stage(M::Classifier, -1, 1, LearningRate::plain(firstLr)));
    recipe.stages.push_back(stage(M::Classifier, -2, 1, LearningRate::bookSlice(firstLr / 2)));
    recipe.stages.push_back(stage(M::Classifier, -3, 1, LearningRate::bookSlice(5e-3)));
    recipe.stages.push_back(stage(M::Classifier, 0, lastEpochs, LearningRate::bookSlice(1e-3)));
}
} // namespace

Recipe bookRecipe() {
    using M = RecipeStage::Model;
    Recipe recipe;
    recipe.name = "book";
    recipe.pretrained = "wt103-fwd"; // language_model_learner(dls_lm, AWD_LSTM, ...) starts from WikiText-103
    recipe.lmSeqLen = 80; // dls_lm = ...dataloaders(path, bs=128, seq_len=80); the classifier's stays 72
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
    // epoch over 10,000 documents (2.5 minutes on 2 cores) gives the classifier a real start, and
    // 3 unfrozen epochs stop before the overfitting. 400 tokens per review rather than 300: with
    // the fused LSTM there was time for it, and it lifted the test accuracy by about a point
    // (whole-review evaluation 90.7 % -> 91.5 % in 12:47 on 2 cores; docs/benchmarks.md, session 9).
    recipe.maxDocTokens = 400;
    recipe.lmMaxDocs = 10000;
    recipe.stages.push_back(stage(M::LanguageModel, 0, 1, LearningRate::plain(1e-2)));
    recipe.stages.push_back(stage(M::Classifier, -1, 1, LearningRate::plain(2e-2)));
    recipe.stages.push_back(stage(M::Classifier, 0, 3, LearningRate::slice(2e-3, 1e-2)));
    return recipe;
}

Recipe bookBidirectionalRecipe() {
    Recipe recipe = bookRecipe();
    recipe.name = "book-bidirectional";
    recipe.directions = {Direction::Forward, Direction::Backward};
    return recipe;
}

std::vector<std::string> presetNames() {
    return {"book", "quick", "book-bidirectional"};
}

std::optional<Recipe> presetRecipe(const std::string& name) {
    if (name == "book")
        return bookRecipe();
    if (name == "quick")
        return quickRecipe();
    if (name == "book-bidirectional")
        return bookBidirectionalRecipe();
    return std::nullopt;
}

} // namespace ulmfit
