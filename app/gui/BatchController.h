#pragma once
#include "ui/batches/ShownBatch.h"
#include "ui/dataset/DatasetInfo.h"

#include <QObject>

class BatchView;
class EngineBridge;

/// Batches page <-> bridge: requests show_batch draws, shows corpus-building progress and results.
class BatchController : public QObject {
    Q_OBJECT
public:
    BatchController(BatchView* view, EngineBridge* bridge, QObject* parent = nullptr);
    void setDataset(const DatasetInfo& info);

private:
    void request(BatchKind kind, int rows);
    void onTaskEnded(const QString& task, const QString& failure);

    BatchView* m_view;
    EngineBridge* m_bridge;
    bool m_waiting = false;
};
