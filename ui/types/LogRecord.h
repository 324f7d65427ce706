#pragma once
#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QVector>

namespace ulmfit::ui {

/// Log levels in spdlog's order, so the bridge can cast spdlog::level::level_enum directly.
enum class LogLevel { Trace = 0, Debug, Info, Warning, Error, Critical };

/// One log line, copied out of the logging backend.
struct LogRecord {
    QDateTime time;
    LogLevel level = LogLevel::Info;
    QString logger;
    QString message;
};
using LogRecords = QVector<LogRecord>;

} // namespace ulmfit::ui

Q_DECLARE_METATYPE(ulmfit::ui::LogRecord)
Q_DECLARE_METATYPE(ulmfit::ui::LogRecords)
