#include "dataset/ReviewListModel.h"

#include <QLocale>

namespace ulmfit::ui {

ReviewListModel::ReviewListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReviewListModel::setDataset(const DatasetInfo& info) {
    beginResetModel();
    m_entries = info.files; // implicitly shared: no copy of the 100k entries
    endResetModel();
}

const DatasetEntry* ReviewListModel::entry(int row) const {
    return row >= 0 && row < m_entries.size() ? &m_entries[row] : nullptr;
}

int ReviewListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ReviewListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewListModel::display(const DatasetEntry& e, int column) const {
    switch (column) {
    case FileColumn: // cheaper than QFileInfo: the filter runs this for every row on each keystroke
        return e.path.mid(e.path.lastIndexOf(QLatin1Char('/')) + 1);
    case SplitColumn:
        return e.split;
    case LabelColumn:
        return e.label;
    case RatingColumn:
        return e.rating >= 0 ? QVariant(e.rating) : QVariant(QStringLiteral("–"));
    case SizeColumn:
        return QLocale().formattedDataSize(e.bytes, 1, QLocale::DataSizeSIFormat);
    default:
        return {};
    }
}

QVariant ReviewListModel::sortKey(const DatasetEntry& e, int column) const {
    switch (column) {
    case RatingColumn:
        return e.rating;
    case SizeColumn:
        return e.bytes;
    default:
        return display(e, column);
    }
}

QVariant ReviewListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DatasetEntry& e = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(e, index.column());
    case Qt::ToolTipRole:
        return e.path;
    case Qt::TextAlignmentRole:
        return index.column() >= RatingColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case PathRole:
        return e.path;
    case SplitRole:
        return e.split;
    case LabelRole:
        return e.label;
    case SortRole:
        return sortKey(e, index.column());
    default:
        return {};
    }
}

QVariant ReviewListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FileColumn:
        return tr("File");
    case SplitColumn:
        return tr("Split");
    case LabelColumn:
        return tr("Label");
    case RatingColumn:
        return tr("Rating");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

} // namespace ulmfit::ui
