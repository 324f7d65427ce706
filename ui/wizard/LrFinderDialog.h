#pragma once
// The wizard's "Find a learning rate": fastai's lr_find for one stage runs on the worker thread
// while this shows its progress; then the plot, the suggestion, and a click sets the stage's rate.
#include "types/ProgressInfo.h"
#include "types/TrainingTypes.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ulmfit::ui {

class LrFinderPlot;

class LrFinderDialog : public QDialog {
    Q_OBJECT
  public:
    explicit LrFinderDialog(QWidget* parent = nullptr);

    void start(const QString& stageTitle); // clears and shows, busy until a curve or a failure
    void setProgress(const ProgressInfo& progress);
    void showCurve(const LrFinderCurve& curve);
    void showFailure(const QString& message);
    void showCancelled();
    double chosenRate() const; // rounded to two significant digits; NaN when none
    bool isRunning() const { return m_running; }
    LrFinderPlot* plot() const { return m_plot; }

  Q_SIGNALS:
    void cancelRequested();
    void rateAccepted(double lr);

  protected:
    void reject() override; // Escape / Close while running = cancel

  private:
    void updateChoice(double lr);
    void finishRunning();

    QLabel* m_title;
    QLabel* m_status;
    QProgressBar* m_bar;
    LrFinderPlot* m_plot;
    QPushButton* m_use;
    QPushButton* m_close;
    bool m_running = false;
};

} // namespace ulmfit::ui
