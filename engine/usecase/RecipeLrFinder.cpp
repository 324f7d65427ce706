#include "usecase/RecipeLrFinder.h"

#include "model/ParameterGroups.h"
#include "train/Learner.h"
#include "train/LrFinder.h"
#include "train/ModelAdapters.h"
#include "usecase/RecipeData.h"
#include "usecase/RecipeModels.h"
#include "usecase/RecipePhase.h"

namespace ulmfit {
namespace fs = std::filesystem;

namespace {
template <class Model, class Loader>
LrFindResult findWith(const LrFindRequest& request, Model model, Loader& loader, int stage) {
    freezeTo(model, effectiveStage(*request.recipe, stage).freezeTo);
    LoaderSource<Loader> source(loader);
    Learner learn(learnerModel(model), source, nullptr, request.device);
    for (const auto& callback :
         recipeCallbacks(*request.recipe, request.device, request.cancel, request.pause))
        learn.addCallback(callback);
    return lrFind(learn);
}
} // namespace

LrFindResult recipeLrFind(const LrFindRequest& request) {
    const Recipe& recipe = *request.recipe;
    const Corpus& corpus = *request.corpus;
    const int stage = firstStageOf(recipe, request.kind);
    const auto vocabSize = static_cast<int64_t>(corpus.vocab.size());
    if (request.kind == RecipeStage::Model::LanguageModel) {
        auto loader = recipeLmLoader(recipe, corpus, false);
        return findWith(request, buildRecipeLanguageModel(recipe, corpus.vocab.itos(), request.device), *loader, stage);
    }
    auto loader = recipeClassifierLoader(recipe, corpus, false);
    const fs::path encoder = fs::exists(request.encoder) ? request.encoder : fs::path();
    auto model = buildRecipeClassifier(recipe, vocabSize, static_cast<int64_t>(corpus.labelNames.size()),
                                       encoder, request.device);
    return findWith(request, model, *loader, stage);
}

} // namespace ulmfit
