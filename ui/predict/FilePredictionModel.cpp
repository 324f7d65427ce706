#include "predict/FilePredictionModel.h"

#include "common/ModelCsvWriter.h"

#include <QFileInfo>

namespace ulmfit::ui {

FilePredictionModel::FilePredictionModel(QObject* parent) : QAbstractTableModel(parent) {}

int FilePredictionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FilePredictionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FilePredictionModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const FilePrediction& row = m_rows.at(index.row());
    const bool failed = !row.error.isEmpty();
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case File:
            return QFileInfo(row.path).fileName();
        case Label:
            return failed ? tr("error") : row.label;
        case Probability:
            return failed ? row.error : QString::number(row.probability * 100.0, 'f', 1) + QLatin1Char('%');
        }
    } else if (role == kExportRole) {
        switch (index.column()) {
        case File:
            return row.path;
        case Label:
            return failed ? QString() : row.label;
        case Probability:
            return failed ? row.error : QString::number(row.probability, 'f', 6);
        }
    } else if (role == Qt::ToolTipRole && index.column() == File) {
        return row.path;
    }
    return {};
}

QVariant FilePredictionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case File:
        return tr("file");
    case Label:
        return tr("label");
    case Probability:
        return tr("probability");
    default:
        return {};
    }
}

void FilePredictionModel::append(const QVector<FilePrediction>& predictions) {
    if (predictions.isEmpty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(predictions.size()) - 1);
    m_rows += predictions;
    endInsertRows();
}

void FilePredictionModel::clear() {
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace ulmfit::ui
