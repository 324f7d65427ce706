#pragma once
// The recipe runner's data job: the corpus a run trains on, and the recipe's loaders over it.
#include "data/batch/ClassifierDataLoader.h"
#include "data/batch/LmDataLoader.h"
#include "recipe/Recipe.h"

#include <memory>

namespace ulmfit {

/// The LM's loaders: a seeded 90/10 document split, cut to `lmMaxDocs` for a CPU-sized stage.
std::unique_ptr<LmDataLoader> recipeLmLoader(const Recipe& recipe, const Corpus& corpus, bool valid);
/// The classifier's loaders: train/ to train on, test/ to validate on (the book's GrandparentSplitter).
std::unique_ptr<ClassifierDataLoader> recipeClassifierLoader(const Recipe& recipe, const Corpus& corpus,
                                                             bool valid);

} // namespace ulmfit
