#include "train/Callbacks.h"

#include "train/Learner.h"

#include <torch/nn/utils/clip_grad.h>

#include <cmath>

namespace ulmfit {

namespace {
void resetModel(Learner& learn) {
    if (learn.model().reset)
        learn.model().reset();
}
} // namespace

void ModelResetter::beforeTrain(Learner& learn) { resetModel(learn); }
void ModelResetter::beforeValidate(Learner& learn) { resetModel(learn); }
void ModelResetter::afterFit(Learner& learn, bool) { resetModel(learn); }

void RnnRegularizer::afterLoss(Learner& learn) {
    if (!learn.training)
        return;
    const auto& out = learn.output;
    if (m_alpha != 0.0 && out.droppedHidden.defined())
        learn.lossGrad = learn.lossGrad + m_alpha * out.droppedHidden.to(torch::kFloat).pow(2).mean();
    if (m_beta != 0.0 && out.rawHidden.defined() && out.rawHidden.dim() == 3 && out.rawHidden.size(1) > 1) {
        const auto h = out.rawHidden.to(torch::kFloat);
        const auto steps = h.size(1);
        const auto diff = h.narrow(1, 1, steps - 1) - h.narrow(1, 0, steps - 1);
        learn.lossGrad = learn.lossGrad + m_beta * diff.pow(2).mean();
    }
}

void GradientClip::afterBackward(Learner& learn) {
    if (m_maxNorm <= 0.0)
        return;
    std::vector<torch::Tensor> withGrad;
    for (const auto& p : learn.optimizer().parameters())
        if (p.grad().defined())
            withGrad.push_back(p);
    torch::nn::utils::clip_grad_norm_(withGrad, m_maxNorm);
}

void DivergenceGuard::afterLoss(Learner& learn) {
    if (!learn.training)
        return;
    const double value = learn.loss.item<double>();
    if (std::isfinite(value))
        return;
    throw TrainingDiverged("training diverged: the loss became " + std::string(std::isnan(value) ? "NaN" : "infinite") +
                           (m_stage.empty() ? "" : " in stage '" + m_stage + "'") + " at epoch " +
                           std::to_string(learn.epoch + 1) + ", batch " + std::to_string(learn.iter + 1) +
                           ". Lower the learning rate (or enable gradient clipping) and resume from the last "
                           "checkpoint.");
}

void ControlCallback::beforeBatch(Learner&) {
    if (m_pause)
        m_pause->wait(m_cancel);
    throwIfCancelled(m_cancel);
}

} // namespace ulmfit
