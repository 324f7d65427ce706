#include "wizard/RecipePresets.h"

namespace ulmfit::ui::RecipePresets {
namespace {

constexpr double kSpread = 2.6 * 2.6 * 2.6 * 2.6;

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

// Mirrors ulmfit::bookRecipe(): the struct defaults are the book's (400/1152/3, drop_mult 0.3/0.5).
RecipeSpec book() {
    RecipeSpec spec;
    spec.name = QStringLiteral("book");
    spec.stages = {plain(StageModel::LanguageModel, -1, 1, 2e-2), plain(StageModel::LanguageModel, 0, 10, 2e-3)};
    spec.stages += bookClassifierStages(2);
    return spec;
}

// Mirrors ulmfit::quickRecipe(): a small scratch model that trains on two CPU cores in minutes.
RecipeSpec quick() {
    RecipeSpec spec;
    spec.name = QStringLiteral("quick");
    spec.embSize = 128;
    spec.hiddenSize = 384;
    spec.layers = 2;
    spec.maxVocab = 8000;
    spec.lmBatchSize = 32;
    spec.classifierBatchSize = 32;
    spec.maxDocTokens = 256;
    spec.stages = {plain(StageModel::LanguageModel, 0, 2, 1e-2)};
    spec.stages += bookClassifierStages(1);
    return spec;
}

QStringList names() {
    return {QStringLiteral("book"), QStringLiteral("quick")};
}

RecipeSpec byName(const QString& name) {
    return name == QLatin1String("quick") ? quick() : book();
}

} // namespace ulmfit::ui::RecipePresets
