#pragma once
#include "train/Callback.h"
#include "train/Metrics.h"
#include "train/TrainingObserver.h"

#include <chrono>
#include <vector>

namespace ulmfit {

/// Keeps the smoothed training loss, the validation loss and accuracy, and reports them as
/// BatchEvent / EpochEvent (fastai's Recorder + ProgressCallback).
class Recorder : public Callback {
public:
    struct StageInfo {
        int index = 0;
        std::string name;
        bool languageModel = false; // adds perplexity = exp(valid_loss)
    };

    Recorder(TrainingObserver* observer, StageInfo stage, long long* globalStep = nullptr)
        : m_observer(observer), m_stage(std::move(stage)), m_globalStep(globalStep) {}
    int order() const override { return 50; }

    void beforeFit(Learner& learn) override;
    void beforeEpoch(Learner& learn) override;
    void beforeValidate(Learner& learn) override;
    void afterBatch(Learner& learn) override;
    void afterEpoch(Learner& learn) override;

    const std::vector<EpochEvent>& epochs() const { return m_epochs; }
    const std::vector<double>& batchLosses() const { return m_losses; }
    double smoothedLoss() const { return m_smooth.value(); }

private:
    void recordTrainBatch(Learner& learn, double loss);
    static double secondsSince(std::chrono::steady_clock::time_point start);

    TrainingObserver* m_observer;
    StageInfo m_stage;
    long long* m_globalStep;
    SmoothLoss m_smooth;
    WeightedMean m_validLoss;
    AccuracyMetric m_accuracy;
    std::vector<EpochEvent> m_epochs;
    std::vector<double> m_losses;
    std::chrono::steady_clock::time_point m_fitStart, m_epochStart;
};

} // namespace ulmfit
