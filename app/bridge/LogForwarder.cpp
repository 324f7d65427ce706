#include "app/bridge/LogForwarder.h"

#include "app/bridge/LogSink.h"
#include "core/Paths.h"

#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/spdlog.h>

using namespace ulmfit::ui;

namespace {
constexpr int kDrainIntervalMs = 100;
constexpr std::size_t kLogFileBytes = 5 * 1024 * 1024;
constexpr std::size_t kLogFiles = 3;
} // namespace

LogForwarder::LogForwarder(const QString& logFile, QObject* parent)
    : QObject(parent), m_logFile(logFile), m_sink(std::make_shared<LogSink>()) {
    qRegisterMetaType<LogRecords>();
    std::vector<spdlog::sink_ptr> sinks{m_sink};
    if (!logFile.isEmpty()) {
        try {
            sinks.push_back(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(logFile.toStdString(),
                                                                                   kLogFileBytes, kLogFiles));
        } catch (const spdlog::spdlog_ex& e) { // a read-only home must not stop the application
            m_logFile.clear();
            spdlog::warn("cannot write the log file {}: {}", logFile.toStdString(), e.what());
        }
    }
    auto logger = std::make_shared<spdlog::logger>("ulmfit", sinks.begin(), sinks.end());
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::warn);
    spdlog::set_default_logger(logger);
    connect(&m_timer, &QTimer::timeout, this, &LogForwarder::drain);
    m_timer.start(kDrainIntervalMs);
}

LogForwarder::~LogForwarder() {
    // Later log calls (e.g. from the worker's shutdown) must not reach a sink nobody drains.
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("ulmfit"));
}

void LogForwarder::drain() {
    LogRecords batch = m_sink->take();
    if (batch.isEmpty())
        return;
    spdlog::default_logger()->flush(); // the file stays current even if the process is killed
    Q_EMIT records(batch);
}

QString LogForwarder::defaultLogFile() {
    const auto dir = ulmfit::userDataDir() / "logs";
    return QString::fromStdString((dir / "ulmfit-studio.log").string());
}
