#pragma once
// The recipe runner's lr_find job: fastai's learning-rate range test on the model as a stage
// starts it (its frozen groups, the recipe's callbacks).
#include "core/CancelToken.h"
#include "data/corpus/Corpus.h"
#include "recipe/Recipe.h"
#include "train/PauseGate.h"
#include "train/TrainingObserver.h"

#include <torch/types.h>

#include <filesystem>

namespace ulmfit {

struct LrFindRequest {
    const Recipe* recipe = nullptr;
    const Corpus* corpus = nullptr;
    RecipeStage::Model kind = RecipeStage::Model::LanguageModel; // its first stage is the one tested
    torch::Device device{torch::kCPU};
    std::filesystem::path encoder; // the classifier starts from it when it exists
    const CancelToken* cancel = nullptr;
    PauseGate* pause = nullptr;
};

LrFindResult recipeLrFind(const LrFindRequest& request);

} // namespace ulmfit
