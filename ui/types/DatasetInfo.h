#pragma once
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace ulmfit::ui {

/// One review file of a scanned dataset (split and label strings are shared between entries).
struct DatasetEntry {
    QString path;
    QString split;
    QString label;
    int rating = -1;
    qint64 bytes = 0;
};

/// A scanned dataset as the views see it: files in scan order, labels and per-split counts.
struct DatasetInfo {
    QString root;
    QVector<DatasetEntry> files;
    QStringList labels;
    QMap<QString, QMap<QString, int>> counts; // split -> label -> files
    int emptyFiles = 0;

    bool isEmpty() const { return files.isEmpty(); }
    int count(const QString& split) const {
        int sum = 0;
        for (int n : counts.value(split))
            sum += n;
        return sum;
    }
};

} // namespace ulmfit::ui

Q_DECLARE_METATYPE(ulmfit::ui::DatasetInfo)
