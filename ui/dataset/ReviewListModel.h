#pragma once
#include "types/DatasetInfo.h"

#include <QAbstractTableModel>

namespace ulmfit::ui {

/// The scanned review files as a flat table (file, split, label, rating, size). Holds only the
/// index: no widget per row and no review text, so 100,000 rows stay instant.
class ReviewListModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { FileColumn, SplitColumn, LabelColumn, RatingColumn, SizeColumn, ColumnCount };
    enum Role { PathRole = Qt::UserRole + 1, SplitRole, LabelRole, SortRole };

    explicit ReviewListModel(QObject* parent = nullptr);
    void setDataset(const DatasetInfo& info);
    const DatasetEntry* entry(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  private:
    QVariant display(const DatasetEntry& entry, int column) const;
    QVariant sortKey(const DatasetEntry& entry, int column) const;

    QVector<DatasetEntry> m_entries;
};

} // namespace ulmfit::ui
