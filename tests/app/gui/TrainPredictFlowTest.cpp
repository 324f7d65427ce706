// End to end through the real engine: a reduced quick recipe started from the training wizard on
// a small slice of imdb_sample fills the plots and the epoch table and finishes while the event
// loop keeps running; the trained model then classifies typed text and evaluates the test split.
#include "ReducedRecipe.h"
#include "Screenshot.h"

#include "app/bridge/PredictBridge.h"
#include "app/bridge/TrainingBridge.h"
#include "app/gui/StudioController.h"
#include "app/gui/TrainController.h"
#include "plots/LossPlot.h"
#include "plots/LrFinderPlot.h"
#include "recipe/RecipePresets.h"
#include "ui/common/AttributionView.h"
#include "ui/common/Dialogs.h"
#include "ui/evaluate/EvaluateView.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/predict/PredictView.h"
#include "ui/training/EpochTableModel.h"
#include "ui/training/TrainingView.h"
#include "ui/wizard/LrFinderDialog.h"
#include "ui/wizard/TrainingWizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace ulmfit::ui;

namespace {

// Keeps the first `keep` reviews (by name) of one split/label folder.
void prune(const QString& folder, int keep) {
    QDir dir(folder);
    const QStringList files = dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    for (int i = keep; i < files.size(); ++i)
        dir.remove(files[i]);
}


} // namespace

class TrainPredictFlowTest : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir m_home;
    QString m_data;
    std::unique_ptr<StudioController> m_studio;
    QStringList m_messages;
    bool m_answer = true; // what a question dialog answers
    // When screenshots are taken (Screenshot.h) the run is the real quick preset on the whole
    // sample, so the pictures show a trained quick model; a few minutes.
    const bool m_tour = screenshotsWanted();

  private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void wizardTokenizesAnArchiveNowAndTrainsOnItsFolder();
    void wizardFindsALearningRateOnTheWorker();
    void wizardRunFillsPlotsAndTableWhileTheUiStaysLive();
    void trainedModelClassifiesTypedText();
    void trainedModelEvaluatesTheTestSplit();
    void quittingMidRunAsksAndResumeFinishesIt();
};

void TrainPredictFlowTest::initTestCase() {
    QVERIFY(m_home.isValid());
    qputenv("ULMFIT_DATA_DIR", m_home.filePath(QStringLiteral("appdata")).toUtf8());
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                       m_home.filePath(QStringLiteral("settings")));
    const QString archive = QStringLiteral(ULMFIT_SHARED_DATA_DIR) + QStringLiteral("/imdb_sample.tgz");
    QVERIFY2(QFileInfo::exists(archive), qPrintable(archive));
    QCOMPARE(QProcess::execute(QStringLiteral("tar"),
                               {QStringLiteral("xzf"), archive, QStringLiteral("-C"), m_home.path()}),
             0);
    m_data = m_home.filePath(QStringLiteral("imdb_sample"));
    if (!m_tour) {
        for (const char* folder : {"train/pos", "train/neg"})
            prune(m_data + QLatin1Char('/') + QLatin1String(folder), 50);
        for (const char* folder : {"test/pos", "test/neg"})
            prune(m_data + QLatin1Char('/') + QLatin1String(folder), 25);
    }
    Dialogs::setMessageResponder([this](Dialogs::Kind, const QString&, const QString& text) {
        m_messages << text;
        return m_answer;
    });
    m_studio = std::make_unique<StudioController>(QStringLiteral("-"));
    m_studio->start();
    m_studio->window()->setGeometry(10, 10, 1380, 860);
}

void TrainPredictFlowTest::cleanupTestCase() {
    m_studio.reset();
    Dialogs::setMessageResponder({});
}

void TrainPredictFlowTest::wizardTokenizesAnArchiveNowAndTrainsOnItsFolder() {
    TrainingWizard* wizard = m_studio->trainController()->wizard();
    wizard->setRecipe(m_tour ? ulmfit::quickRecipe() : reducedQuickRecipe());
    const QString archive = QStringLiteral(ULMFIT_SHARED_DATA_DIR) + QStringLiteral("/imdb_sample.tgz");
    wizard->setDataPath(archive);
    wizard->show();
    auto* button = wizard->findChild<QPushButton*>(QStringLiteral("tokenizeButton"));
    auto* bar = wizard->findChild<QProgressBar*>(QStringLiteral("tokenizeProgress"));
    auto* message = wizard->findChild<QLabel*>(QStringLiteral("dataMessage"));
    QVERIFY(button && bar && message);
    QTRY_VERIFY(button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!button->isEnabled()); // one tokenization at a time
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 120000);
    QVERIFY2(message->text().contains(QLocale().toString(3000) + QStringLiteral(" reviews")),
             qPrintable(message->text()));
    QCOMPARE(bar->value(), 1000);
    // The archive was extracted once into the data folder; training now reads that folder, whose
    // tokens are in the cache.
    const QString folder = wizard->request().dataPath;
    QVERIFY2(QFileInfo(folder + QStringLiteral("/train")).isDir(), qPrintable(folder));
    QVERIFY(folder.startsWith(m_home.filePath(QStringLiteral("appdata"))));
    QVERIFY(!QDir(m_home.filePath(QStringLiteral("appdata/cache")))
                 .entryList({QStringLiteral("corpus-*")})
                 .isEmpty());

    QTest::mouseClick(button, Qt::LeftButton); // again: served from the cache
    QTRY_VERIFY_WITH_TIMEOUT(button->isEnabled(), 60000);
    QVERIFY2(message->text().contains(QStringLiteral("already in the token cache")),
             qPrintable(message->text()));
    screenshot(QStringLiteral("wizard-data"), wizard);
    wizard->reject();
}

// The LM stage's "Find a learning rate": the real range test on the training worker, its progress,
// the plot, and the suggestion written into the stage.
void TrainPredictFlowTest::wizardFindsALearningRateOnTheWorker() {
    TrainingWizard* wizard = m_studio->trainController()->wizard();
    wizard->restart();
    wizard->setRecipe(reducedQuickRecipe());
    wizard->setDataPath(m_data);
    wizard->show();
    wizard->next();
    QPushButton* find = wizard->findChild<QPushButton*>(QStringLiteral("lmStagesFindLr"));
    QVERIFY(find);
    QTest::mouseClick(find, Qt::LeftButton);
    auto* dialog = wizard->findChild<LrFinderDialog*>(QStringLiteral("lrFinderDialog"));
    QVERIFY(dialog && dialog->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isRunning(), 180000);
    auto* use = dialog->findChild<QPushButton*>(QStringLiteral("lrFinderUse"));
    QVERIFY2(use->isEnabled(), qPrintable(dialog->findChild<QLabel*>(QStringLiteral("lrFinderStatus"))->text()));
    QVERIFY(dialog->plot()->lossGraph()->dataCount() >= 10);
    const double chosen = dialog->chosenRate();
    QVERIFY(chosen > 1e-7 && chosen < 10);
    screenshot(QStringLiteral("wizard-lr-find"), dialog);
    QTest::mouseClick(use, Qt::LeftButton);
    const auto stages = wizard->recipe().stagesOf(ulmfit::RecipeStage::Model::LanguageModel);
    QVERIFY(std::abs(stages.front().lr.hi / chosen - 1.0) < 0.05);
    wizard->reject();
}

void TrainPredictFlowTest::wizardRunFillsPlotsAndTableWhileTheUiStaysLive() {
    MainWindow* window = m_studio->window();
    QVERIFY(window->viewIds().contains(QStringLiteral("train")));
    window->showView(QStringLiteral("train"));
    TrainingView* view = m_studio->trainController()->view();
    // The previous test's LR search may still be winding down on the worker: the button waits for it.
    auto* newRun = view->findChild<QPushButton*>(QStringLiteral("newRunButton"));
    QTRY_VERIFY_WITH_TIMEOUT(newRun->isEnabled(), 30000);
    QTest::mouseClick(newRun, Qt::LeftButton);
    TrainingWizard* wizard = m_studio->trainController()->wizard();
    QTRY_VERIFY(wizard->isVisible());
    wizard->setRecipe(m_tour ? ulmfit::quickRecipe() : reducedQuickRecipe());
    wizard->findChild<QLineEdit*>(QStringLiteral("datasetEdit"))->setText(m_data);
    wizard->setOutputDir(m_home.filePath(QStringLiteral("run")));
    for (int page = 0; page < 3; ++page)
        QTest::mouseClick(wizard->button(QWizard::NextButton), Qt::LeftButton);
    QTRY_COMPARE(wizard->currentId(), int(TrainingWizard::SummaryPageId));

    int ticks = 0;
    QTimer heartbeat;
    connect(&heartbeat, &QTimer::timeout, this, [&ticks] { ++ticks; });
    heartbeat.start(20);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QTRY_VERIFY(view->isRunning());
    const int runTimeoutMs = m_tour ? 1800000 : 120000; // a variable: QTRY_* does not parenthesize it
    QTRY_VERIFY_WITH_TIMEOUT(!view->isRunning(), runTimeoutMs);
    const double seconds = clock.elapsed() / 1000.0;
    qInfo("reduced quick run: %.1f s, %d heartbeat ticks", seconds, ticks);
    QVERIFY2(ticks > seconds * 1000 / 20 / 4, "the event loop stalled during training");
    const QString status = view->findChild<QLabel*>(QStringLiteral("statusLabel"))->text();
    QVERIFY2(status.startsWith(QStringLiteral("Finished")), qPrintable(status));
    const EpochRow lm = view->epochModel()->rows().at(0);
    QVERIFY(std::isfinite(lm.perplexity) && lm.perplexity > 1.0);
    auto* loss = view->findChild<LossPlot*>(QStringLiteral("lossPlot"));
    QVERIFY(loss->rawGraph()->dataCount() > 4);
    if (!m_tour) {
        QCOMPARE(view->epochModel()->rowCount(), 2);  // 1 LM epoch + 1 classifier epoch
        QCOMPARE(loss->validGraph()->dataCount(), 3); // 2 epochs + the gap between the stages
        QCOMPARE(loss->markerCount(), 2);
    }
    QVERIFY(loss->replotCount() < loss->rawGraph()->dataCount() + 5); // throttled, not one per batch
    QCOMPARE(view->findChild<QProgressBar*>(QStringLiteral("recipeProgress"))->value(), 1000);
    QVERIFY(QFileInfo::exists(m_home.filePath(QStringLiteral("run/classifier"))));
    screenshot(QStringLiteral("train"));
}

void TrainPredictFlowTest::trainedModelClassifiesTypedText() {
    m_studio->window()->showView(QStringLiteral("predict"));
    PredictView* view = m_studio->window()->findChild<PredictView*>(QStringLiteral("predictView"));
    QVERIFY(view);
    auto* edit = view->findChild<QPlainTextEdit*>(QStringLiteral("reviewEdit"));
    auto* modelStatus = view->findChild<QLabel*>(QStringLiteral("modelStatus"));
    QTRY_VERIFY2_WITH_TIMEOUT(edit->isEnabled(), qPrintable(modelStatus->text()),
                              30000); // the model was loaded
    QTest::keyClicks(edit, QStringLiteral("This movie was wonderful, I loved the acting."));
    auto* label = view->findChild<QLabel*>(QStringLiteral("predictedLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(label->text() == QLatin1String("pos") || label->text() == QLatin1String("neg"),
                             20000);
    auto* pos = view->findChild<QProgressBar*>(QStringLiteral("probabilityBar_pos"));
    auto* neg = view->findChild<QProgressBar*>(QStringLiteral("probabilityBar_neg"));
    QVERIFY(pos && neg);
    QVERIFY(qAbs(pos->value() + neg->value() - 1000) <= 2);
    // Why: every word of the typed review coloured by its attribution, with the legend.
    auto* why = view->findChild<AttributionView*>(QStringLiteral("classifyAttribution"));
    QVERIFY(why);
    QTRY_VERIFY_WITH_TIMEOUT(why->words().size() >= 8, 20000); // "This movie was wonderful, I loved the acting."
    QCOMPARE(why->attribution().text, edit->toPlainText());
    QVERIFY(std::any_of(why->words().begin(), why->words().end(),
                        [](const AttributionView::Word& w) { return w.background != QColor(Qt::white); }));
    QVERIFY(why->toHtml().contains(why->attribution().labels.value(0)));
    auto* method = view->findChild<QComboBox*>(QStringLiteral("explainMethodCombo"));
    method->setCurrentIndex(1); // fastai's attention: magnitudes 0..1
    QTRY_VERIFY_WITH_TIMEOUT(!why->attribution().signedScores, 20000);
    QVERIFY2(m_messages.isEmpty(), qPrintable(m_messages.join(QStringLiteral("; "))));
    screenshot(QStringLiteral("predict"));

    // Files, classified in groups of 32: up to 40 test reviews and a missing file, one row each, in
    // order, each label the one the review's text gets when typed.
    QStringList paths;
    for (const QString label : {QStringLiteral("neg"), QStringLiteral("pos")})
        for (const QFileInfo& file : QDir(m_data + QStringLiteral("/test/") + label)
                                         .entryInfoList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
            if (paths.size() < 40)
                paths << file.filePath();
    QVERIFY(paths.size() > 32);
    const qsizetype missing = paths.size() - 3;
    paths.insert(missing, m_home.filePath(QStringLiteral("missing.txt")));
    PredictBridge* bridge = m_studio->predictBridge();
    QVector<FilePrediction> rows;
    const auto collect = connect(bridge, &PredictBridge::filesPredicted, this,
                                 [&rows](const QVector<FilePrediction>& r) { rows += r; });
    QSignalSpy done(bridge, &PredictBridge::filesDone);
    bridge->classifyFiles(paths);
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 60000);
    disconnect(collect);
    QCOMPARE(rows.size(), paths.size());
    for (qsizetype i = 0; i < rows.size(); ++i)
        QCOMPARE(rows[i].path, paths[i]);
    QVERIFY(rows[missing].label.isEmpty() && rows[missing].error.contains(QStringLiteral("missing.txt")));
    QFile first(paths[0]);
    QVERIFY(first.open(QIODevice::ReadOnly));
    const QString firstText = QString::fromUtf8(first.readAll());
    QString typedLabel;
    const auto answer = connect(bridge, &PredictBridge::predicted, this, [&](const PredictionResult& r) {
        if (r.text == firstText)
            typedLabel = r.label;
    });
    bridge->classify(firstText);
    QTRY_VERIFY_WITH_TIMEOUT(!typedLabel.isEmpty(), 20000);
    disconnect(answer);
    QCOMPARE(rows[0].label, typedLabel);
}

void TrainPredictFlowTest::trainedModelEvaluatesTheTestSplit() {
    m_studio->window()->showView(QStringLiteral("evaluate"));
    EvaluateView* view = m_studio->window()->findChild<EvaluateView*>(QStringLiteral("evaluateView"));
    view->setDatasetPath(m_data);
    auto* button = view->findChild<QPushButton*>(QStringLiteral("evaluateButton"));
    QTRY_VERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    auto* accuracy = view->findChild<QLabel*>(QStringLiteral("accuracyLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(accuracy->text().startsWith(QStringLiteral("Accuracy")), 120000);
    const QString reviews = QLocale().toString(m_tour ? 1000 : 50) + QStringLiteral(" reviews");
    QVERIFY2(accuracy->text().contains(reviews), qPrintable(accuracy->text()));
    auto* losses = view->findChild<QTableView*>(QStringLiteral("topLossesTable"));
    QVERIFY(losses->model()->rowCount() > 0);
    // The selected top loss is shown with the words that made the model confidently wrong.
    losses->selectRow(0);
    view->showTopLoss(0);
    auto* why = view->findChild<AttributionView*>(QStringLiteral("topLossAttribution"));
    QVERIFY(why);
    QTRY_VERIFY_WITH_TIMEOUT(!why->words().isEmpty(), 20000);
    screenshot(QStringLiteral("evaluate"));
}

// Closing the window while a run trains asks first; "No" keeps both, "Yes" stops the run at a batch
// boundary with its last epoch's checkpoint kept, and "Resume interrupted run…" finishes it, on the
// dataset the run recorded.
void TrainPredictFlowTest::quittingMidRunAsksAndResumeFinishesIt() {
    TrainController* train = m_studio->trainController();
    MainWindow* window = m_studio->window();
    window->show();
    ulmfit::Recipe recipe = reducedQuickRecipe();
    recipe.stages.front().epochs = 4; // long enough to be closed in the middle
    const QString out = m_home.filePath(QStringLiteral("runs/interrupted"));
    train->startTraining(TrainingRequest{recipe, m_data, out});
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(out + QStringLiteral("/checkpoint/progress.json")), 120000);

    m_messages.clear();
    m_answer = false;
    window->close();
    QCOMPARE(m_messages.size(), 1);
    QVERIFY2(m_messages.front().contains(out) || m_messages.front().contains(QDir::toNativeSeparators(out)),
             qPrintable(m_messages.front()));
    QVERIFY(window->isVisible());
    QVERIFY(train->bridge()->isRunning());

    m_answer = true;
    window->close();
    QVERIFY(!window->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!train->bridge()->isRunning(), 60000); // stopped at a batch boundary
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/checkpoint/progress.json")));
    QVERIFY(!QFileInfo::exists(out + QStringLiteral("/classifier/config.json")));

    window->show();
    QSignalSpy finished(train->bridge(), &TrainingBridge::runFinished);
    Dialogs::setPathResponder([out](const QString&) { return out; });
    train->setDatasetPath(QString()); // as after a restart: the run's folder says which dataset
    QTest::mouseClick(train->view()->findChild<QPushButton*>(QStringLiteral("resumeRunButton")), Qt::LeftButton);
    Dialogs::setPathResponder({});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 180000);
    QVERIFY(QFileInfo::exists(out + QStringLiteral("/classifier/config.json")));
    train->setDatasetPath(m_data);

    // The finished run again: one message saying so, and nothing starts.
    m_messages.clear();
    auto* resumeButton = train->view()->findChild<QPushButton*>(QStringLiteral("resumeRunButton"));
    QTRY_VERIFY_WITH_TIMEOUT(resumeButton->isEnabled(), 30000);
    Dialogs::setPathResponder([out](const QString&) { return out; });
    QTest::mouseClick(resumeButton, Qt::LeftButton);
    Dialogs::setPathResponder({});
    QCOMPARE(m_messages.size(), 1);
    QVERIFY2(m_messages.front().contains(QStringLiteral("has already finished")),
             qPrintable(m_messages.front()));
    QVERIFY(!train->bridge()->isRunning());

    // A folder that is not a run's: one warning saying what to choose.
    m_messages.clear();
    Dialogs::setPathResponder([this](const QString&) { return m_home.filePath(QStringLiteral("imdb_sample")); });
    auto* resume = train->view()->findChild<QPushButton*>(QStringLiteral("resumeRunButton"));
    QTRY_VERIFY_WITH_TIMEOUT(resume->isEnabled(), 30000); // the finished run's clean-up ends first
    QTest::mouseClick(resume, Qt::LeftButton);
    Dialogs::setPathResponder({});
    QCOMPARE(m_messages.size(), 1);
    QVERIFY2(m_messages.front().contains(QStringLiteral("not a training run's output folder")),
             qPrintable(m_messages.front()));
}

QTEST_MAIN(TrainPredictFlowTest)
#include "TrainPredictFlowTest.moc"
