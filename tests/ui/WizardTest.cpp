// Walking the training wizard with both presets, editing stages, and the recipe it emits.
#include "recipe/RecipeJson.h"
#include "recipe/RecipePresets.h"
#include "wizard/StageTableModel.h"
#include "wizard/TrainingWizard.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

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
    QCOMPARE(child<QComboBox>("lmSourceCombo")->currentIndex(), 1); // no encoder file: scratch
    QVERIFY(!child<QLineEdit>("encoderEdit")->isEnabled());
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
