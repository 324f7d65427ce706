#include "evaluate/ClassMetricsModel.h"

#include "common/ModelCsvWriter.h"

namespace ulmfit::ui {

ClassMetricsModel::ClassMetricsModel(QObject* parent) : QAbstractTableModel(parent) {}

int ClassMetricsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_report.labels.size());
}

int ClassMetricsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

double ClassMetricsModel::value(int row, int column) const {
    const double precision = m_report.precision.value(row);
    const double recall = m_report.recall.value(row);
    switch (column) {
    case Precision:
        return precision;
    case Recall:
        return recall;
    case F1:
        return precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    case Support: {
        qint64 support = 0;
        for (qint64 n : m_report.confusion.value(row))
            support += n;
        return double(support);
    }
    default:
        return 0.0;
    }
}

QVariant ClassMetricsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const int column = index.column();
    if (role == Qt::DisplayRole || role == kExportRole) {
        if (column == Label)
            return m_report.labels.at(index.row());
        const double v = value(index.row(), column);
        if (column == Support)
            return qint64(v);
        return role == kExportRole ? QVariant(v) : QVariant(QString::number(v, 'f', 4));
    }
    if (role == Qt::TextAlignmentRole && column != Label)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ClassMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Label:
        return tr("class");
    case Precision:
        return tr("precision");
    case Recall:
        return tr("recall");
    case F1:
        return tr("F1");
    case Support:
        return tr("reviews");
    default:
        return {};
    }
}

void ClassMetricsModel::setReport(const EvaluationReport& report) {
    beginResetModel();
    m_report = report;
    endResetModel();
}

} // namespace ulmfit::ui
