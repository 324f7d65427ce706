#pragma once
// fastai's lr_find plot: smoothed loss against the learning rate (log scale), the suggested rate
// marked; a click picks a rate of one's own.
#include "plots/QCustomPlotInclude.h"
#include "types/TrainingTypes.h"

namespace ulmfit::ui {

class LrFinderPlot : public QCustomPlot {
    Q_OBJECT
  public:
    explicit LrFinderPlot(QWidget* parent = nullptr);

    void setCurve(const LrFinderCurve& curve);
    void clearCurve();
    double chosenRate() const { return m_chosen; } // NaN until a click (or the suggestion)
    QCPGraph* lossGraph() const { return m_loss; }
    QCPGraph* suggestionGraph() const { return m_suggestion; }

  Q_SIGNALS:
    void rateChosen(double lr);

  protected:
    void mousePressEvent(QMouseEvent* event) override;

  private:
    void markChosen(double lr);

    QCPGraph* m_loss;
    QCPGraph* m_suggestion;
    QCPItemStraightLine* m_chosenLine;
    double m_chosen = kNoValue;
};

} // namespace ulmfit::ui
