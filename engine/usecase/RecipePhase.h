#pragma once
// What the recipe runner and its lr_find share: one model's share of the recipe, and the
// callbacks every stage of a recipe trains with.
#include "core/CancelToken.h"
#include "recipe/Recipe.h"
#include "train/Callback.h"
#include "train/LearnerModel.h"
#include "train/PauseGate.h"

#include <torch/types.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ulmfit {

/// One model's share of the recipe: its adapter, loaders and freezing function.
struct RecipePhase {
    std::string name; // "lm" / "classifier"
    RecipeStage::Model kind;
    LearnerModel model;
    BatchSource* train = nullptr;
    BatchSource* valid = nullptr;
    std::function<void(int)> freezeTo;
};

/// Model reset, AR/TAR, cancel and pause, then gradient clipping and mixed precision (CUDA) when
/// the recipe asks for them: what lr_find and every stage train with.
std::vector<std::shared_ptr<Callback>> recipeCallbacks(const Recipe& recipe, torch::Device device,
                                                       const CancelToken* cancel, PauseGate* pause);

/// The index of the first stage of `kind`; throws ulmfit::Error when the recipe has none.
int firstStageOf(const Recipe& recipe, RecipeStage::Model kind);

} // namespace ulmfit
