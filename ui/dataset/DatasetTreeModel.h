#pragma once
#include "types/DatasetInfo.h"

#include <QAbstractItemModel>

namespace ulmfit::ui {

/// Splits and labels of a dataset with file counts: "All reviews", then each split (train, test,
/// unsup) with its labels as children. Selecting a row filters the review list.
class DatasetTreeModel : public QAbstractItemModel {
    Q_OBJECT
  public:
    enum Role { SplitRole = Qt::UserRole + 1, LabelRole, CountRole };
    enum Column { NameColumn, CountColumn, ColumnCount };

    explicit DatasetTreeModel(QObject* parent = nullptr);
    void setDataset(const DatasetInfo& info);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  private:
    struct Node {
        QString split; // empty for "All reviews"
        QString label; // empty for split rows
        int count = 0;
        QVector<Node> children;
    };
    const Node* node(const QModelIndex& index) const;
    QString displayName(const Node& node) const;

    QVector<Node> m_roots;
};

} // namespace ulmfit::ui
