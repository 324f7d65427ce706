#include "app/gui/BatchController.h"

#include "app/bridge/EngineBridge.h"
#include "ui/batches/BatchView.h"

BatchController::BatchController(BatchView* view, EngineBridge* bridge, QObject* parent)
    : QObject(parent), m_view(view), m_bridge(bridge) {
    connect(view, &BatchView::batchRequested, this, &BatchController::request);
    connect(view, &BatchView::cancelRequested, bridge, &EngineBridge::cancel);
    connect(bridge, &EngineBridge::batchReady, this, [this](const ShownBatch& batch) {
        m_waiting = false;
        m_view->setBatch(batch);
    });
    EngineWorker* worker = bridge->datasetWorker();
    connect(worker, &EngineWorker::progressed, this, [this, worker](const ProgressBatch& points) {
        if (m_waiting && worker->currentTask() == QLatin1String("batch") && !points.isEmpty())
            m_view->setProgress(points.last());
    });
    connect(worker, &EngineWorker::failed, this,
            [this](const QString& task, const QString& message) { onTaskEnded(task, message); });
    connect(worker, &EngineWorker::cancelled, this,
            [this](const QString& task) { onTaskEnded(task, tr("cancelled")); });
}

void BatchController::setDataset(const DatasetInfo& info) { m_view->setDatasetAvailable(!info.isEmpty()); }

void BatchController::request(BatchKind kind, int rows) {
    m_waiting = true;
    m_view->setBusy(tr("Tokenizing the dataset (first time only) and drawing a batch…"));
    m_bridge->showBatch(kind, rows);
}

void BatchController::onTaskEnded(const QString& task, const QString& failure) {
    if (task != QLatin1String("batch") || !m_waiting)
        return;
    m_waiting = false;
    m_view->setFailed(failure);
}
