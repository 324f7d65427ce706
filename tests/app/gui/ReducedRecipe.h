#pragma once
// The GUI flow tests' recipe: the quick preset shrunk to train in seconds on two cores, big enough
// to exercise both kinds of stage.
#include "recipe/RecipePresets.h"

inline ulmfit::Recipe reducedQuickRecipe() {
    ulmfit::Recipe recipe = ulmfit::quickRecipe();
    recipe.name = "quick-test";
    recipe.embSize = 32;
    recipe.hiddenSize = 64;
    recipe.nLayers = 2;
    recipe.vocab = {2, 2000};
    recipe.lmBatchSize = 16;
    recipe.classifierBatchSize = 16;
    recipe.lmSeqLen = 32;
    recipe.seqLen = 32;
    recipe.maxDocTokens = 128;
    recipe.device = "cpu";
    using M = ulmfit::RecipeStage::Model;
    recipe.stages = {{M::LanguageModel, 0, 1, ulmfit::LearningRate::plain(1e-2)},
                     {M::Classifier, -1, 1, ulmfit::LearningRate::plain(2e-2)}};
    return recipe;
}
