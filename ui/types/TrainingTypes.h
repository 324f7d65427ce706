#pragma once
// Plain value types the bridge copies engine training events into; queued across threads.
#include "recipe/Recipe.h"

#include <QMetaType>
#include <QString>
#include <QVector>

#include <limits>

namespace ulmfit::ui {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

// One optimizer step. `step` counts batches over the whole recipe, so all plots share one x axis.
struct BatchPoint {
    int stage = 0;
    int epoch = 0;          // within the stage
    int batch = 0;          // within the epoch, 1-based after the step
    int batchesInEpoch = 0; // 0 when unknown
    qint64 step = 0;
    double loss = kNoValue;
    double smoothedLoss = kNoValue;
    double lr = kNoValue;
    double momentum = kNoValue;
};

// One row of the book's epoch table; NaN where a metric does not apply (perplexity for classifiers).
struct EpochRow {
    int stage = 0;
    int epoch = 0;
    qint64 step = 0; // global step at the end of the epoch: where epoch metrics are plotted
    double trainLoss = kNoValue;
    double validLoss = kNoValue;
    double accuracy = kNoValue;
    double perplexity = kNoValue;
    double seconds = 0.0;
};

// A recipe stage as the run sees it: where it starts on the step axis and how long it is.
struct StageInfo {
    int index = 0;
    ulmfit::RecipeStage stage; // as it runs; the view words it (common/RecipeText's stageTitleText)
    bool classifier = false;
    int epochs = 0;
    qint64 firstStep = 0;
    qint64 steps = 0; // 0 when unknown
};

// Everything known before the first batch; totalSteps drives the recipe progress bar and ETA.
struct RunPlan {
    QString recipeName;
    QVector<StageInfo> stages;
    qint64 totalSteps = 0;
};

// fastai's lr_find for one stage of a recipe: smoothed loss against the rate, and its suggestion.
struct LrFinderCurve {
    ulmfit::RecipeStage::Model model = ulmfit::RecipeStage::Model::LanguageModel;
    int stage = 0; // which of that model's stages (0 = its first)
    QVector<double> lrs;
    QVector<double> losses;
    double suggestion = kNoValue; // fastai's `valley`
    double minLossLr = kNoValue;
};

enum class RunOutcome { Finished, Cancelled, Failed };

void registerTrainingMetaTypes();

} // namespace ulmfit::ui

Q_DECLARE_METATYPE(ulmfit::ui::BatchPoint)
Q_DECLARE_METATYPE(ulmfit::ui::EpochRow)
Q_DECLARE_METATYPE(ulmfit::ui::StageInfo)
Q_DECLARE_METATYPE(ulmfit::ui::RunPlan)
Q_DECLARE_METATYPE(ulmfit::ui::LrFinderCurve)
