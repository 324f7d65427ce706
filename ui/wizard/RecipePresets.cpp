#include "wizard/RecipePresets.h"

#include <cmath>

namespace ulmfit::ui::RecipePresets {
namespace {

const double kSpread = std::pow(2.6, 4); // as the engine computes it, to the last bit

StageSpec plain(StageModel model, int freezeTo, int epochs, double lr) {
    return StageSpec{model, freezeTo, epochs, lr, 0.0, false};
}

StageSpec slice(int freezeTo, int epochs, double lr) {
    return StageSpec{StageModel::Classifier, freezeTo, epochs, lr, lr / kSpread, true};
}

// The book's gradual unfreezing, as the engine's addBookClassifierStages writes it.
QVector<StageSpec> bookClassifierStages(int lastEpochs) {
    return {plain(StageModel::Classifier, -1, 1, 2e-2), slice(-2, 1, 1e-2), slice(-3, 1, 5e-3),
            slice(0, lastEpochs, 1e-3)};
}

} // namespace

// Mirrors ulmfit::bookRecipe() (RecipePresetsSyncTest compares them): the struct defaults are the book's (400/1152/3, drop_mult 0.3/0.5).
RecipeSpec book() {
    RecipeSpec spec;
    spec.name = QStringLiteral("book");
    spec.stages = {plain(StageModel::LanguageModel, -1, 1, 2e-2), plain(StageModel::LanguageModel, 0, 10, 2e-3)};
    spec.stages += bookClassifierStages(2);
    return spec;
}

// Mirrors ulmfit::quickRecipe() (RecipePresetsSyncTest compares them): a small scratch model that trains on two CPU cores in minutes.
RecipeSpec quick() {
    RecipeSpec spec;
    spec.name = QStringLiteral("quick");
    spec.embSize = 96;
    spec.hiddenSize = 256;
    spec.layers = 2;
    spec.maxVocab = 8000;
    spec.lmBatchSize = 32;
    spec.classifierBatchSize = 32;
    spec.maxDocTokens = 300;
    spec.lmMaxDocs = 10000;
    spec.stages = {plain(StageModel::LanguageModel, 0, 1, 1e-2), plain(StageModel::Classifier, -1, 1, 2e-2),
                   StageSpec{StageModel::Classifier, 0, 3, 1e-2, 2e-3, true}};
    return spec;
}

QStringList names() {
    return {QStringLiteral("book"), QStringLiteral("quick")};
}

RecipeSpec byName(const QString& name) {
    return name == QLatin1String("quick") ? quick() : book();
}

} // namespace ulmfit::ui::RecipePresets
