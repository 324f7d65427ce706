#include "train/ModelAdapters.h"

#include "model/ParameterGroups.h"

namespace ulmfit {

LearnerModel learnerModel(const LanguageModel& model) {
    LearnerModel adapter;
    auto impl = model.ptr(); // non-const: the lambdas run forward() and reset()
    adapter.module = impl;
    adapter.forward = [impl](const torch::Tensor& input) {
        auto out = impl->forward(input);
        return ModelOutput{out.logits, out.rawLastHidden, out.droppedLastHidden};
    };
    adapter.reset = [impl] { impl->reset(); };
    adapter.groups = parameterGroups(model);
    adapter.noWeightDecay = normAndBiasParameters(*impl);
    return adapter;
}

LearnerModel learnerModel(const TextClassifier& model, int rowBlocks) {
    LearnerModel adapter;
    auto impl = model.ptr();
    adapter.module = impl;
    adapter.forward = [impl, rowBlocks](const torch::Tensor& input) {
        auto out = impl->forwardDetailed(input, rowBlocks);
        return ModelOutput{out.logits, out.encoderOutput, out.encoderOutput};
    };
    adapter.reset = [impl] { impl->reset(); };
    adapter.groups = parameterGroups(model);
    adapter.noWeightDecay = normAndBiasParameters(*impl);
    return adapter;
}

namespace {
AwdLstmConfig withRecipeSizes(AwdLstmConfig config, const Recipe& recipe) {
    config.embSize = recipe.embSize;
    config.hiddenSize = recipe.hiddenSize;
    config.nLayers = recipe.nLayers;
    return config;
}
} // namespace

AwdLstmConfig recipeLmConfig(const Recipe& recipe, int64_t vocabSize) {
    return withRecipeSizes(lmConfig(vocabSize, recipe.lmDropMult), recipe);
}

AwdLstmConfig recipeClassifierConfig(const Recipe& recipe, int64_t vocabSize) {
    return withRecipeSizes(classifierConfig(vocabSize, recipe.classifierDropMult), recipe);
}

} // namespace ulmfit
