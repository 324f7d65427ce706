#include "usecase/RecipeData.h"

#include <algorithm>

namespace ulmfit {

std::unique_ptr<LmDataLoader> recipeLmLoader(const Recipe& recipe, const Corpus& corpus, bool valid) {
    auto split = splitLmDocuments(corpus, recipe.lmValidPct, recipe.seed);
    // The split is a seeded permutation, so its first documents are a random subset.
    if (recipe.lmMaxDocs > 0 && split.train.size() > static_cast<std::size_t>(recipe.lmMaxDocs))
        split.train.resize(recipe.lmMaxDocs);
    const std::size_t maxValid = std::max<std::size_t>(1, recipe.lmMaxDocs / 9);
    if (recipe.lmMaxDocs > 0 && split.valid.size() > maxValid)
        split.valid.resize(maxValid);
    return std::make_unique<LmDataLoader>(corpus, valid ? split.valid : split.train, recipe.lmBatchSize,
                                          recipe.lmSeqLen, !valid, recipe.seed);
}

std::unique_ptr<ClassifierDataLoader> recipeClassifierLoader(const Recipe& recipe, const Corpus& corpus,
                                                             bool valid) {
    ClassifierLoaderOptions options;
    options.bs = recipe.classifierBatchSize;
    options.shuffle = !valid;
    options.dropLast = !valid;
    options.seed = recipe.seed;
    options.maxTokens = recipe.maxDocTokens;
    return std::make_unique<ClassifierDataLoader>(
        corpus, labelledDocuments(corpus, valid ? Split::Test : Split::Train), options);
}

} // namespace ulmfit
