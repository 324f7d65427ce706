#include "dataset/DatasetTreeModel.h"

#include <QLocale>

namespace ulmfit::ui {

namespace {
// internalId of a split's label rows = split row + 1; of top-level rows = 0.
constexpr quintptr kTopLevel = 0;

QStringList orderedSplits(const DatasetInfo& info) {
    QStringList splits;
    for (const char* known : {"train", "test", "unsup"})
        if (info.counts.contains(QLatin1String(known)))
            splits << QLatin1String(known);
    for (auto it = info.counts.cbegin(); it != info.counts.cend(); ++it)
        if (!splits.contains(it.key()))
            splits << it.key();
    return splits;
}
} // namespace

DatasetTreeModel::DatasetTreeModel(QObject* parent) : QAbstractItemModel(parent) {}

void DatasetTreeModel::setDataset(const DatasetInfo& info) {
    beginResetModel();
    m_roots.clear();
    if (!info.isEmpty())
        m_roots.push_back({{}, {}, int(info.files.size()), {}});
    for (const QString& split : orderedSplits(info)) {
        Node splitNode{split, {}, info.count(split), {}};
        const auto labels = info.counts.value(split);
        for (auto it = labels.cbegin(); it != labels.cend(); ++it)
            if (!it.key().isEmpty()) // unsup has no label folders
                splitNode.children.push_back({split, it.key(), it.value(), {}});
        m_roots.push_back(splitNode);
    }
    endResetModel();
}

const DatasetTreeModel::Node* DatasetTreeModel::node(const QModelIndex& index) const {
    if (!index.isValid())
        return nullptr;
    if (index.internalId() == kTopLevel)
        return &m_roots[index.row()];
    return &m_roots[int(index.internalId() - 1)].children[index.row()];
}

QModelIndex DatasetTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kTopLevel);
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex DatasetTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int DatasetTreeModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid())
        return int(m_roots.size());
    if (parent.column() != 0 || parent.internalId() != kTopLevel)
        return 0;
    return int(m_roots[parent.row()].children.size());
}

int DatasetTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QString DatasetTreeModel::displayName(const Node& node) const {
    if (node.split.isEmpty())
        return tr("All reviews");
    if (!node.label.isEmpty())
        return node.label;
    if (node.split == QLatin1String("unsup"))
        return tr("unsup (unlabelled)");
    return node.split;
}

QVariant DatasetTreeModel::data(const QModelIndex& index, int role) const {
    const Node* n = node(index);
    if (!n)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? QVariant(displayName(*n))
                                            : QVariant(QLocale().toString(n->count));
    case Qt::TextAlignmentRole:
        return index.column() == CountColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SplitRole:
        return n->split;
    case LabelRole:
        return n->label;
    case CountRole:
        return n->count;
    default:
        return {};
    }
}

QVariant DatasetTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Split / label") : tr("Reviews");
}

} // namespace ulmfit::ui
