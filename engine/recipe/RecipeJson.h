#pragma once
// Recipe <-> JSON (the recipe file format). Every failure is a ulmfit::Error naming the field.
#include "recipe/Recipe.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace ulmfit {

void to_json(nlohmann::json& json, const Recipe& recipe);
void from_json(const nlohmann::json& json, Recipe& recipe); // throws ulmfit::Error naming the field

/// The recipe file's text (indented JSON, ending in a newline).
std::string recipeToJsonText(const Recipe& recipe);
/// Parses a recipe file's text; `source` (a file name) starts every error message.
Recipe recipeFromJsonText(const std::string& text, const std::string& source);
/// "book", "quick" (the presets) or a JSON file. Throws ulmfit::Error naming the file and field.
Recipe loadRecipe(const std::string& nameOrPath);

} // namespace ulmfit
