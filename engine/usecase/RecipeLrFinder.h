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
    RecipeStage::Model kind = RecipeStage::Model::LanguageModel;
    int stage = 0; // which of kind's stages (0 = its first): its freeze_to is applied
    torch::Device device{torch::kCPU};
    std::filesystem::path encoder; // the classifier starts from it when it exists
    const CancelToken* cancel = nullptr;
    PauseGate* pause = nullptr;
    Observer* observer = nullptr; // progress "lr_find": batches of the range test
};

LrFindResult recipeLrFind(const LrFindRequest& request);

} // namespace ulmfit
