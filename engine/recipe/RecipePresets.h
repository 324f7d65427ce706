#pragma once
// The built-in recipes: the only list of presets, used by the CLI (--recipe NAME) and the wizard.
#include "recipe/Recipe.h"

#include <optional>
#include <string>
#include <vector>

namespace ulmfit {

/// Chapter 10 of the book, stage for stage.
Recipe bookRecipe();
/// A small model that trains end to end on two CPU cores in minutes.
Recipe quickRecipe();
/// The ULMFiT paper's best IMDb result: the book's recipe trained forward and backward (from
/// wt103-fwd and wt103-bwd), the two classifiers' probabilities averaged.
Recipe bookBidirectionalRecipe();

/// The presets' names, in the order front ends offer them ("book", "quick", "book-bidirectional").
std::vector<std::string> presetNames();
/// The preset called `name`, or nullopt.
std::optional<Recipe> presetRecipe(const std::string& name);

} // namespace ulmfit
