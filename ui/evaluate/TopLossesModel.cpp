#include "evaluate/TopLossesModel.h"

#include "common/ModelCsvWriter.h"

#include <QFileInfo>

namespace ulmfit::ui {

TopLossesModel::TopLossesModel(QObject* parent) : QAbstractTableModel(parent) {}

int TopLossesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_items.size());
}

int TopLossesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TopLossesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_items.size())
        return {};
    const TopLossItem& item = m_items.at(index.row());
    if (role == Qt::DisplayRole || role == kExportRole) {
        const bool raw = role == kExportRole;
        switch (index.column()) {
        case Actual:
            return item.actual;
        case Predicted:
            return item.predicted;
        case Probability:
            return raw ? QVariant(item.probability) : QVariant(QString::number(item.probability, 'f', 4));
        case Loss:
            return raw ? QVariant(item.loss) : QVariant(QString::number(item.loss, 'f', 4));
        case File:
            return raw ? item.path : QFileInfo(item.path).fileName();
        }
    } else if (role == Qt::ToolTipRole) {
        return item.path;
    }
    return {};
}

QVariant TopLossesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Actual:
        return tr("actual");
    case Predicted:
        return tr("predicted");
    case Probability:
        return tr("probability");
    case Loss:
        return tr("loss");
    case File:
        return tr("file");
    default:
        return {};
    }
}

void TopLossesModel::setItems(const QVector<TopLossItem>& items) {
    beginResetModel();
    m_items = items;
    endResetModel();
}

const TopLossItem* TopLossesModel::item(int row) const {
    return row >= 0 && row < m_items.size() ? &m_items.at(row) : nullptr;
}

} // namespace ulmfit::ui
