#include "common/ModelCsvWriter.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QStringList>

namespace ulmfit::ui {

QString ModelCsvWriter::quote(const QString& field) {
    if (!field.contains(QLatin1Char(',')) && !field.contains(QLatin1Char('"')) &&
        !field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')))
        return field;
    QString escaped = field;
    escaped.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString ModelCsvWriter::toCsv(const QAbstractItemModel& model) {
    QStringList lines;
    QStringList header;
    for (int column = 0; column < model.columnCount(); ++column)
        header << quote(model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
    lines << header.join(QLatin1Char(','));
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList fields;
        for (int column = 0; column < model.columnCount(); ++column) {
            const QModelIndex index = model.index(row, column);
            const QVariant raw = model.data(index, kExportRole);
            fields << quote(raw.isValid() ? raw.toString() : model.data(index, Qt::DisplayRole).toString());
        }
        lines << fields.join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

bool ModelCsvWriter::write(const QAbstractItemModel& model, const QString& path, QString* error) {
    QSaveFile file(path);
    const QByteArray bytes = toCsv(model).toUtf8();
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = QCoreApplication::translate("ModelCsvWriter", "Cannot write %1: %2")
                     .arg(path, file.errorString());
    return false;
}

} // namespace ulmfit::ui
