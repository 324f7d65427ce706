#include "log/LogModel.h"

#include <QBrush>
#include <QColor>

namespace ulmfit::ui {

LogModel::LogModel(int capacity, QObject* parent)
    : QAbstractTableModel(parent), m_capacity(qMax(1, capacity)) {}

void LogModel::append(const LogRecords& records) {
    if (records.isEmpty())
        return;
    const int incoming = int(qMin<qsizetype>(records.size(), m_capacity));
    const int overflow = int(m_records.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_records.remove(0, overflow);
        endRemoveRows();
    }
    beginInsertRows({}, int(m_records.size()), int(m_records.size()) + incoming - 1);
    m_records.append(records.mid(records.size() - incoming));
    endInsertRows();
}

void LogModel::clear() {
    beginResetModel();
    m_records.clear();
    endResetModel();
}

QString LogModel::levelName(LogLevel level) {
    switch (level) {
    case LogLevel::Trace:
        return tr("trace");
    case LogLevel::Debug:
        return tr("debug");
    case LogLevel::Info:
        return tr("info");
    case LogLevel::Warning:
        return tr("warning");
    case LogLevel::Error:
        return tr("error");
    case LogLevel::Critical:
        return tr("critical");
    }
    return {};
}

int LogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_records.size());
}

int LogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::display(const LogRecord& record, int column) const {
    switch (column) {
    case TimeColumn:
        return record.time.toString(QStringLiteral("HH:mm:ss.zzz"));
    case LevelColumn:
        return levelName(record.level);
    case SourceColumn:
        return record.logger;
    case MessageColumn:
        return record.message;
    default:
        return {};
    }
}

QVariant LogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogRecord& record = m_records[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(record, index.column());
    case Qt::ToolTipRole:
        return index.column() == MessageColumn ? QVariant(record.message) : QVariant();
    case Qt::ForegroundRole:
        if (record.level >= LogLevel::Error)
            return QBrush(QColor(0xb3, 0x26, 0x1e));
        if (record.level == LogLevel::Warning)
            return QBrush(QColor(0x9a, 0x67, 0x00));
        return record.level <= LogLevel::Debug ? QVariant(QBrush(Qt::gray)) : QVariant();
    case LevelRole:
        return int(record.level);
    default:
        return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case LevelColumn:
        return tr("Level");
    case SourceColumn:
        return tr("Source");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

} // namespace ulmfit::ui
