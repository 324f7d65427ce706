#pragma once
// The training recipe as the wizard edits it: mirrors the engine's recipe JSON, but in Qt types.
#include <QMetaType>
#include <QString>
#include <QVector>

namespace ulmfit::ui {

enum class StageModel { LanguageModel, Classifier };

// One fit_one_cycle call after a freeze_to: freezeTo < 0 trains the last -freezeTo groups,
// 0 means unfreeze(). lrMin > 0 makes the rate a slice(lrMin, lrMax) across layer groups.
struct StageSpec {
    StageModel model = StageModel::Classifier;
    int freezeTo = -1;
    int epochs = 1;
    double lrMax = 2e-2;
    double lrMin = 0.0;

    bool isSlice() const { return lrMin > 0.0; }
    bool operator==(const StageSpec& other) const;
};

struct DataSpec {
    QString path;        // dataset folder or .tgz archive
    int maxDocsPerClass = 0; // 0 = all
    double validPct = 0.1;   // LM validation share of all texts
};

enum class LmSource { Pretrained, Scratch };

struct LmSpec {
    LmSource source = LmSource::Pretrained;
    QString pretrainedPath; // empty = the built-in WikiText-103 weights
    int embSize = 400;
    int hiddenSize = 1152;
    int layers = 3;
    int batchSize = 128;
    int seqLen = 80;
    double dropMult = 0.3;
};

struct ClassifierSpec {
    int batchSize = 64;
    int seqLen = 72;
    double dropMult = 0.5;
};

struct RecipeSpec {
    QString name = QStringLiteral("book");
    DataSpec data;
    LmSpec lm;
    ClassifierSpec classifier;
    QVector<StageSpec> stages; // LM stages first, then classifier stages
    bool mixedPrecision = false;
    QString device = QStringLiteral("auto"); // auto | cpu | cuda
    int seed = 42;

    QVector<StageSpec> stagesFor(StageModel model) const;
    void setStagesFor(StageModel model, const QVector<StageSpec>& stages);
    bool operator==(const RecipeSpec& other) const;
};

// "2e-2" or "slice(1e-2/2.6**4, 1e-2)", the book's notation; parseLr accepts both forms.
QString formatLr(const StageSpec& stage);
bool parseLr(const QString& text, StageSpec& stage);
QString formatFreeze(int freezeTo);
QString describeStage(const StageSpec& stage); // "freeze_to(-2); fit_one_cycle(1, slice(...))"

} // namespace ulmfit::ui

Q_DECLARE_METATYPE(ulmfit::ui::StageSpec)
Q_DECLARE_METATYPE(ulmfit::ui::RecipeSpec)
