#include "app/gui/PredictController.h"

#include "app/bridge/PredictBridge.h"
#include "ui/common/Icons.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/predict/PredictView.h"

using namespace ulmfit::ui;

PredictController::PredictController(MainWindow* window, PredictBridge* bridge, QObject* parent)
    : QObject(parent), m_view(new PredictView), m_bridge(bridge) {
    window->addView(QStringLiteral("predict"), tr("Predict"), Icons::view(QStringLiteral("predict")), m_view);
    connect(m_view, &PredictView::classifyRequested, bridge, &PredictBridge::classify);
    connect(m_view, &PredictView::classifyFilesRequested, bridge, &PredictBridge::classifyFiles);
    connect(m_view, &PredictView::generateRequested, bridge, &PredictBridge::generate);
    connect(m_view, &PredictView::chooseModelRequested, window, &MainWindow::openModelRequested);
    connect(bridge, &PredictBridge::modelLoaded, m_view, &PredictView::setModelStatus);
    connect(bridge, &PredictBridge::predicted, m_view, &PredictView::showPrediction);
    connect(bridge, &PredictBridge::filesPredicted, m_view, &PredictView::addFilePredictions);
    connect(bridge, &PredictBridge::filesDone, m_view, &PredictView::filesFinished);
    connect(bridge, &PredictBridge::generated, m_view, &PredictView::showGenerated);
    connect(bridge->worker(), &EngineWorker::failed, this, &PredictController::onFailed);
}

void PredictController::onFailed(const QString& task, const QString& message) {
    if (task == QLatin1String("generate"))
        m_view->showGenerateError(message);
    else if (task == QLatin1String("classify") || task == QLatin1String("classify-files"))
        m_view->showClassifyError(message);
    else if (task == QLatin1String("load-model"))
        m_view->setModelStatus(tr("Could not load the model: %1").arg(message), false, false);
}
