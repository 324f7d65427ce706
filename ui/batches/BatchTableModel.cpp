#include "batches/BatchTableModel.h"

namespace ulmfit::ui {

BatchTableModel::BatchTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void BatchTableModel::setTable(const ShownBatch& table) {
    beginResetModel();
    m_table = table;
    endResetModel();
}

int BatchTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_table.rows.size());
}

int BatchTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_table.headers.size());
}

QVariant BatchTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QStringList& row = m_table.rows[index.row()];
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    return index.column() < row.size() ? row[index.column()] : QString();
}

QVariant BatchTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section;
    return section < m_table.headers.size() ? m_table.headers[section] : QVariant();
}

} // namespace ulmfit::ui
