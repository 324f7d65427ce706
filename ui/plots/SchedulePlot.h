#pragma once
// The one-cycle schedule as it ran: learning rate (left, log scale) and momentum (right).
#include "plots/ThrottledPlot.h"
#include "types/TrainingTypes.h"

namespace ulmfit::ui {

class SchedulePlot : public ThrottledPlot {
    Q_OBJECT
  public:
    explicit SchedulePlot(QWidget* parent = nullptr);

    QCPGraph* lrGraph() const { return m_lr; }
    QCPGraph* momentumGraph() const { return m_momentum; }

  public Q_SLOTS:
    void addBatches(const QVector<ulmfit::ui::BatchPoint>& points);
    void clearData();

  protected:
    void updateRanges() override;

  private:
    QCPGraph* m_lr;
    QCPGraph* m_momentum;
};

} // namespace ulmfit::ui
