#include "app/gui/EvaluateController.h"

#include "app/bridge/PredictBridge.h"
#include "ui/common/Icons.h"
#include "ui/evaluate/EvaluateView.h"
#include "ui/mainwindow/MainWindow.h"

using namespace ulmfit::ui;

EvaluateController::EvaluateController(MainWindow* window, PredictBridge* bridge, QObject* parent)
    : QObject(parent), m_view(new EvaluateView) {
    window->addView(QStringLiteral("evaluate"), tr("Evaluate"), Icons::view(QStringLiteral("evaluate")), m_view);
    connect(m_view, &EvaluateView::evaluateRequested, bridge, &PredictBridge::evaluate);
    connect(bridge, &PredictBridge::evaluated, m_view, &EvaluateView::showReport);
    connect(bridge, &PredictBridge::modelLoaded, m_view,
            [this](const QString& description, bool classifier, bool) { m_view->setModelStatus(description, classifier); });
    auto* worker = bridge->worker();
    connect(worker, &EngineWorker::progressed, m_view, [this](const ProgressBatch& points) {
        if (!points.isEmpty() && points.constLast().task == QLatin1String("classify"))
            m_view->setProgress(points.constLast());
    });
    connect(worker, &EngineWorker::failed, m_view, [this](const QString& task, const QString& message) {
        if (task == QLatin1String("evaluate"))
            m_view->showError(message);
    });
    connect(worker, &EngineWorker::cancelled, m_view, [this](const QString& task) {
        if (task == QLatin1String("evaluate"))
            m_view->showError(tr("cancelled"));
    });
}

void EvaluateController::setDatasetPath(const QString& path) {
    m_view->setDatasetPath(path);
}
