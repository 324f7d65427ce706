#include "app/gui/TrainController.h"

#include "app/bridge/EngineBridge.h"
#include "app/bridge/PretrainedModelsBridge.h"
#include "app/bridge/TrainingBridge.h"
#include "ui/common/Dialogs.h"
#include "ui/common/Icons.h"
#include "ui/common/TaskProgressDialog.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/training/TrainingView.h"
#include "ui/wizard/TrainingWizard.h"

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>

#include <spdlog/spdlog.h>

using namespace ulmfit::ui;

TrainController::TrainController(MainWindow* window, EngineBridge* engine, QObject* parent)
    : QObject(parent), m_window(window), m_engine(engine), m_view(new TrainingView),
      m_bridge(std::make_unique<TrainingBridge>()),
      m_pretrained(std::make_unique<PretrainedModelsBridge>()) {
    m_window->addView(QStringLiteral("train"), tr("Train"), Icons::view(QStringLiteral("train")), m_view);
    connect(m_view, &TrainingView::newRunRequested, this, &TrainController::openWizard);
    connect(m_view, &TrainingView::resumeRequested, this, &TrainController::resumeRun);
    m_window->addCloseGuard([this] { return confirmQuit(); });
    connect(m_view, &TrainingView::pauseRequested, m_bridge.get(), &TrainingBridge::setPaused);
    connect(m_view, &TrainingView::cancelRequested, m_bridge.get(), &TrainingBridge::cancel);
    wireBridge();
}

TrainController::~TrainController() {
    m_bridge.reset(); // stop the run before the view it reports to goes away
}

void TrainController::wireBridge() {
    auto* bridge = m_bridge.get();
    connect(bridge, &TrainingBridge::busyChanged, m_view, &TrainingView::setWorkerBusy);
    connect(bridge, &TrainingBridge::runStarted, m_view, &TrainingView::startRun);
    connect(bridge, &TrainingBridge::preparing, m_view, &TrainingView::showPreparation);
    connect(bridge, &TrainingBridge::message, m_view, &TrainingView::showMessage);
    connect(bridge, &TrainingBridge::stageStarted, m_view, &TrainingView::stageStarted);
    connect(bridge, &TrainingBridge::batchesReady, m_view, &TrainingView::addBatches);
    connect(bridge, &TrainingBridge::epochEnded, m_view, &TrainingView::addEpoch);
    connect(bridge, &TrainingBridge::runCancelled, m_view, &TrainingView::runCancelled);
    connect(bridge, &TrainingBridge::runFailed, m_view, &TrainingView::runFailed);
    connect(bridge, &TrainingBridge::runFinished, this, [this](const QString& out, double accuracy) {
        m_view->runFinished();
        spdlog::info("training finished: {} (accuracy {:.4f})", out.toStdString(), accuracy);
        Q_EMIT modelTrained(out);
    });
}

TrainingWizard* TrainController::wizard() {
    if (!m_wizard) {
        m_wizard = new TrainingWizard(m_window);
        m_wizard->setAttribute(Qt::WA_DeleteOnClose);
        m_wizard->setDataPath(m_datasetPath);
        wireTokenizing(m_wizard);
        wirePretrained(m_wizard);
        wireLrFinder(m_wizard);
        connect(m_wizard, &TrainingWizard::startTrainingRequested, this, &TrainController::startTraining);
    }
    return m_wizard;
}

// "Tokenize now": the corpus job's progress and outcome go to the wizard that asked.
void TrainController::wireTokenizing(TrainingWizard* wizard) {
    wizard->setTokenizeAvailable(true);
    connect(wizard, &TrainingWizard::tokenizeRequested, this, [this, wizard](const QString& dataPath) {
        const ulmfit::Recipe recipe = wizard->recipe();
        JobHandle* job = m_engine->prepareCorpus(dataPath, recipe.vocab.maxVocab, recipe.vocab.minFreq);
        connect(job, &JobHandle::progressed, wizard, [wizard](const ProgressBatch& points) {
            if (!points.isEmpty())
                wizard->setTokenizeProgress(points.constLast());
        });
        connect(job, &JobHandle::failed, wizard,
                [wizard](const QString& message) { wizard->tokenizeFinished(false, message); });
        connect(job, &JobHandle::cancelled, wizard,
                [wizard] { wizard->tokenizeFinished(false, tr("cancelled")); });
    });
    connect(m_engine, &EngineBridge::corpusPrepared, wizard,
            [wizard](const QString& folder, const QString& summary) {
                wizard->setDataPath(
                    folder); // an archive was extracted: train on the folder whose tokens are cached
                wizard->tokenizeFinished(true, summary);
            });
}

// The wizard's "Start from WikiText-103": what is installed, and downloading or importing it.
void TrainController::wirePretrained(TrainingWizard* wizard) {
    wizard->setPretrainedModels(m_pretrained->models());
    // Parented to the wizard: a dialog of the main window would be blocked by the window-modal wizard.
    m_installProgress = new TaskProgressDialog(wizard);
    connect(m_installProgress, &TaskProgressDialog::cancelRequested, m_pretrained.get(),
            &PretrainedModelsBridge::cancel);
    connect(m_pretrained.get(), &PretrainedModelsBridge::modelsChanged, wizard,
            &TrainingWizard::setPretrainedModels);
    connect(wizard, &TrainingWizard::pretrainedDownloadRequested, this, [this](const QString& name) {
        watchInstall(m_pretrained->fetch(name), tr("Download %1").arg(name));
    });
    connect(wizard, &TrainingWizard::pretrainedImportRequested, this,
            [this](const QString& name, const QString& archive) {
                watchInstall(m_pretrained->importArchive(name, archive), tr("Install %1").arg(name));
            });
}

// "Find a learning rate" on a wizard stage: the range test runs on the training worker.
void TrainController::wireLrFinder(TrainingWizard* wizard) {
    connect(m_bridge.get(), &TrainingBridge::lrFound, wizard, &TrainingWizard::showLrCurve);
    connect(wizard, &TrainingWizard::lrFindCancelRequested, m_bridge.get(), &TrainingBridge::cancel);
    connect(wizard, &TrainingWizard::lrFindRequested, this,
            [this, wizard](TrainingRequest request, ulmfit::RecipeStage::Model model, int stage) {
                JobHandle* job = m_bridge->findLearningRate(request, model, stage);
                connect(job, &JobHandle::progressed, wizard, [wizard](const ProgressBatch& points) {
                    if (!points.isEmpty())
                        wizard->setLrFindProgress(points.constLast());
                });
                connect(job, &JobHandle::failed, wizard, &TrainingWizard::lrFindFailed);
                connect(job, &JobHandle::cancelled, wizard, &TrainingWizard::lrFindCancelled);
            });
}

void TrainController::watchInstall(JobHandle* job, const QString& title) {
    if (!m_installProgress)
        return;
    m_installProgress->start(title);
    connect(job, &JobHandle::progressed, m_installProgress, [this](const ProgressBatch& points) {
        if (!points.isEmpty())
            m_installProgress->setProgress(points.constLast());
    });
    connect(job, &JobHandle::ended, m_installProgress, &QWidget::hide);
    connect(job, &JobHandle::failed, this, [this, title](const QString& message) {
        Dialogs::critical(m_wizard ? static_cast<QWidget*>(m_wizard) : m_window, title, message);
    });
}

void TrainController::openWizard() {
    if (m_bridge->isRunning())
        return; // one run at a time: the view's Cancel ends the current one
    wizard()->open();
}

// Quitting mid-run stops the run at the end of its current batch; the checkpoint of the last finished
// epoch stays for "Resume interrupted run…" (the bridge joins the run when the controller goes).
bool TrainController::confirmQuit() {
    if (!m_bridge->isRunning())
        return true;
    const bool quit = Dialogs::question(
        m_window, tr("Quit"),
        tr("A training run is in progress in %1.\n\nQuit and stop it? It stops at the end of the current batch; "
           "its last finished epoch is kept as a checkpoint, and Train › Resume interrupted run… continues from it.")
            .arg(QDir::toNativeSeparators(m_runDir)));
    if (quit)
        m_bridge->cancel();
    return quit;
}

void TrainController::resumeRun() {
    if (m_bridge->isRunning())
        return; // one run at a time
    const QString root = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const QString folder =
        Dialogs::existingDirectory(m_window, tr("Resume interrupted run"), QDir(root).filePath(QStringLiteral("runs")));
    if (folder.isEmpty())
        return;
    try {
        const ulmfit::Recipe recipe = TrainingBridge::runRecipe(folder);
        if (const QString finished = TrainingBridge::finishedRunNote(recipe, folder); !finished.isEmpty()) {
            Dialogs::information(m_window, tr("Resume interrupted run"), finished);
            return;
        }
        // The dataset the run recorded; else (an older run's, or one moved since) the one open now.
        QString why;
        const QString recorded = TrainingBridge::runDataset(folder, &why);
        const QString data = recorded.isEmpty() ? m_datasetPath : recorded;
        if (data.isEmpty()) {
            Dialogs::warning(m_window, tr("Resume interrupted run"),
                             tr("%1\n\nOpen that dataset (File › Open dataset folder…), then resume.").arg(why));
            return;
        }
        startTraining(TrainingRequest{recipe, data, folder, /*resume=*/true});
    } catch (const std::exception& e) { // not a run's folder: say what to choose
        Dialogs::warning(m_window, tr("Resume interrupted run"), QString::fromStdString(e.what()));
    }
}

void TrainController::startTraining(TrainingRequest request) {
    if (request.outputDir.isEmpty())
        request.outputDir = defaultOutputDir(QString::fromStdString(request.recipe.name));
    m_runDir = request.outputDir;
    spdlog::info("training {} on {} into {}", request.recipe.name, request.dataPath.toStdString(),
                 request.outputDir.toStdString());
    m_window->showView(QStringLiteral("train"));
    m_bridge->start(request); // its outcome arrives through the bridge's run signals
}

void TrainController::setDatasetPath(const QString& path) {
    m_datasetPath = path;
    if (m_wizard)
        m_wizard->setDataPath(path);
}

QString TrainController::defaultOutputDir(const QString& recipeName) {
    const QString root = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    return QDir(root).filePath(QStringLiteral("runs/%1-%2").arg(recipeName, stamp));
}
