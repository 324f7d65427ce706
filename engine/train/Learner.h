#pragma once
#include "train/Callback.h"
#include "train/DiscriminativeAdam.h"
#include "train/LearnerModel.h"

#include <memory>
#include <vector>

namespace ulmfit {

/// The training loop, written once (fastai's Learner). Everything else — schedules, model
/// reset, AR/TAR, clipping, mixed precision, metrics, progress, checkpoints, cancel, lr_find —
/// hangs on callbacks. Public state is what callbacks read and change, as in fastai.
class Learner {
public:
    Learner(LearnerModel model, BatchSource& train, BatchSource* valid, torch::Device device,
            DiscriminativeAdam::Options options = {});

    void addCallback(std::shared_ptr<Callback> callback);
    void removeCallback(const Callback* callback);

    /// Runs epochs [startEpoch, epochs), the first of them from batch `startBatch` on: the schedule
    /// sees progress over all `epochs` and each epoch's batch order depends only on the epoch, so a
    /// resumed fit continues where the interrupted one stopped.
    void fit(int epochs, int startEpoch = 0, int startBatch = 0);

    LearnerModel& model() { return m_model; }
    DiscriminativeAdam& optimizer() { return *m_optimizer; }
    torch::Device device() const { return m_device; }
    std::size_t trainBatches() const { return m_train.size(); }

    // State during a fit (fastai names).
    int epoch = 0, nEpoch = 0;
    int iter = 0, nIter = 0;
    long long trainIter = 0; // training batches since the fit began
    double pctTrain = 0;     // progress of the whole fit, 0..1
    bool training = false;
    bool skipStep = false;     // set in beforeStep to skip the optimizer step
    bool skipValidate = false; // set in beforeFit/beforeValidate to skip validation
    Batch batch;
    ModelOutput output;
    torch::Tensor loss;     // the data loss (for reporting)
    torch::Tensor lossGrad; // what backward() sees: loss + regularisers (+ scaling)

private:
    template <class Event>
    void emit(Event event);
    void runEpoch();
    void runTrain();
    void runValidate();
    void oneBatch(BatchSource& source, std::size_t index);
    void backwardAndStep();

    LearnerModel m_model;
    BatchSource& m_train;
    BatchSource* m_valid;
    int m_startEpoch = 0, m_startBatch = 0;
    torch::Device m_device;
    std::unique_ptr<DiscriminativeAdam> m_optimizer;
    std::vector<std::shared_ptr<Callback>> m_callbacks;
};

/// Cross-entropy over flattened logits (fastai's CrossEntropyLossFlat).
torch::Tensor flatCrossEntropy(const torch::Tensor& logits, const torch::Tensor& target);

} // namespace ulmfit
