#pragma once
// Accuracy (left axis) and perplexity (right axis, log scale) per epoch.
#include "plots/ThrottledPlot.h"
#include "types/TrainingTypes.h"

namespace ulmfit::ui {

class MetricsPlot : public ThrottledPlot {
    Q_OBJECT
  public:
    explicit MetricsPlot(QWidget* parent = nullptr);

    QCPGraph* accuracyGraph() const { return m_accuracy; }
    QCPGraph* perplexityGraph() const { return m_perplexity; }

  public Q_SLOTS:
    void addEpoch(const ulmfit::ui::EpochRow& row);
    void clearData();

  protected:
    void updateRanges() override;

  private:
    QCPGraph* m_accuracy;
    QCPGraph* m_perplexity;
};

} // namespace ulmfit::ui
