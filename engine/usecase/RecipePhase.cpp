#include "usecase/RecipePhase.h"

#include "core/Error.h"
#include "train/Callbacks.h"
#include "train/MixedPrecision.h"

namespace ulmfit {

std::vector<std::shared_ptr<Callback>> recipeCallbacks(const Recipe& recipe, torch::Device device,
                                                       const CancelToken* cancel, PauseGate* pause) {
    std::vector<std::shared_ptr<Callback>> callbacks{
        std::make_shared<ModelResetter>(), std::make_shared<RnnRegularizer>(recipe.arAlpha, recipe.tarBeta),
        std::make_shared<ControlCallback>(cancel, pause)};
    if (recipe.clip > 0)
        callbacks.push_back(std::make_shared<GradientClip>(recipe.clip));
    if (const PrecisionChoice precision = precisionFor(device.is_cuda(), recipe.mixedPrecision); precision.mixed())
        callbacks.push_back(std::make_shared<MixedPrecision>(precision.precision));
    return callbacks;
}

int firstStageOf(const Recipe& recipe, RecipeStage::Model kind) {
    for (int s = 0; s < static_cast<int>(recipe.stages.size()); ++s)
        if (recipe.stages[s].model == kind)
            return s;
    throw Error("the recipe has no " +
                std::string(kind == RecipeStage::Model::LanguageModel ? "lm" : "classifier") +
                " stage to run lr_find on");
}

} // namespace ulmfit
