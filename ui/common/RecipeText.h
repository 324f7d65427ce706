#pragma once
// The recipe in the UI's words: the one place stage titles are translated. The numbers and
// fastai's code notation come from the recipe library; only the model names are translated.
#include "recipe/Recipe.h"

#include <QString>

#include <optional>

namespace ulmfit::ui {

QString learningRateText(const ulmfit::LearningRate& rate); // "2e-2", "slice(1e-2/2.6**4, 1e-2)"
std::optional<ulmfit::LearningRate> parseLearningRateText(const QString& text);
QString freezeText(int freezeTo);                        // "freeze_to(-2)" or "unfreeze()"
QString stageCodeText(const ulmfit::RecipeStage& stage); // "freeze_to(-1); fit_one_cycle(1, 2e-2)"
QString modelName(ulmfit::RecipeStage::Model model);     // "Language model" / "Classifier", translated
QString directionText(const QString& name);              // "fwd" -> "forward", "bwd" -> "backward", translated
QString
stageTitleText(const ulmfit::RecipeStage& stage); // "Language model: unfreeze(); fit_one_cycle(10, 2e-3)"

} // namespace ulmfit::ui
