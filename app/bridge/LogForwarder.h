#pragma once
#include "ui/types/LogRecord.h"

#include <QObject>
#include <QTimer>

#include <memory>

class LogSink;

/// Routes the engine's spdlog output (the default logger) to a log file and, every 100 ms at most,
/// to the UI as one records() signal with every line since the previous one.
class LogForwarder : public QObject {
    Q_OBJECT
  public:
    /// Replaces spdlog's default logger with one writing to `logFile` (rotating, created with its
    /// folder) and to this forwarder. An empty path means no file. Restores the previous default
    /// logger on destruction.
    explicit LogForwarder(const QString& logFile, QObject* parent = nullptr);
    ~LogForwarder() override;

    QString logFile() const { return m_logFile; }
    void drain(); // emits records() now if there are any

    static QString defaultLogFile(); // userDataDir()/logs/ulmfit-studio.log

  Q_SIGNALS:
    void records(const ulmfit::ui::LogRecords& records);

  private:
    QString m_logFile;
    std::shared_ptr<LogSink> m_sink;
    QTimer m_timer;
};
