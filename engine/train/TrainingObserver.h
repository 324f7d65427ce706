#pragma once
#include "core/Observer.h"
#include "recipe/Recipe.h"

#include <string>
#include <vector>

namespace ulmfit {

/// One training batch finished (emitted for training batches only).
struct BatchEvent {
    int stageIndex = 0;
    std::string stageName;
    int epoch = 0;       // 0-based
    int totalEpochs = 0; // epochs in this stage
    int batch = 0;       // 0-based within the epoch
    int totalBatches = 0;
    double loss = 0, smoothedLoss = 0;
    double lr = 0; // the last (head) group's rate
    double momentum = 0;
    long long globalStep = 0; // training batches since the run started
    double elapsed = 0;       // seconds since the stage started
};

/// One epoch finished: the row of the book's table.
struct EpochEvent {
    int stageIndex = 0;
    std::string stageName;
    int epoch = 0; // 0-based
    int totalEpochs = 0;
    double trainLoss = 0; // smoothed, as fastai's Recorder shows it
    double validLoss = 0;
    double accuracy = 0;
    double perplexity = 0; // exp(validLoss) for language models, 0 for classifiers
    bool hasPerplexity = false;
    double seconds = 0;
};

/// A recipe stage started or finished.
struct StageEvent {
    enum class Kind { Started, Finished };
    Kind kind = Kind::Started;
    int stageIndex = 0;
    int stageCount = 0;
    std::string stageName; // "lm" / "classifier"
    RecipeStage stage;     // as it runs (front ends word it: stageCode() plus their own model name)
};

/// The learning-rate range test's curve and its suggestion.
struct LrFindResult {
    std::vector<double> lrs;
    std::vector<double> losses; // smoothed losses
    double suggestion = 0;      // fastai's default `valley`
    double minLossLr = 0;       // rate at the minimum smoothed loss, for reference
};

/// Training's observer: plain values only (no torch, no Qt) so a GUI bridge can copy them.
class TrainingObserver : public Observer {
  public:
    virtual void onStage(const StageEvent&) {}
    virtual void onBatch(const BatchEvent&) {}
    virtual void onEpoch(const EpochEvent&) {}
    virtual void onLrFind(const LrFindResult&) {}
};

} // namespace ulmfit
