#include "usecase/RecipeModels.h"

#include "model/Checkpoint.h"
#include "train/ModelAdapters.h"

namespace ulmfit {

LanguageModel buildRecipeLanguageModel(const Recipe& recipe, int64_t vocabSize, torch::Device device) {
    torch::manual_seed(recipe.seed);
    LanguageModel model(recipeLmConfig(recipe, vocabSize));
    if (!recipe.pretrained.empty())
        loadEncoder(model->encoder, recipe.pretrained);
    model->to(device);
    return model;
}

TextClassifier buildRecipeClassifier(const Recipe& recipe, int64_t vocabSize, int64_t classes,
                                     const std::filesystem::path& encoder, torch::Device device) {
    torch::manual_seed(recipe.seed);
    ClassifierOptions options;
    options.nClasses = classes;
    options.seqLen = recipe.seqLen;
    options.maxLen = static_cast<int64_t>(recipe.seqLen) * 20; // fastai's max_len = 72 * 20
    TextClassifier model(recipeClassifierConfig(recipe, vocabSize), options);
    if (!encoder.empty())
        loadEncoder(model->awdLstm(), encoder);
    model->to(device);
    return model;
}

RecipeStage effectiveStage(const Recipe& recipe, int index) {
    RecipeStage stage = recipe.stages.at(index);
    if (stage.model == RecipeStage::Model::LanguageModel && recipe.pretrained.empty())
        stage.freezeTo = 0;
    return stage;
}

} // namespace ulmfit
