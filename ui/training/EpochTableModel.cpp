#include "training/EpochTableModel.h"

#include "common/Format.h"

#include "common/ModelCsvWriter.h"

#include <cmath>

namespace ulmfit::ui {
namespace {

QVariant metric(double value) {
    return std::isfinite(value) ? QVariant(QString::number(value, 'f', 6)) : QVariant(QStringLiteral("—"));
}

} // namespace

EpochTableModel::EpochTableModel(QObject* parent) : QAbstractTableModel(parent) {}

int EpochTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int EpochTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EpochTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const EpochRow& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case kExportRole:
        return raw(row, index.column());
    case Qt::TextAlignmentRole:
        return int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return index.column() == Stage ? m_stageTitles.value(row.stage) : QVariant();
    default:
        return {};
    }
}

QVariant EpochTableModel::display(const EpochRow& row, int column) const {
    switch (column) {
    case Stage:
        return row.stage + 1;
    case Epoch:
        return row.epoch;
    case TrainLoss:
        return metric(row.trainLoss);
    case ValidLoss:
        return metric(row.validLoss);
    case Accuracy:
        return metric(row.accuracy);
    case Perplexity:
        return metric(row.perplexity);
    case Time:
        return Format::duration(row.seconds);
    default:
        return {};
    }
}

QVariant EpochTableModel::raw(const EpochRow& row, int column) const {
    switch (column) {
    case TrainLoss:
        return std::isfinite(row.trainLoss) ? QVariant(row.trainLoss) : QVariant(QString());
    case ValidLoss:
        return std::isfinite(row.validLoss) ? QVariant(row.validLoss) : QVariant(QString());
    case Accuracy:
        return std::isfinite(row.accuracy) ? QVariant(row.accuracy) : QVariant(QString());
    case Perplexity:
        return std::isfinite(row.perplexity) ? QVariant(row.perplexity) : QVariant(QString());
    case Time:
        return row.seconds;
    default:
        return display(row, column);
    }
}

QVariant EpochTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Stage:
        return tr("stage");
    case Epoch:
        return tr("epoch");
    case TrainLoss:
        return tr("train_loss");
    case ValidLoss:
        return tr("valid_loss");
    case Accuracy:
        return tr("accuracy");
    case Perplexity:
        return tr("perplexity");
    case Time:
        return tr("time");
    default:
        return {};
    }
}

void EpochTableModel::setStageTitles(const QStringList& titles) {
    m_stageTitles = titles;
}

void EpochTableModel::addRow(const EpochRow& row) {
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(row);
    endInsertRows();
}

void EpochTableModel::clear() {
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace ulmfit::ui
