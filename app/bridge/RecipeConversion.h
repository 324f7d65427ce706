#pragma once
// ui::RecipeSpec <-> ulmfit::Recipe, field for field (the wizard's spec mirrors the engine's struct).
#include "train/Recipe.h"
#include "ui/wizard/RecipeSpec.h"

ulmfit::Recipe toEngineRecipe(const ulmfit::ui::RecipeSpec& spec);
ulmfit::ui::RecipeSpec fromEngineRecipe(const ulmfit::Recipe& recipe);
