#include "training/RunProgress.h"

#include <algorithm>

namespace ulmfit::ui {

void RunProgress::reset(const RunPlan& plan) {
    m_plan = plan;
    m_last = BatchPoint{};
    m_doneEpochs = 0.0;
    m_totalEpochs = 0;
    for (const auto& stage : plan.stages)
        m_totalEpochs += stage.epochs;
}

void RunProgress::update(const BatchPoint& point) {
    m_last = point;
}

void RunProgress::finishEpoch(const EpochRow& row) {
    m_doneEpochs = std::max(m_doneEpochs, epochsBefore(row.stage) + row.epoch + 1);
    if (m_last.stage == row.stage && m_last.epoch == row.epoch)
        m_last.batch = m_last.batchesInEpoch; // the epoch is over even if the last batch was not reported
}

int RunProgress::stageEpochs(int stage) const {
    return stage >= 0 && stage < m_plan.stages.size() ? m_plan.stages.at(stage).epochs : 0;
}

double RunProgress::epochsBefore(int stage) const {
    double total = 0.0;
    for (int i = 0; i < stage && i < m_plan.stages.size(); ++i)
        total += m_plan.stages.at(i).epochs;
    return total;
}

double RunProgress::epochFraction() const {
    if (m_last.batchesInEpoch <= 0)
        return 0.0;
    return std::clamp(double(m_last.batch) / m_last.batchesInEpoch, 0.0, 1.0);
}

// Steps are exact when the plan knows them; otherwise epochs are the unit (LM and classifier
// epochs differ in length, so this is an estimate that improves as stages finish).
double RunProgress::recipeFraction() const {
    if (m_plan.totalSteps > 0)
        return std::clamp(double(m_last.step) / double(m_plan.totalSteps), 0.0, 1.0);
    if (m_totalEpochs <= 0)
        return 0.0;
    const double current = epochsBefore(m_last.stage) + m_last.epoch + epochFraction();
    return std::clamp(std::max(current, m_doneEpochs) / m_totalEpochs, 0.0, 1.0);
}

double RunProgress::etaSeconds(double elapsedSeconds) const {
    const double fraction = recipeFraction();
    if (fraction < 0.005 || elapsedSeconds <= 0.0)
        return -1.0;
    return elapsedSeconds * (1.0 - fraction) / fraction;
}

} // namespace ulmfit::ui
