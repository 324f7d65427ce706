#include "train/Learner.h"

#include <torch/nn/functional/loss.h>
#include <torch/utils.h>

#include <algorithm>

namespace ulmfit {

Learner::Learner(LearnerModel model, BatchSource& train, BatchSource* valid, torch::Device device,
                 DiscriminativeAdam::Options options)
    : m_model(std::move(model)), m_train(train), m_valid(valid), m_device(device) {
    m_model.module->to(device);
    m_optimizer = std::make_unique<DiscriminativeAdam>(m_model.groups, options, m_model.noWeightDecay);
}

void Learner::addCallback(std::shared_ptr<Callback> callback) {
    m_callbacks.push_back(std::move(callback));
    std::stable_sort(m_callbacks.begin(), m_callbacks.end(),
                     [](const auto& a, const auto& b) { return a->order() < b->order(); });
}

void Learner::removeCallback(const Callback* callback) {
    m_callbacks.erase(std::remove_if(m_callbacks.begin(), m_callbacks.end(),
                                     [&](const auto& c) { return c.get() == callback; }),
                      m_callbacks.end());
}

template <class Event>
void Learner::emit(Event event) {
    // Copy: a callback may add or remove callbacks while the event runs.
    const auto callbacks = m_callbacks;
    for (const auto& callback : callbacks)
        ((*callback).*event)(*this);
}

void Learner::fit(int epochs, int startEpoch, int startBatch) {
    nEpoch = epochs;
    m_startEpoch = startEpoch;
    m_startBatch = startBatch;
    trainIter = static_cast<long long>(startEpoch) * static_cast<long long>(m_train.size()) + startBatch;
    skipValidate = false;
    try {
        emit(&Callback::beforeFit);
        for (epoch = startEpoch; epoch < epochs; ++epoch)
            runEpoch();
    } catch (const StopFit&) {
    } catch (...) {
        for (const auto& callback : std::vector(m_callbacks))
            callback->afterFit(*this, true);
        m_model.module->eval();
        throw;
    }
    for (const auto& callback : std::vector(m_callbacks))
        callback->afterFit(*this, false);
    m_model.module->eval();
}

void Learner::runEpoch() {
    emit(&Callback::beforeEpoch);
    runTrain();
    if (m_valid && !skipValidate)
        runValidate();
    emit(&Callback::afterEpoch);
}

void Learner::runTrain() {
    training = true;
    m_model.module->train();
    m_train.startEpoch(epoch);
    nIter = static_cast<int>(m_train.size());
    emit(&Callback::beforeTrain);
    // A resumed epoch skips the batches its checkpoint had trained: same order, same schedule.
    for (iter = epoch == m_startEpoch ? std::min(m_startBatch, nIter) : 0; iter < nIter; ++iter) {
        pctTrain = static_cast<double>(trainIter) / (static_cast<double>(nEpoch) * std::max(nIter, 1));
        oneBatch(m_train, iter);
        ++trainIter;
    }
    emit(&Callback::afterTrain);
}

void Learner::runValidate() {
    training = false;
    m_model.module->eval();
    torch::NoGradGuard noGrad;
    nIter = static_cast<int>(m_valid->size());
    emit(&Callback::beforeValidate);
    if (skipValidate)
        return;
    for (iter = 0; iter < nIter; ++iter)
        oneBatch(*m_valid, iter);
    emit(&Callback::afterValidate);
}

void Learner::oneBatch(BatchSource& source, std::size_t index) {
    Batch raw = source.batch(index);
    batch = {raw.input.to(m_device), raw.target.to(m_device)};
    emit(&Callback::beforeBatch);
    output = m_model.forward(batch.input);
    emit(&Callback::afterPred);
    loss = flatCrossEntropy(output.logits, batch.target);
    lossGrad = loss;
    emit(&Callback::afterLoss);
    if (training)
        backwardAndStep();
    emit(&Callback::afterBatch);
}

void Learner::backwardAndStep() {
    emit(&Callback::beforeBackward);
    lossGrad.backward();
    emit(&Callback::afterBackward);
    skipStep = false;
    emit(&Callback::beforeStep);
    if (!skipStep)
        m_optimizer->step();
    emit(&Callback::afterStep);
    m_optimizer->zeroGrad();
}

torch::Tensor flatCrossEntropy(const torch::Tensor& logits, const torch::Tensor& target) {
    const auto classes = logits.size(-1);
    return torch::nn::functional::cross_entropy(logits.reshape({-1, classes}).to(torch::kFloat),
                                                target.reshape({-1}));
}

} // namespace ulmfit
