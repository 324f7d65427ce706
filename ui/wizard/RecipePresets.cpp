#include "wizard/RecipePresets.h"

namespace ulmfit::ui::RecipePresets {
namespace {

constexpr double kSliceFactor = 2.6 * 2.6 * 2.6 * 2.6;

StageSpec stage(StageModel model, int freezeTo, int epochs, double lr, bool slice = false) {
    StageSpec spec;
    spec.model = model;
    spec.freezeTo = freezeTo;
    spec.epochs = epochs;
    spec.lrMax = lr;
    spec.lrMin = slice ? lr / kSliceFactor : 0.0;
    return spec;
}

// learn.fit_one_cycle(1, 2e-2); freeze_to(-2) ...; freeze_to(-3) ...; unfreeze() ... (the book's schedule)
QVector<StageSpec> bookClassifierStages() {
    const auto c = StageModel::Classifier;
    return {stage(c, -1, 1, 2e-2), stage(c, -2, 1, 1e-2, true), stage(c, -3, 1, 5e-3, true),
            stage(c, 0, 2, 1e-3, true)};
}

} // namespace

RecipeSpec book() {
    RecipeSpec spec;
    spec.name = QStringLiteral("book");
    spec.lm = LmSpec{}; // pretrained WT103 AWD-LSTM: 400/1152/3, bs 128, seq_len 80, drop_mult 0.3
    spec.classifier = ClassifierSpec{};
    const auto lm = StageModel::LanguageModel;
    spec.stages = {stage(lm, -1, 1, 2e-2), stage(lm, 0, 10, 2e-3)};
    spec.stages += bookClassifierStages();
    spec.mixedPrecision = true;
    spec.device = QStringLiteral("cuda");
    return spec;
}

RecipeSpec quick() {
    RecipeSpec spec;
    spec.name = QStringLiteral("quick");
    spec.lm.source = LmSource::Scratch;
    spec.lm.embSize = 200;
    spec.lm.hiddenSize = 400;
    spec.lm.layers = 2;
    spec.lm.batchSize = 32;
    spec.lm.seqLen = 40;
    spec.classifier.batchSize = 32;
    spec.classifier.seqLen = 40;
    const auto lm = StageModel::LanguageModel;
    const auto c = StageModel::Classifier;
    // A scratch model has nothing frozen to protect, so the LM trains unfrozen from the start.
    spec.stages = {stage(lm, 0, 2, 5e-3), stage(c, -1, 1, 2e-2), stage(c, 0, 1, 5e-3, true)};
    spec.mixedPrecision = false;
    spec.device = QStringLiteral("cpu");
    return spec;
}

QStringList names() {
    return {QStringLiteral("book"), QStringLiteral("quick")};
}

RecipeSpec byName(const QString& name) {
    return name == QLatin1String("quick") ? quick() : book();
}

} // namespace ulmfit::ui::RecipePresets
