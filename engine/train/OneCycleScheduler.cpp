#include "train/OneCycleScheduler.h"

#include "train/Learner.h"

namespace ulmfit {

void OneCycleScheduler::beforeFit(Learner& learn) {
    m_peaks = m_lrMax.perGroup(learn.optimizer().groupCount());
    apply(learn, learn.pctTrain);
}

void OneCycleScheduler::beforeBatch(Learner& learn) {
    if (learn.training)
        apply(learn, learn.pctTrain);
}

void OneCycleScheduler::apply(Learner& learn, double progress) {
    std::vector<double> rates;
    for (double peak : m_peaks)
        rates.push_back(m_cycle.lr(peak, progress));
    learn.optimizer().setLearningRates(rates);
    learn.optimizer().setMomentum(m_cycle.momentum(progress));
}

} // namespace ulmfit
