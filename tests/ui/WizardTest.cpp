// Walking the training wizard with both presets, editing stages, and the recipe it emits.
#include "recipe/RecipeJson.h"
#include "common/Dialogs.h"
#include "recipe/LearningRate.h"
#include "recipe/RecipePresets.h"
#include "plots/LrFinderPlot.h"
#include "wizard/LrFinderDialog.h"
#include "wizard/StageTableModel.h"
#include "wizard/TrainingWizard.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace ulmfit::ui;

class WizardTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void init();
    void cleanup();
    void bookPresetWalksToTheBookRecipe();
    void quickPresetChangesEveryPage();
    void editsStagesInTheTable();
    void missingDatasetBlocksTheFirstPage();
    void saveAndLoadThroughTheWizard();
    void tokenizeRequestAndProgress();
    void stageModelPassesTheTester();
    void pretrainedStartSignalsAndWarning();
    void lrFinderSetsTheChosenStagesRate();

  private:
    void next();
    ulmfit::Recipe finish();
    template <typename T> T* child(const char* name) {
        auto* widget = m_wizard->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }

    TrainingWizard* m_wizard = nullptr;
    QTemporaryDir m_dir;
};

void WizardTest::init() {
    m_wizard = new TrainingWizard;
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard));
}

void WizardTest::cleanup() {
    delete m_wizard;
}

void WizardTest::next() {
    const int before = m_wizard->currentId();
    QTest::mouseClick(m_wizard->button(QWizard::NextButton), Qt::LeftButton);
    QTRY_VERIFY(m_wizard->currentId() == before + 1);
}

ulmfit::Recipe WizardTest::finish() {
    QSignalSpy spy(m_wizard, &TrainingWizard::startTrainingRequested);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    if (spy.count() != 1)
        qFatal("Start training did not emit once");
    return spy.at(0).at(0).value<TrainingRequest>().recipe;
}

void WizardTest::bookPresetWalksToTheBookRecipe() {
    QTest::keyClicks(child<QLineEdit>("datasetEdit"), m_dir.path());
    next();
    QCOMPARE(child<QComboBox>("lmSourceCombo")->currentIndex(), 0); // the book starts from WikiText-103
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());  // ... which is not installed yet
    PretrainedModelStatus installed;
    installed.name = QStringLiteral("wt103-fwd");
    installed.installed = true;
    installed.bytes = 105067061;
    installed.vocabularySize = 60000;
    m_wizard->setPretrainedModels({installed});
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(child<QLabel>("pretrainedStatus")->text().contains(QLocale().toString(60000)));
    QVERIFY(child<QLabel>("scratchWarning")->isHidden());
    QCOMPARE(child<QSpinBox>("embSpin")->value(), 400);
    QCOMPARE(child<QTableView>("lmStagesTable")->model()->rowCount(), 2);
    next();
    QCOMPARE(child<QTableView>("clasStagesTable")->model()->rowCount(), 4);
    next();
    const QString summary = child<QPlainTextEdit>("summaryText")->toPlainText();
    QVERIFY(summary.contains(QStringLiteral("learn.unfreeze(); fit_one_cycle(10, 2e-3)")));
    QVERIFY(summary.contains(QStringLiteral("freeze_to(-3); fit_one_cycle(1, slice(5e-3/2.6**4, 5e-3))")));
    QVERIFY(summary.contains(m_dir.path()));
    QSignalSpy spy(m_wizard, &TrainingWizard::startTrainingRequested);
    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    const auto request = spy.at(0).at(0).value<TrainingRequest>();
    QVERIFY(request.recipe == ulmfit::bookRecipe());
    QCOMPARE(request.dataPath, m_dir.path());
    QVERIFY(request.outputDir.isEmpty());
}

void WizardTest::quickPresetChangesEveryPage() {
    auto* preset = child<QComboBox>("presetCombo");
    preset->setFocus();
    QTest::keyClick(preset, Qt::Key_Down); // a user choice: emits activated()
    QCOMPARE(preset->currentData().toString(), QStringLiteral("quick"));
    QTest::keyClicks(child<QLineEdit>("datasetEdit"), m_dir.path());
    next();
    QCOMPARE(child<QSpinBox>("embSpin")->value(), ulmfit::quickRecipe().embSize);
    QCOMPARE(child<QSpinBox>("lmMaxDocsSpin")->value(), ulmfit::quickRecipe().lmMaxDocs);
    QCOMPARE(child<QTableView>("lmStagesTable")->model()->rowCount(), 1);
    auto* device = child<QComboBox>("deviceCombo");
    device->setFocus();
    QTest::keyClick(device, Qt::Key_Down); // auto -> cpu
    auto* batch = child<QSpinBox>("lmBatchSpin");
    batch->selectAll();
    QTest::keyClicks(batch, QStringLiteral("16"));
    next();
    next();
    ulmfit::Recipe expected = ulmfit::quickRecipe();
    expected.lmBatchSize = 16;
    expected.device = "cpu";
    QVERIFY(finish() == expected);
}

void WizardTest::editsStagesInTheTable() {
    QTest::keyClicks(child<QLineEdit>("datasetEdit"), m_dir.path());
    next();
    child<QComboBox>("lmSourceCombo")->setCurrentIndex(2); // scratch: no WikiText-103 in this test
    next();
    auto* table = child<QTableView>("clasStagesTable");
    const QModelIndex lr = table->model()->index(0, StageTableModel::LearningRate);
    table->setCurrentIndex(lr);
    table->edit(lr);
    auto* editor = table->viewport()->findChild<QLineEdit*>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, QStringLiteral("slice(1e-4, 3e-2)"));
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(lr.data().toString(), QStringLiteral("slice(1e-4, 3e-2)")); // the delegate commits queued
    QTest::mouseClick(child<QPushButton>("clasStagesAdd"), Qt::LeftButton);
    QCOMPARE(table->model()->rowCount(), 5);
    table->selectRow(0);
    QTest::mouseClick(child<QPushButton>("clasStagesRemove"), Qt::LeftButton);
    QCOMPARE(table->model()->rowCount(), 4);
    next();
    const auto stages = finish().stagesOf(StageModel::Classifier);
    QCOMPARE(stages.size(), std::size_t(4));
    QCOMPARE(stages[0].freezeTo, -2); // the first row was removed
    QCOMPARE(stages[3].freezeTo, 0);  // the added row unfreezes
    QCOMPARE(stages[3].epochs, 2);
}

void WizardTest::missingDatasetBlocksTheFirstPage() {
    auto* nextButton = m_wizard->button(QWizard::NextButton);
    QVERIFY(!nextButton->isEnabled()); // nothing chosen yet
    QTest::keyClicks(child<QLineEdit>("datasetEdit"), m_dir.filePath(QStringLiteral("nope")));
    QVERIFY(nextButton->isEnabled());
    QTest::mouseClick(nextButton, Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(TrainingWizard::DataPageId));
    QVERIFY(child<QLabel>("dataMessage")->text().contains(QStringLiteral("does not exist")));
}

void WizardTest::saveAndLoadThroughTheWizard() {
    m_wizard->applyPreset(QStringLiteral("quick"));
    child<QSpinBox>("maxDocTokensSpin")->setValue(99);
    const QString path = m_dir.filePath(QStringLiteral("r.json"));
    QString error;
    QVERIFY2(m_wizard->saveRecipe(path, &error), qPrintable(error));
    const ulmfit::Recipe saved = m_wizard->recipe();
    m_wizard->applyPreset(QStringLiteral("book"));
    QVERIFY(!(m_wizard->recipe() == saved));
    QVERIFY2(m_wizard->loadRecipe(path, &error), qPrintable(error));
    QVERIFY(m_wizard->recipe() == saved);
    QCOMPARE(child<QSpinBox>("maxDocTokensSpin")->value(), 99);
    QCOMPARE(ulmfit::loadRecipe(path.toStdString()).maxDocTokens, 99);
}

void WizardTest::tokenizeRequestAndProgress() {
    QSignalSpy spy(m_wizard, &TrainingWizard::tokenizeRequested);
    child<QLineEdit>("datasetEdit")->setText(m_dir.path());
    auto* button = child<QPushButton>("tokenizeButton");
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), m_dir.path());
    QVERIFY(!button->isEnabled());
    ProgressInfo progress;
    progress.task = QStringLiteral("tokenize");
    progress.done = 25;
    progress.total = 100;
    m_wizard->setTokenizeProgress(progress);
    QCOMPARE(child<QProgressBar>("tokenizeProgress")->value(), 250);
    m_wizard->tokenizeFinished(true, QStringLiteral("100 documents, 23,456 tokens"));
    QVERIFY(button->isEnabled());
    QCOMPARE(child<QLabel>("dataMessage")->text(), QStringLiteral("100 documents, 23,456 tokens"));

    // Without a tokenizer behind it the whole row goes, its label too.
    const auto labels = m_wizard->findChildren<QLabel*>();
    auto rowLabel = std::find_if(labels.begin(), labels.end(),
                                 [](QLabel* l) { return l->text() == QStringLiteral("Tokenization:"); });
    QVERIFY(rowLabel != labels.end());
    m_wizard->setTokenizeAvailable(false);
    QVERIFY(button->parentWidget()->isHidden());
    QVERIFY((*rowLabel)->isHidden());
    m_wizard->setTokenizeAvailable(true);
    QVERIFY(!(*rowLabel)->isHidden());
}

// The LM page asks for the download or the offline archive; the bridge does the work (see
// PretrainedStartFlowTest). Training the book's stages from scratch shows the warning.
void WizardTest::pretrainedStartSignalsAndWarning() {
    QTest::keyClicks(child<QLineEdit>("datasetEdit"), m_dir.path());
    next();
    QSignalSpy download(m_wizard, &TrainingWizard::pretrainedDownloadRequested);
    QSignalSpy import(m_wizard, &TrainingWizard::pretrainedImportRequested);
    QTest::mouseClick(child<QPushButton>("pretrainedDownloadButton"), Qt::LeftButton);
    QCOMPARE(download.count(), 1);
    QCOMPARE(download.at(0).at(0).toString(), QStringLiteral("wt103-fwd"));
    Dialogs::setPathResponder([](const QString&) { return QStringLiteral("/offline/wt103-fwd.tgz"); });
    QTest::mouseClick(child<QPushButton>("pretrainedImportButton"), Qt::LeftButton);
    Dialogs::setPathResponder({});
    QCOMPARE(import.count(), 1);
    QCOMPARE(import.at(0).at(1).toString(), QStringLiteral("/offline/wt103-fwd.tgz"));

    auto* source = child<QComboBox>("lmSourceCombo");
    source->setCurrentIndex(2); // nothing: train from scratch
    QVERIFY(!child<QLabel>("scratchWarning")->isHidden());
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(m_wizard->recipe().pretrained.empty());
    // Both directions from WikiText-103 need fastai's backward model too.
    source->setCurrentIndex(0);
    PretrainedModelStatus forward;
    forward.name = QStringLiteral("wt103-fwd");
    forward.installed = true;
    m_wizard->setPretrainedModels({forward});
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    child<QComboBox>("directionCombo")->setCurrentIndex(2); // both (ensemble)
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QVERIFY(child<QLabel>("pretrainedStatus")->text().contains(QStringLiteral("wt103-bwd is not installed")));
    QTest::mouseClick(child<QPushButton>("pretrainedDownloadButton"), Qt::LeftButton);
    QCOMPARE(download.last().at(0).toString(), QStringLiteral("wt103-bwd"));
    QCOMPARE(m_wizard->recipe().directions,
             (std::vector<ulmfit::Direction>{ulmfit::Direction::Forward, ulmfit::Direction::Backward}));
    m_wizard->applyPreset(QStringLiteral("book-bidirectional"));
    QCOMPARE(child<QComboBox>("directionCombo")->currentIndex(), 2);
    QVERIFY(m_wizard->recipe() == ulmfit::bookBidirectionalRecipe());
    source->setCurrentIndex(2);
    m_wizard->applyPreset(QStringLiteral("quick")); // its LM stage is unfrozen: no fine-tuning to warn about
    QVERIFY(child<QLabel>("scratchWarning")->isHidden());
    QCOMPARE(source->currentIndex(), 2);
}

// "Find a learning rate" on a classifier stage: the request names the stage, the dialog plots the
// answer with the suggestion marked, and "Use this rate" sets the top of the stage's slice.
void WizardTest::lrFinderSetsTheChosenStagesRate() {
    QTest::keyClicks(child<QLineEdit>("datasetEdit"), m_dir.path());
    next();
    child<QComboBox>("lmSourceCombo")->setCurrentIndex(2);
    next();
    QList<std::pair<StageModel, int>> requests;
    connect(m_wizard, &TrainingWizard::lrFindRequested, this,
            [&](const TrainingRequest& request, StageModel model, int stage) {
                QCOMPARE(request.dataPath, m_dir.path());
                requests.append({model, stage});
            });
    auto* table = child<QTableView>("clasStagesTable");
    table->selectRow(2); // freeze_to(-3); slice(5e-3/2.6**4, 5e-3)
    QTest::mouseClick(child<QPushButton>("clasStagesFindLr"), Qt::LeftButton);
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests[0].first, StageModel::Classifier);
    QCOMPARE(requests[0].second, 2);
    auto* dialog = m_wizard->findChild<LrFinderDialog*>(QStringLiteral("lrFinderDialog"));
    QVERIFY(dialog && dialog->isVisible() && dialog->isRunning());
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("lrFinderTitle"))->text().contains(QStringLiteral("freeze_to(-3)")));
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("lrFinderUse"))->isEnabled());
    QTest::mouseClick(child<QPushButton>("clasStagesFindLr"), Qt::LeftButton);
    QCOMPARE(requests.size(), 1); // one range test at a time

    LrFinderCurve curve;
    curve.model = StageModel::Classifier;
    curve.stage = 2;
    for (int i = 0; i < 60; ++i) {
        const double lr = 1e-7 * std::pow(10.0, i / 7.0);
        curve.lrs.append(lr);
        curve.losses.append(0.7 - 0.2 * std::tanh(std::log10(lr) + 4.0) + (lr > 0.1 ? lr : 0.0));
    }
    curve.suggestion = 3.1623e-4;
    m_wizard->showLrCurve(curve);
    QVERIFY(!dialog->isRunning());
    QCOMPARE(dialog->plot()->lossGraph()->dataCount(), 60);
    QCOMPARE(dialog->plot()->suggestionGraph()->dataCount(), 1);
    QCOMPARE(dialog->chosenRate(), 3.2e-4);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("lrFinderUse")), Qt::LeftButton);
    QVERIFY(!dialog->isVisible());
    QCOMPARE(table->model()->index(2, StageTableModel::LearningRate).data().toString(),
             QStringLiteral("slice(3.2e-4/2.6**4, 3.2e-4)"));
    QCOMPARE(table->model()->index(1, StageTableModel::LearningRate).data().toString(),
             QStringLiteral("slice(1e-2/2.6**4, 1e-2)")); // the other stages stay

    // A click on the plot picks another rate; Cancel while running asks the engine to stop.
    QSignalSpy cancel(m_wizard, &TrainingWizard::lrFindCancelRequested);
    table->selectRow(0);
    QTest::mouseClick(child<QPushButton>("clasStagesFindLr"), Qt::LeftButton);
    QCOMPARE(requests.size(), 2);
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("lrFinderClose")), Qt::LeftButton);
    QCOMPARE(cancel.count(), 1);
    m_wizard->lrFindCancelled();
    QTest::mouseClick(child<QPushButton>("clasStagesFindLr"), Qt::LeftButton);
    QCOMPARE(requests.size(), 3);
    m_wizard->showLrCurve(curve);
    LrFinderPlot* plot = dialog->plot();
    plot->resize(600, 400);
    plot->replot();
    const QPoint at(int(plot->xAxis->coordToPixel(1e-3)), int(plot->yAxis->coordToPixel(0.6)));
    QTest::mouseClick(plot, Qt::LeftButton, {}, at);
    const double chosen = dialog->chosenRate();
    QVERIFY2(std::abs(std::log10(chosen) + 3.0) < 0.1, qPrintable(QString::number(chosen)));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("lrFinderUse")), Qt::LeftButton);
    const auto rate = ulmfit::parseLearningRate(
        table->model()->index(0, StageTableModel::LearningRate).data().toString().toStdString());
    QVERIFY(rate && !rate->isSlice); // the first stage's plain rate stays plain
    QVERIFY(std::abs(rate->hi / chosen - 1.0) < 0.05);
}

void WizardTest::stageModelPassesTheTester() {
    StageTableModel model(StageModel::Classifier);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setStages(ulmfit::bookRecipe().stagesOf(StageModel::Classifier));
    model.appendStage();
    model.moveStage(0, 2);
    QCOMPARE(model.stages()[2].freezeTo, -1);
    model.moveStage(4, -1);
    QVERIFY(!model.setData(model.index(0, StageTableModel::Epochs), 0, Qt::EditRole));
    QVERIFY(!model.setData(model.index(0, StageTableModel::Freeze), 2, Qt::EditRole));
    QVERIFY(model.setData(model.index(0, StageTableModel::Freeze), -4, Qt::EditRole));
    QCOMPARE(model.index(0, StageTableModel::Freeze).data().toString(), QStringLiteral("freeze_to(-4)"));
    QVERIFY(model.removeRows(0, 2));
    QCOMPARE(model.rowCount(), 3);
}

QTEST_MAIN(WizardTest)
#include "WizardTest.moc"
