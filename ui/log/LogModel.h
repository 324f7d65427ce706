#pragma once
#include "types/LogRecord.h"

#include <QAbstractTableModel>

namespace ulmfit::ui {

/// The most recent log records (oldest dropped past a cap), as a table: time, level, source, message.
class LogModel : public QAbstractTableModel {
    Q_OBJECT
  public:
    enum Column { TimeColumn, LevelColumn, SourceColumn, MessageColumn, ColumnCount };
    enum Role { LevelRole = Qt::UserRole + 1 };

    explicit LogModel(int capacity = 20000, QObject* parent = nullptr);
    void append(const LogRecords& records);
    void clear();
    static QString levelName(LogLevel level);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

  private:
    QVariant display(const LogRecord& record, int column) const;

    int m_capacity;
    QVector<LogRecord> m_records;
};

} // namespace ulmfit::ui
