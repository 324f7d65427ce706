#include "train/Recorder.h"

#include "train/Learner.h"

#include <cmath>

namespace ulmfit {

double Recorder::secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void Recorder::beforeFit(Learner&) {
    m_smooth.reset();
    m_fitStart = std::chrono::steady_clock::now();
}

void Recorder::beforeEpoch(Learner&) {
    m_epochStart = std::chrono::steady_clock::now();
    m_validLoss.reset();
    m_accuracy.reset();
}

void Recorder::beforeValidate(Learner&) {
    m_validLoss.reset();
    m_accuracy.reset();
}

void Recorder::afterBatch(Learner& learn) {
    const double loss = learn.loss.item<double>();
    if (learn.training) {
        recordTrainBatch(learn, loss);
        return;
    }
    m_validLoss.add(loss, static_cast<double>(learn.batch.target.size(0)));
    m_accuracy.accumulate(learn.output.logits, learn.batch.target);
}

void Recorder::recordTrainBatch(Learner& learn, double loss) {
    m_losses.push_back(loss);
    const double smooth = m_smooth.add(loss);
    if (m_globalStep)
        ++*m_globalStep;
    if (!m_observer)
        return;
    BatchEvent event;
    event.stageIndex = m_stage.index;
    event.stageName = m_stage.name;
    event.epoch = learn.epoch;
    event.totalEpochs = learn.nEpoch;
    event.batch = learn.iter;
    event.totalBatches = learn.nIter;
    event.loss = loss;
    event.smoothedLoss = smooth;
    auto& opt = learn.optimizer();
    event.lr = opt.learningRate(opt.groupCount() - 1);
    event.momentum = opt.momentum();
    event.globalStep = m_globalStep ? *m_globalStep : learn.trainIter + 1;
    event.elapsed = secondsSince(m_fitStart);
    m_observer->onBatch(event);
}

void Recorder::afterEpoch(Learner& learn) {
    EpochEvent event;
    event.stageIndex = m_stage.index;
    event.stageName = m_stage.name;
    event.epoch = learn.epoch;
    event.totalEpochs = learn.nEpoch;
    event.trainLoss = m_smooth.value();
    event.validLoss = m_validLoss.value();
    event.accuracy = m_accuracy.value();
    event.hasPerplexity = m_stage.languageModel;
    event.perplexity = m_stage.languageModel ? std::exp(event.validLoss) : 0.0;
    event.seconds = secondsSince(m_epochStart);
    m_epochs.push_back(event);
    if (m_observer)
        m_observer->onEpoch(event);
}

} // namespace ulmfit
