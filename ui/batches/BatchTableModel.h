#pragma once
#include "types/ShownBatch.h"

#include <QAbstractTableModel>

namespace ulmfit::ui {

/// A show_batch table (LM: text / text_, classifier: text / category) as an item model.
class BatchTableModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    explicit BatchTableModel(QObject* parent = nullptr);
    void setTable(const ShownBatch& table);
    const ShownBatch& table() const { return m_table; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  private:
    ShownBatch m_table;
};

} // namespace ulmfit::ui
