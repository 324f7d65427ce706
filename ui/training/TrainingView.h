#pragma once
// The live training page: loss, metrics and schedule plots with stage markers, the book's epoch
// table, progress with ETA, Pause/Cancel. Fed by the bridge through the slots below; a finished
// or cancelled run keeps everything on screen until the next startRun().
#include "training/RunProgress.h"
#include "types/ProgressInfo.h"
#include "types/TrainingTypes.h"

#include <QElapsedTimer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace ulmfit::ui {

class EpochTableModel;
class LossPlot;
class MetricsPlot;
class SchedulePlot;
class ThrottledPlot;
class TrainingControls;

class TrainingView : public QWidget {
    Q_OBJECT
  public:
    explicit TrainingView(QWidget* parent = nullptr);

    bool isRunning() const { return m_running; }
    EpochTableModel* epochModel() const { return m_model; }
    QList<ThrottledPlot*> plots() const;

    bool exportPlots(const QString& path, QString* error = nullptr) const; // .png or .pdf
    bool exportTable(const QString& path, QString* error = nullptr) const; // .csv

  public Q_SLOTS:
    void startRun(const ulmfit::ui::RunPlan& plan);
    void stageStarted(const ulmfit::ui::StageInfo& stage);
    void addBatches(const QVector<ulmfit::ui::BatchPoint>& points);
    void addEpoch(const ulmfit::ui::EpochRow& row);
    void runFinished();
    void runCancelled();
    void runFailed(const QString& message);
    /// Before the first stage: extracting, scanning, tokenizing (the corpus is being built).
    void showPreparation(const ProgressInfo& progress);
    void showMessage(const QString& message); // the engine's notes ("saved the encoder to …")
    /// New run and Resume wait while the training worker is busy (a run, or a learning-rate search
    /// still winding down): greyed with the reason, rather than clicks that do nothing.
    void setWorkerBusy(bool busy);

  Q_SIGNALS:
    void newRunRequested();
    void resumeRequested(); // "Resume interrupted run…": the controller asks for the folder
    void pauseRequested(bool paused);
    void cancelRequested();

  private:
    QWidget* buildPlots();
    void connectControls();
    void endRun(const QString& status);
    void updateProgress();
    void onPause(bool paused);
    void chooseAndExportPlots();
    void chooseAndExportTable();
    QString stageTitleAt(int stage) const;
    void refreshStageTitles();

    RunPlan m_plan;
    RunProgress m_progress;
    QElapsedTimer m_clock;
    qint64 m_pausedMs = 0;
    qint64 m_pauseStartMs = -1;
    bool m_running = false;
    QLabel* m_title;
    QPushButton* m_newRun;
    QPushButton* m_resume;
    QWidget* m_plotsPanel = nullptr;
    LossPlot* m_loss = nullptr;
    MetricsPlot* m_metrics = nullptr;
    SchedulePlot* m_schedule = nullptr;
    EpochTableModel* m_model;
    QTableView* m_table;
    TrainingControls* m_controls;
};

} // namespace ulmfit::ui
