#include "app/gui/BatchController.h"

#include "app/bridge/EngineBridge.h"
#include "ui/batches/BatchView.h"

using namespace ulmfit::ui;

BatchController::BatchController(BatchView* view, EngineBridge* bridge, QObject* parent)
    : QObject(parent), m_view(view), m_bridge(bridge) {
    connect(view, &BatchView::batchRequested, this, &BatchController::request);
    connect(view, &BatchView::cancelRequested, bridge, &EngineBridge::cancel);
    connect(bridge, &EngineBridge::batchReady, m_view, &BatchView::setBatch);
}

void BatchController::setDataset(const DatasetInfo& info) {
    m_view->setDatasetAvailable(!info.isEmpty());
}

void BatchController::request(BatchKind kind, int rows) {
    m_view->setBusy(tr("Tokenizing the dataset (first time only) and drawing a batch…"));
    JobHandle* job = m_bridge->showBatch(kind, rows);
    connect(job, &JobHandle::progressed, m_view, [this](const ProgressBatch& points) {
        if (!points.isEmpty())
            m_view->setProgress(points.constLast());
    });
    connect(job, &JobHandle::failed, m_view, &BatchView::setFailed);
    connect(job, &JobHandle::cancelled, m_view, [this] { m_view->setFailed(tr("cancelled")); });
}
