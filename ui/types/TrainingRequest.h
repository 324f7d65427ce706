#pragma once
// What "Start training" asks for: the engine's recipe (one definition, recipe/Recipe.h) plus where
// its data comes from and where results go.
#include "recipe/Recipe.h"

#include <QMetaType>
#include <QString>

namespace ulmfit::ui {

using StageModel = ulmfit::RecipeStage::Model;

struct TrainingRequest {
    ulmfit::Recipe recipe;
    QString dataPath;  // dataset folder or .tgz archive
    QString outputDir; // empty: the application picks one
    bool resume = false; // continue the run in outputDir from its last checkpoint
};

} // namespace ulmfit::ui

Q_DECLARE_METATYPE(ulmfit::RecipeStage)
Q_DECLARE_METATYPE(ulmfit::Recipe)
Q_DECLARE_METATYPE(ulmfit::ui::TrainingRequest)
