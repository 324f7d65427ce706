#pragma once
// Where a run stands (epoch and recipe fractions, ETA), computed from the plan and the latest batch.
#include "types/TrainingTypes.h"

namespace ulmfit::ui {

class RunProgress {
  public:
    void reset(const RunPlan& plan);
    void update(const BatchPoint& point);
    void finishEpoch(const EpochRow& row);

    double epochFraction() const;  // 0..1 within the current epoch
    double recipeFraction() const; // 0..1 over the whole recipe
    // Remaining seconds given the running time so far; negative while there is too little to tell.
    double etaSeconds(double elapsedSeconds) const;
    const BatchPoint& last() const { return m_last; }
    int stageEpochs(int stage) const;

  private:
    double epochsBefore(int stage) const;

    RunPlan m_plan;
    BatchPoint m_last;
    int m_totalEpochs = 0;
    double m_doneEpochs = 0.0; // whole epochs finished, from epoch rows
};

} // namespace ulmfit::ui
