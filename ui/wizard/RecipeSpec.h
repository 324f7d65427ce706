#pragma once
// The training recipe as the wizard edits it: field for field the engine's Recipe (train/Recipe.h),
// in Qt types, so the bridge converts one to the other and the JSON files are interchangeable.
#include <QMetaType>
#include <QString>
#include <QVector>

namespace ulmfit::ui {

enum class StageModel { LanguageModel, Classifier };

// One fit_one_cycle call after a freeze_to: freezeTo < 0 trains the last -freezeTo groups,
// 0 means unfreeze(). A slice spreads rates over the groups: slice(lrMin, lrMax), or
// slice(lrMax) when lrMin is 0 (fastai: lrMax/10 for every group but the last).
struct StageSpec {
    StageModel model = StageModel::Classifier;
    int freezeTo = -1;
    int epochs = 1;
    double lrMax = 2e-2;
    double lrMin = 0.0;
    bool slice = false;

    bool operator==(const StageSpec& other) const;
};

struct RecipeSpec {
    QString name = QStringLiteral("custom");
    int embSize = 400, hiddenSize = 1152, layers = 3;
    double lmDropMult = 0.3, classifierDropMult = 0.5;
    int maxVocab = 60000, minFreq = 3;
    int lmBatchSize = 128, classifierBatchSize = 128;
    int seqLen = 72;       // bptt for the LM and the classifier's chunk length
    int maxDocTokens = 0;  // > 0: the classifier reads only each document's first N tokens
    double lmValidPct = 0.1;
    int lmMaxDocs = 0;     // > 0: the LM trains on at most N documents (a CPU-sized LM stage)
    int seed = 42;
    double weightDecay = 0.01, clip = 0.0, arAlpha = 2.0, tarBeta = 1.0;
    QString device = QStringLiteral("auto"); // auto | cpu | cuda
    bool mixedPrecision = true;
    QString pretrainedEncoder; // empty: the LM starts from random weights
    QVector<StageSpec> stages; // LM stages first, then classifier stages

    QVector<StageSpec> stagesFor(StageModel model) const;
    void setStagesFor(StageModel model, const QVector<StageSpec>& stages);
    bool operator==(const RecipeSpec& other) const;
};

// What "Start training" asks for: the recipe plus where its data comes from and results go.
struct TrainingRequest {
    RecipeSpec recipe;
    QString dataPath;  // dataset folder or .tgz archive
    QString outputDir; // empty: the application picks one
};

// "2e-2" or "slice(1e-2/2.6**4, 1e-2)", the book's notation; parseLr accepts both forms.
QString formatLr(const StageSpec& stage);
bool parseLr(const QString& text, StageSpec& stage);
QString formatFreeze(int freezeTo);
QString describeStage(const StageSpec& stage); // "freeze_to(-2); fit_one_cycle(1, slice(...))"

} // namespace ulmfit::ui

Q_DECLARE_METATYPE(ulmfit::ui::StageSpec)
Q_DECLARE_METATYPE(ulmfit::ui::RecipeSpec)
Q_DECLARE_METATYPE(ulmfit::ui::TrainingRequest)
