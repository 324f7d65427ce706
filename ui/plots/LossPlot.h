#pragma once
// Training loss per batch (raw and smoothed) with the validation loss per epoch.
#include "plots/ThrottledPlot.h"
#include "types/TrainingTypes.h"

namespace ulmfit::ui {

class LossPlot : public ThrottledPlot {
    Q_OBJECT
  public:
    explicit LossPlot(QWidget* parent = nullptr);

    QCPGraph* rawGraph() const { return m_raw; }
    QCPGraph* smoothedGraph() const { return m_smoothed; }
    QCPGraph* validGraph() const { return m_valid; }

  public Q_SLOTS:
    void addBatches(const QVector<ulmfit::ui::BatchPoint>& points);
    void addEpoch(const ulmfit::ui::EpochRow& row);
    void clearData();

  protected:
    void updateRanges() override;

  private:
    QCPGraph* m_raw;
    QCPGraph* m_smoothed;
    QCPGraph* m_valid;
};

} // namespace ulmfit::ui
