#include "app/gui/PredictController.h"

#include "app/bridge/PredictBridge.h"
#include "ui/common/Icons.h"
#include "ui/mainwindow/MainWindow.h"
#include "ui/predict/PredictView.h"

using namespace ulmfit::ui;

PredictController::PredictController(MainWindow* window, PredictBridge* bridge, QObject* parent)
    : QObject(parent), m_view(new PredictView), m_bridge(bridge) {
    window->addView(QStringLiteral("predict"), tr("Predict"), Icons::view(QStringLiteral("predict")), m_view);
    connect(m_view, &PredictView::classifyRequested, this, [this](const QString& text) {
        connect(m_bridge->classify(text), &JobHandle::failed, m_view, &PredictView::showClassifyError,
                Qt::UniqueConnection);
    });
    connect(m_view, &PredictView::classifyFilesRequested, this, [this](const QStringList& paths) {
        connect(m_bridge->classifyFiles(paths), &JobHandle::failed, m_view, &PredictView::showClassifyError);
    });
    connect(m_view, &PredictView::generateRequested, this, [this](const GenerationRequest& request) {
        connect(m_bridge->generate(request), &JobHandle::failed, m_view, &PredictView::showGenerateError);
    });
    connect(m_view, &PredictView::chooseModelRequested, window, &MainWindow::openModelRequested);
    connect(bridge, &PredictBridge::modelLoaded, m_view, &PredictView::setModelStatus);
    connect(bridge, &PredictBridge::predicted, m_view, &PredictView::showPrediction);
    connect(bridge, &PredictBridge::explained, m_view, &PredictView::showAttribution);
    connect(m_view, &PredictView::explainMethodChanged, this, [this](int method) { m_bridge->setExplainMethod(method); });
    connect(bridge, &PredictBridge::filesPredicted, m_view, &PredictView::addFilePredictions);
    connect(bridge, &PredictBridge::filesDone, m_view, &PredictView::filesFinished);
    connect(bridge, &PredictBridge::generated, m_view, &PredictView::showGenerated);
}

void PredictController::loadModel(const QString& path) {
    connect(m_bridge->loadModel(path), &JobHandle::failed, m_view, [this](const QString& message) {
        m_view->setModelStatus(tr("Could not load the model: %1").arg(message), false, false);
    });
}
