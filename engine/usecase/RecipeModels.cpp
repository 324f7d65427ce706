#include "usecase/RecipeModels.h"

#include "model/Checkpoint.h"
#include "pretrained/FastaiModels.h"
#include "train/ModelAdapters.h"
#include "usecase/PretrainedSource.h"

#include <optional>
#include <unordered_set>

namespace ulmfit {

LanguageModel buildRecipeLanguageModel(const Recipe& recipe, const std::vector<std::string>& vocab,
                                       torch::Device device, std::string* note) {
    torch::manual_seed(recipe.seed);
    const AwdLstmConfig config = recipeLmConfig(recipe, static_cast<int64_t>(vocab.size()));
    const auto source = recipe.pretrained.empty() ? std::nullopt : readPretrained(recipe.pretrained, config);
    LanguageModel model{nullptr};
    if (source) {
        checkPretrainedSizes(config, source->model.model->config(), source->origin);
        checkPretrainedDirection(*source, recipe.directions.front()); // a member recipe has one direction
        model = withVocabulary(source->model, vocab, config).model;
        if (note) {
            std::size_t shared = 0;
            const std::unordered_set<std::string> known(source->model.vocab.begin(), source->model.vocab.end());
            for (const auto& token : vocab)
                shared += known.count(token);
            *note = "language model: starts from " + source->origin + " (" + std::to_string(source->model.vocab.size()) +
                    " tokens); " + std::to_string(shared) + " of the corpus's " + std::to_string(vocab.size()) +
                    " tokens keep their pretrained embedding, the others start from the mean";
        }
    } else {
        model = LanguageModel(config);
        if (!recipe.pretrained.empty()) {
            loadEncoder(model->encoder, recipe.pretrained);
            if (note)
                *note = "language model: encoder from " + recipe.pretrained;
        }
    }
    model->train();
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
