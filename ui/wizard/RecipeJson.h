#pragma once
// Recipe files: the engine's recipe JSON schema read and written with QJsonDocument.
#include "wizard/RecipeSpec.h"

#include <QJsonObject>

#include <optional>

namespace ulmfit::ui::RecipeJson {

QJsonObject toJson(const RecipeSpec& spec);
// Missing keys keep their defaults; a wrong type or value gives std::nullopt and a message in *error.
std::optional<RecipeSpec> fromJson(const QJsonObject& object, QString* error = nullptr);

bool save(const RecipeSpec& spec, const QString& path, QString* error = nullptr); // atomic (QSaveFile)
std::optional<RecipeSpec> load(const QString& path, QString* error = nullptr);

} // namespace ulmfit::ui::RecipeJson
