#include "training/TrainingView.h"

#include "common/Dialogs.h"

#include "common/Format.h"
#include "common/ModelCsvWriter.h"
#include "common/RecipeText.h"
#include "plots/LossPlot.h"
#include "plots/MetricsPlot.h"
#include "plots/PlotExporter.h"
#include "plots/SchedulePlot.h"
#include "training/EpochTableModel.h"
#include "training/TrainingControls.h"

#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace ulmfit::ui {

TrainingView::TrainingView(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(tr("Training"))), m_model(new EpochTableModel(this)),
      m_table(new QTableView), m_controls(new TrainingControls) {
    setObjectName(QStringLiteral("trainingView"));
    m_title->setObjectName(QStringLiteral("runTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_newRun = new QPushButton(tr("New training run…"));
    m_newRun->setObjectName(QStringLiteral("newRunButton"));
    connect(m_newRun, &QPushButton::clicked, this, &TrainingView::newRunRequested);
    m_resume = new QPushButton(tr("Resume interrupted run…"));
    m_resume->setObjectName(QStringLiteral("resumeRunButton"));
    connect(m_resume, &QPushButton::clicked, this, &TrainingView::resumeRequested);
    setWorkerBusy(false);
    auto* header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_resume);
    header->addWidget(m_newRun);

    m_table->setObjectName(QStringLiteral("epochTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);
    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(buildPlots());
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_controls);
    connectControls();
}

QWidget* TrainingView::buildPlots() {
    m_plotsPanel = new QWidget;
    m_plotsPanel->setObjectName(QStringLiteral("plotsPanel"));
    m_loss = new LossPlot;
    m_metrics = new MetricsPlot;
    m_schedule = new SchedulePlot;
    auto* grid = new QGridLayout(m_plotsPanel);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(m_loss, 0, 0, 2, 1);
    grid->addWidget(m_metrics, 0, 1);
    grid->addWidget(m_schedule, 1, 1);
    grid->setColumnStretch(0, 3);
    grid->setColumnStretch(1, 2);
    return m_plotsPanel;
}

void TrainingView::connectControls() {
    connect(m_controls, &TrainingControls::pauseRequested, this, &TrainingView::onPause);
    connect(m_controls, &TrainingControls::cancelRequested, this, [this] {
        m_controls->setStatus(tr("Cancelling after the current batch…"));
        Q_EMIT cancelRequested();
    });
    connect(m_controls, &TrainingControls::exportPlotsRequested, this, &TrainingView::chooseAndExportPlots);
    connect(m_controls, &TrainingControls::exportTableRequested, this, &TrainingView::chooseAndExportTable);
}

QList<ThrottledPlot*> TrainingView::plots() const {
    return {m_loss, m_metrics, m_schedule};
}

void TrainingView::startRun(const RunPlan& plan) {
    m_plan = plan;
    m_progress.reset(plan);
    m_model->clear();
    refreshStageTitles();
    m_loss->clearData();
    m_metrics->clearData();
    m_schedule->clearData();
    for (auto* plot : plots()) {
        plot->clearMarkers();
        plot->setFixedXRange(double(plan.totalSteps));
    }
    m_title->setText(tr("Training: %1").arg(plan.recipeName));
    m_running = true;
    m_pausedMs = 0;
    m_pauseStartMs = -1;
    m_clock.start();
    m_controls->setRunning(true);
    m_controls->setExportEnabled(false);
    m_controls->setStatus(tr("Preparing data and model…"));
    updateProgress();
}

QString TrainingView::stageTitleAt(int stage) const {
    return stage >= 0 && stage < m_plan.stages.size() ? stageTitleText(m_plan.stages.at(stage).stage)
                                                      : QString();
}

void TrainingView::refreshStageTitles() {
    QStringList titles;
    for (const auto& stage : m_plan.stages)
        titles << stageTitleText(stage.stage);
    m_model->setStageTitles(titles);
}

void TrainingView::stageStarted(const StageInfo& stage) {
    if (stage.index >= 0 && stage.index < m_plan.stages.size()) {
        m_plan.stages[stage.index].stage = stage.stage; // the stage as it runs may differ from the plan
        refreshStageTitles();
    }
    const double x = double(std::max(stage.firstStep, m_progress.last().step));
    const QString label = tr("stage %1").arg(stage.index + 1);
    for (auto* plot : plots()) {
        plot->addMarker(x, label);
        if (stage.index > 0)
            plot->addGap(x);
    }
    m_controls->setStatus(tr("Stage %1 of %2: %3")
                              .arg(stage.index + 1)
                              .arg(m_plan.stages.size())
                              .arg(stageTitleAt(stage.index)));
}

void TrainingView::showPreparation(const ProgressInfo& progress) {
    if (!m_running || m_progress.last().step > 0)
        return; // only before the first batch: later progress reports belong to saving, not to data
    m_controls->setEpochProgress(
        progress.fraction(), tr("%1: %2").arg(Format::taskName(progress.task), Format::progress(progress)));
    m_controls->setStatus(tr("Preparing data: %1").arg(Format::taskName(progress.task)));
}

void TrainingView::setWorkerBusy(bool busy) {
    m_newRun->setEnabled(!busy);
    m_resume->setEnabled(!busy);
    const QString waiting = tr("Available when the current job on the training worker (a run or a learning-rate "
                               "search) has ended");
    m_newRun->setToolTip(busy ? waiting : tr("Choose the data, the recipe and where the run goes"));
    m_resume->setToolTip(busy ? waiting
                              : tr("Continue a run that was cancelled, killed or closed, from its last checkpoint"));
}

void TrainingView::showMessage(const QString& message) {
    if (m_running)
        m_controls->setStatus(message);
}

void TrainingView::addBatches(const QVector<BatchPoint>& points) {
    if (points.isEmpty())
        return;
    m_loss->addBatches(points);
    m_schedule->addBatches(points);
    m_progress.update(points.constLast());
    // One shared step axis: the epoch-level metrics plot spans the same range as the batch plots.
    for (auto* plot : plots())
        plot->setFixedXRange(double(std::max(m_plan.totalSteps, points.constLast().step)));
    updateProgress();
}

void TrainingView::addEpoch(const EpochRow& row) {
    m_model->addRow(row);
    m_table->scrollToBottom();
    m_loss->addEpoch(row);
    m_metrics->addEpoch(row);
    m_progress.finishEpoch(row);
    updateProgress();
}

void TrainingView::updateProgress() {
    const BatchPoint& last = m_progress.last();
    const int epochs = m_progress.stageEpochs(last.stage);
    const QString epochText = last.batchesInEpoch > 0 ? tr("stage %1, epoch %2/%3: batch %4/%5")
                                                            .arg(last.stage + 1)
                                                            .arg(last.epoch + 1)
                                                            .arg(epochs)
                                                            .arg(last.batch)
                                                            .arg(last.batchesInEpoch)
                                                      : tr("waiting for the first batch");
    m_controls->setEpochProgress(m_progress.epochFraction(), epochText);
    const qint64 pausedNow = m_pauseStartMs >= 0 ? m_clock.elapsed() - m_pauseStartMs : 0;
    const double elapsed = m_running ? (m_clock.elapsed() - m_pausedMs - pausedNow) / 1000.0 : 0.0;
    m_controls->setRecipeProgress(m_progress.recipeFraction(),
                                  m_running ? m_progress.etaSeconds(elapsed) : -1.0);
}

void TrainingView::onPause(bool paused) {
    if (paused)
        m_pauseStartMs = m_clock.elapsed();
    else if (m_pauseStartMs >= 0) {
        m_pausedMs += m_clock.elapsed() - m_pauseStartMs;
        m_pauseStartMs = -1;
    }
    m_controls->setStatus(paused ? tr("Paused after the current batch.") : tr("Resumed."));
    Q_EMIT pauseRequested(paused);
}

void TrainingView::endRun(const QString& status) {
    m_running = false;
    m_controls->setRunning(false);
    m_controls->setExportEnabled(true);
    m_controls->setStatus(status);
    updateProgress();
    for (auto* plot : plots())
        plot->requestReplot();
}

void TrainingView::runFinished() {
    endRun(tr("Finished: %1 epochs in %2 stages.").arg(m_model->rowCount()).arg(m_plan.stages.size()));
}

void TrainingView::runCancelled() {
    endRun(tr("Cancelled. The plots and the table keep what was trained."));
}

void TrainingView::runFailed(const QString& message) {
    endRun(tr("Failed: %1").arg(message));
}

bool TrainingView::exportPlots(const QString& path, QString* error) const {
    QList<QCustomPlot*> list;
    for (auto* plot : plots())
        list << plot;
    return PlotExporter::save(m_plotsPanel, list, path, error);
}

bool TrainingView::exportTable(const QString& path, QString* error) const {
    return ModelCsvWriter::write(*m_model, path, error);
}

void TrainingView::chooseAndExportPlots() {
    const QString path = Dialogs::saveFile(this, tr("Export plots"), QStringLiteral("training.png"),
                                           tr("PNG image (*.png);;PDF document (*.pdf)"));
    QString error;
    if (!path.isEmpty())
        m_controls->setStatus(exportPlots(path, &error) ? tr("Plots saved to %1").arg(path) : error);
}

void TrainingView::chooseAndExportTable() {
    const QString path = Dialogs::saveFile(this, tr("Export epoch table"), QStringLiteral("epochs.csv"),
                                           tr("CSV file (*.csv)"));
    QString error;
    if (!path.isEmpty())
        m_controls->setStatus(exportTable(path, &error) ? tr("Table saved to %1").arg(path) : error);
}

} // namespace ulmfit::ui
