#include "train/LrFinder.h"

#include "train/Learner.h"
#include "train/Schedule.h"

#include <torch/utils.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace ulmfit {

void LrFinder::beforeFit(Learner& learn) {
    learn.skipValidate = true;
    m_smooth.reset();
    m_best = std::numeric_limits<double>::infinity();
    m_lrs.clear();
    m_losses.clear();
}

void LrFinder::beforeBatch(Learner& learn) {
    if (!learn.training)
        return;
    const double progress = static_cast<double>(learn.trainIter) / m_options.numIt;
    const double lr = schedExp(m_options.startLr, m_options.endLr, progress);
    learn.optimizer().setLearningRates(std::vector<double>(learn.optimizer().groupCount(), lr));
}

void LrFinder::afterBatch(Learner& learn) {
    if (!learn.training)
        return;
    const double smooth = m_smooth.add(learn.loss.item<double>());
    m_lrs.push_back(learn.optimizer().learningRate(0));
    m_losses.push_back(smooth);
    m_best = std::min(m_best, smooth);
    if (m_options.stopDiv && (smooth > 4.0 * m_best || std::isnan(smooth)))
        throw StopFit{};
    if (learn.trainIter + 1 >= m_options.numIt)
        throw StopFit{};
}

void LrFinder::beforeValidate(Learner& learn) { learn.skipValidate = true; }

double suggestValley(const std::vector<double>& allLrs, const std::vector<double>& allLosses, int numIt) {
    const std::size_t begin = static_cast<std::size_t>(numIt / 10);
    const std::size_t end = allLosses.size() > 5 ? allLosses.size() - 5 : 0;
    std::vector<double> lrs, losses;
    for (std::size_t i = begin; i < end && !std::isnan(allLosses[i]); ++i) {
        lrs.push_back(allLrs[i]);
        losses.push_back(allLosses[i]);
    }
    if (losses.empty())
        return allLrs.empty() ? 0.0 : allLrs[allLrs.size() / 2];
    // Longest decreasing run (not necessarily contiguous), as fastai's valley finds it.
    const std::size_t n = losses.size();
    std::vector<int> lds(n, 1);
    std::size_t maxStart = 0, maxEnd = 0;
    for (std::size_t i = 1; i < n; ++i)
        for (std::size_t j = 0; j < i; ++j) {
            if (losses[i] < losses[j] && lds[i] < lds[j] + 1)
                lds[i] = lds[j] + 1;
            if (lds[maxEnd] < lds[i]) {
                maxEnd = i;
                maxStart = maxEnd - lds[maxEnd];
            }
        }
    const double sections = static_cast<double>(maxEnd - maxStart) / 3.0;
    const std::size_t idx = maxStart + static_cast<std::size_t>(sections) + static_cast<std::size_t>(sections / 2);
    return lrs[std::min(idx, n - 1)];
}

namespace {
std::vector<torch::Tensor> snapshot(torch::nn::Module& module) {
    std::vector<torch::Tensor> copies;
    torch::NoGradGuard noGrad;
    for (const auto& p : module.parameters())
        copies.push_back(p.detach().clone());
    for (const auto& b : module.buffers())
        copies.push_back(b.detach().clone());
    return copies;
}

void restore(torch::nn::Module& module, const std::vector<torch::Tensor>& copies) {
    torch::NoGradGuard noGrad;
    std::size_t i = 0;
    for (auto& p : module.parameters())
        p.copy_(copies[i++]);
    for (auto& b : module.buffers())
        b.copy_(copies[i++]);
}
} // namespace

LrFindResult lrFind(Learner& learn, LrFindOptions options) {
    auto finder = std::make_shared<LrFinder>(options);
    const auto saved = snapshot(*learn.model().module);
    learn.addCallback(finder);
    const int batches = std::max<int>(1, static_cast<int>(learn.trainBatches()));
    try {
        learn.fit(options.numIt / batches + 1);
    } catch (...) {
        learn.removeCallback(finder.get());
        restore(*learn.model().module, saved);
        throw;
    }
    learn.removeCallback(finder.get());
    restore(*learn.model().module, saved);
    LrFindResult result;
    result.lrs = finder->lrs();
    result.losses = finder->losses();
    result.suggestion = suggestValley(result.lrs, result.losses, options.numIt);
    if (!result.losses.empty()) {
        const auto best = std::min_element(result.losses.begin(), result.losses.end()) - result.losses.begin();
        result.minLossLr = result.lrs[best];
    }
    return result;
}

} // namespace ulmfit
