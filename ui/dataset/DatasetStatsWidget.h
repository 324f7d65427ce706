#pragma once
#include "types/DatasetInfo.h"

#include <QWidget>

class QCustomPlot;
class QCPBarsGroup;

namespace ulmfit::ui {

/// Dataset statistics: a histogram of review lengths and the label balance per split.
class DatasetStatsWidget : public QWidget {
    Q_OBJECT
  public:
    explicit DatasetStatsWidget(QWidget* parent = nullptr);
    void setDataset(const DatasetInfo& info);
    QCustomPlot* lengthPlot() const { return m_lengths; }
    QCustomPlot* balancePlot() const { return m_balance; }

  private:
    void plotLengths(const DatasetInfo& info);
    void plotBalance(const DatasetInfo& info);

    QCustomPlot* m_lengths;
    QCustomPlot* m_balance;
    QCPBarsGroup* m_group = nullptr;
};

} // namespace ulmfit::ui
