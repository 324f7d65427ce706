#include "usecase/RecipeLrFinder.h"

#include "core/Error.h"
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
/// The range test's batches as progress (it runs at most LrFindOptions::numIt of them).
struct RangeTestProgress : Callback {
    Observer* observer;
    int total;
    RangeTestProgress(Observer* o, int n) : observer(o), total(n) {}
    void afterBatch(Learner& learn) override {
        report(observer, Progress{"lr_find", double(learn.trainIter + 1), double(total), 0, "batches", {}});
    }
};

template <class Model, class Loader>
LrFindResult findWith(const LrFindRequest& request, Model model, Loader& loader, int stage) {
    freezeTo(model, effectiveStage(*request.recipe, stage).freezeTo);
    LoaderSource<Loader> source(loader);
    Learner learn(learnerModel(model), source, nullptr, request.device);
    for (const auto& callback :
         recipeCallbacks(*request.recipe, request.device, request.cancel, request.pause))
        learn.addCallback(callback);
    if (request.observer)
        learn.addCallback(std::make_shared<RangeTestProgress>(request.observer, LrFindOptions{}.numIt));
    return lrFind(learn);
}
} // namespace

LrFindResult recipeLrFind(const LrFindRequest& request) {
    const Recipe& recipe = *request.recipe;
    const Corpus& corpus = *request.corpus;
    const int count = static_cast<int>(recipe.stagesOf(request.kind).size());
    if (request.stage < 0 || request.stage >= count)
        throw Error("lr_find: the recipe has " + std::to_string(count) + " stages of that model, not a stage " +
                    std::to_string(request.stage + 1));
    const int stage = firstStageOf(recipe, request.kind) + request.stage;
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
