// The live training view fed with synthetic points, as the bridge would feed it.
#include "training/TrainingView.h"
#include "plots/LossPlot.h"
#include "plots/MetricsPlot.h"
#include "plots/SchedulePlot.h"
#include "training/EpochTableModel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ulmfit::ui;

namespace {

RunPlan twoStagePlan() {
    RunPlan plan;
    plan.recipeName = QStringLiteral("synthetic");
    using M = ulmfit::RecipeStage::Model;
    plan.stages = {StageInfo{0, {M::LanguageModel, 0, 1, ulmfit::LearningRate::plain(2e-2)}, false, 1, 0, 10},
                   StageInfo{1, {M::Classifier, -1, 2, ulmfit::LearningRate::plain(2e-2)}, true, 2, 10, 20}};
    plan.totalSteps = 30;
    return plan;
}

QVector<BatchPoint> batches(int stage, int epoch, qint64 firstStep, int count) {
    QVector<BatchPoint> points;
    for (int i = 0; i < count; ++i) {
        const double loss = 4.0 - 0.05 * double(firstStep + i);
        points.append(
            BatchPoint{stage, epoch, i + 1, count, firstStep + i + 1, loss, loss + 0.1, 1e-3 * (i + 1), 0.9});
    }
    return points;
}

EpochRow epoch(int stage, int index, qint64 step, bool lm) {
    return EpochRow{stage, index, step, 3.9, 3.8, 0.3 + 0.1 * index, lm ? std::exp(3.8) : kNoValue, 12.5};
}

} // namespace

class TrainingViewTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void fillsPlotsTableAndMarkers();
    void progressAndButtonsFollowTheRun();
    void startButtonsWaitForTheWorker();
    void keepsEverythingAfterCancelAndExports();
    void coalescesManyUpdatesIntoFewReplots();
    void epochModelPassesTheTester();
};

void TrainingViewTest::fillsPlotsTableAndMarkers() {
    TrainingView view;
    view.resize(1200, 800);
    view.show();
    view.startRun(twoStagePlan());
    view.stageStarted(twoStagePlan().stages[0]);
    view.addBatches(batches(0, 0, 0, 10));
    view.addEpoch(epoch(0, 0, 10, true));
    view.stageStarted(twoStagePlan().stages[1]);
    view.addBatches(batches(1, 0, 10, 10));
    view.addEpoch(epoch(1, 0, 20, false));
    auto* loss = view.findChild<LossPlot*>(QStringLiteral("lossPlot"));
    auto* metrics = view.findChild<MetricsPlot*>(QStringLiteral("metricsPlot"));
    auto* schedule = view.findChild<SchedulePlot*>(QStringLiteral("schedulePlot"));
    QVERIFY(loss && metrics && schedule);
    // Each line is broken (one NaN point) where stage 2 starts: another model trains there.
    QCOMPARE(loss->rawGraph()->dataCount(), 21);
    QCOMPARE(loss->smoothedGraph()->dataCount(), 21);
    QVERIFY(std::isnan((loss->rawGraph()->data()->constBegin() + 10)->value));
    QCOMPARE(loss->validGraph()->dataCount(), 3);
    QCOMPARE(metrics->accuracyGraph()->dataCount(), 3);
    QCOMPARE(metrics->perplexityGraph()->dataCount(), 2); // classifiers have no perplexity
    QCOMPARE(schedule->lrGraph()->dataCount(), 21);
    QCOMPARE(schedule->momentumGraph()->dataCount(), 21);
    QTRY_COMPARE(metrics->xAxis->range().upper, 30.0 * 1.03); // the shared step axis, not just the epochs
    QCOMPARE(metrics->xAxis->range().lower, 0.0);
    for (ThrottledPlot* plot : view.plots())
        QCOMPARE(plot->markerCount(), 2);
    auto* table = view.findChild<QTableView*>(QStringLiteral("epochTable"));
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(0, EpochTableModel::Perplexity).data().toString(),
             QStringLiteral("44.701184"));
    QCOMPARE(table->model()->index(1, EpochTableModel::Perplexity).data().toString(), QStringLiteral("—"));
    QCOMPARE(table->model()->index(1, EpochTableModel::Time).data().toString(), QStringLiteral("00:13"));
    QCOMPARE(table->model()->index(1, EpochTableModel::Stage).data(Qt::ToolTipRole).toString(),
             QStringLiteral("Classifier: freeze_to(-1); fit_one_cycle(2, 2e-2)"));
    QTRY_VERIFY(loss->replotCount() > 0);
}

void TrainingViewTest::progressAndButtonsFollowTheRun() {
    TrainingView view;
    auto* pause = view.findChild<QPushButton*>(QStringLiteral("pauseButton"));
    auto* cancel = view.findChild<QPushButton*>(QStringLiteral("cancelButton"));
    auto* epochBar = view.findChild<QProgressBar*>(QStringLiteral("epochProgress"));
    auto* recipeBar = view.findChild<QProgressBar*>(QStringLiteral("recipeProgress"));
    QVERIFY(pause && cancel && epochBar && recipeBar);
    QVERIFY(!cancel->isEnabled());
    view.startRun(twoStagePlan());
    QVERIFY(cancel->isEnabled() && pause->isEnabled());
    view.addBatches(batches(0, 0, 0, 5).mid(0, 5)); // 5 of 10 batches, step 5 of 30
    QCOMPARE(recipeBar->value(), 167);
    QVERIFY(recipeBar->text().contains(QStringLiteral("16.7%")));
    QSignalSpy pauseSpy(&view, &TrainingView::pauseRequested);
    QSignalSpy cancelSpy(&view, &TrainingView::cancelRequested);
    QTest::mouseClick(pause, Qt::LeftButton);
    QCOMPARE(pauseSpy.count(), 1);
    QCOMPARE(pauseSpy.at(0).at(0).toBool(), true);
    QCOMPARE(pause->text(), QStringLiteral("Resume"));
    QTest::mouseClick(pause, Qt::LeftButton);
    QCOMPARE(pauseSpy.at(1).at(0).toBool(), false);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(cancelSpy.count(), 1);
    view.runFinished();
    QVERIFY(!cancel->isEnabled() && !pause->isEnabled());
    QVERIFY(!view.isRunning());
}

// A click on New run while the worker still winds down a job would do nothing: the buttons say so.
void TrainingViewTest::startButtonsWaitForTheWorker() {
    TrainingView view;
    auto* newRun = view.findChild<QPushButton*>(QStringLiteral("newRunButton"));
    auto* resume = view.findChild<QPushButton*>(QStringLiteral("resumeRunButton"));
    QVERIFY(newRun && resume);
    QVERIFY(newRun->isEnabled() && resume->isEnabled());
    QSignalSpy requested(&view, &TrainingView::newRunRequested);
    view.setWorkerBusy(true);
    QVERIFY(!newRun->isEnabled() && !resume->isEnabled());
    QVERIFY(newRun->toolTip().contains(QStringLiteral("has ended")));
    QTest::mouseClick(newRun, Qt::LeftButton);
    QCOMPARE(requested.count(), 0);
    view.setWorkerBusy(false);
    QVERIFY(newRun->isEnabled() && resume->isEnabled());
    QVERIFY(resume->toolTip().contains(QStringLiteral("checkpoint")));
    QTest::mouseClick(newRun, Qt::LeftButton);
    QCOMPARE(requested.count(), 1);
}

void TrainingViewTest::keepsEverythingAfterCancelAndExports() {
    TrainingView view;
    view.resize(1000, 700);
    view.show();
    view.startRun(twoStagePlan());
    view.addBatches(batches(0, 0, 0, 10));
    view.addEpoch(epoch(0, 0, 10, true));
    view.runCancelled();
    QCOMPARE(view.epochModel()->rowCount(), 1);
    auto* loss = view.findChild<LossPlot*>(QStringLiteral("lossPlot"));
    QCOMPARE(loss->rawGraph()->dataCount(), 10);
    QVERIFY(view.findChild<QPushButton*>(QStringLiteral("exportTableButton"))->isEnabled());
    QTemporaryDir dir;
    QString error;
    const QString csv = dir.filePath(QStringLiteral("epochs.csv"));
    QVERIFY2(view.exportTable(csv, &error), qPrintable(error));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(file.readAll()).trimmed().split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[0], QStringLiteral("stage,epoch,train_loss,valid_loss,accuracy,perplexity,time"));
    QVERIFY(lines[1].startsWith(QStringLiteral("1,0,3.9,3.8,0.3,44.70")));
    for (const char* name : {"plots.png", "plots.pdf"}) {
        const QString path = dir.filePath(QString::fromLatin1(name));
        QVERIFY2(view.exportPlots(path, &error), qPrintable(error));
        QVERIFY(QFileInfo(path).size() > 1000);
    }
}

void TrainingViewTest::coalescesManyUpdatesIntoFewReplots() {
    TrainingView view;
    view.show();
    view.startRun(twoStagePlan());
    auto* loss = view.findChild<LossPlot*>(QStringLiteral("lossPlot"));
    QSignalSpy replots(loss, &QCustomPlot::afterReplot);
    const int before = loss->replotCount();
    for (int i = 0; i < 500; ++i) // far faster than any redraw rate
        view.addBatches({BatchPoint{0, 0, i % 10 + 1, 10, i + 1, 3.0, 3.0, 1e-3, 0.9}});
    QTRY_VERIFY(loss->replotCount() > before);
    QTest::qWait(120);
    QCOMPARE(loss->rawGraph()->dataCount(), 500);
    QVERIFY2(loss->replotCount() - before <= 3, qPrintable(QString::number(loss->replotCount() - before)));
    QVERIFY(replots.count() <= 3);
}

void TrainingViewTest::epochModelPassesTheTester() {
    EpochTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addRow(epoch(0, 0, 10, true));
    model.addRow(epoch(1, 0, 20, false));
    QCOMPARE(model.rowCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TrainingViewTest)
#include "TrainingViewTest.moc"
