#include "app/gui/EvaluateController.h"

#include "app/bridge/PredictBridge.h"
#include "ui/common/Icons.h"
#include "ui/evaluate/EvaluateView.h"
#include "ui/mainwindow/MainWindow.h"

using namespace ulmfit::ui;

EvaluateController::EvaluateController(MainWindow* window, PredictBridge* bridge, QObject* parent)
    : QObject(parent), m_view(new EvaluateView) {
    window->addView(QStringLiteral("evaluate"), tr("Evaluate"), Icons::view(QStringLiteral("evaluate")),
                    m_view);
    connect(m_view, &EvaluateView::evaluateRequested, this, [this, bridge](const QString& folder) {
        JobHandle* job = bridge->evaluate(folder);
        connect(job, &JobHandle::progressed, m_view, [this](const ProgressBatch& points) {
            if (!points.isEmpty())
                m_view->setProgress(points.constLast());
        });
        connect(job, &JobHandle::failed, m_view, &EvaluateView::showError);
        connect(job, &JobHandle::cancelled, m_view, [this] { m_view->showError(tr("cancelled")); });
    });
    connect(bridge, &PredictBridge::evaluated, m_view, &EvaluateView::showReport);
    connect(m_view, &EvaluateView::explainRequested, this,
            [bridge](const QString& path, const QString& label) { bridge->explainFile(path, label); });
    connect(bridge, &PredictBridge::fileExplained, m_view, &EvaluateView::showAttribution);
    connect(bridge, &PredictBridge::modelLoaded, m_view,
            [this](const QString& description, bool classifier, bool) {
                m_view->setModelStatus(description, classifier);
            });
}

void EvaluateController::setDatasetPath(const QString& path) {
    m_view->setDatasetPath(path);
}
