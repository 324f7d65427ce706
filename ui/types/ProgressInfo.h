#pragma once
#include <QMetaType>
#include <QString>

namespace ulmfit::ui {

/// One progress report of a long task, copied out of the engine's Progress for the UI thread.
struct ProgressInfo {
    QString task; // "download", "extract", "scan", "tokenize", ...
    double done = 0;
    double total = 0; // 0 when unknown
    double rate = 0;  // units per second, 0 when unknown
    QString unit;     // "B", "files", "docs", ...
    QString detail;

    double fraction() const { return total > 0 ? done / total : -1.0; }
};

} // namespace ulmfit::ui

Q_DECLARE_METATYPE(ulmfit::ui::ProgressInfo)
