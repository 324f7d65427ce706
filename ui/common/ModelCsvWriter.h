#pragma once
// Writes any table model to CSV (RFC 4180 quoting), atomically. Cells are taken from
// kExportRole when a model provides it (raw numbers), else from what the view displays.
#include <QAbstractItemModel>
#include <QString>

namespace ulmfit::ui {

constexpr int kExportRole = Qt::UserRole + 100;

class ModelCsvWriter {
  public:
    static QString toCsv(const QAbstractItemModel& model);
    static bool write(const QAbstractItemModel& model, const QString& path, QString* error = nullptr);

  private:
    static QString quote(const QString& field);
};

} // namespace ulmfit::ui
