#pragma once
#include "ui/types/DatasetInfo.h"
#include "ui/types/ShownBatch.h"

#include <QObject>

namespace ulmfit::ui {
class BatchView;
} // namespace ulmfit::ui
class EngineBridge;

/// Batches page <-> bridge: requests show_batch draws, shows corpus-building progress and results.
class BatchController : public QObject {
    Q_OBJECT
  public:
    BatchController(ulmfit::ui::BatchView* view, EngineBridge* bridge, QObject* parent = nullptr);
    void setDataset(const ulmfit::ui::DatasetInfo& info);

  private:
    void request(ulmfit::ui::BatchKind kind, int rows);

    ulmfit::ui::BatchView* m_view;
    EngineBridge* m_bridge;
};
