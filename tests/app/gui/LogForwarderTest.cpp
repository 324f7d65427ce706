// spdlog output reaches the UI in batches (at most every 100 ms) and the log file.
#include "app/bridge/LogForwarder.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <spdlog/spdlog.h>

#include <thread>

using namespace ulmfit::ui;

class LogForwarderTest : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void linesFromAnyThreadArriveBatchedAndInTheFile() {
        QTemporaryDir dir;
        const QString file = dir.filePath("logs/studio.log");
        QDir().mkpath(dir.filePath("logs"));
        LogForwarder forwarder(file);
        QSignalSpy spy(&forwarder, &LogForwarder::records);
        std::thread other([] {
            for (int i = 0; i < 200; ++i)
                spdlog::info("line {}", i);
            spdlog::warn("disk almost full");
        });
        other.join();
        QTRY_VERIFY(!spy.isEmpty());
        forwarder.drain();
        LogRecords all;
        for (const auto& signal : spy)
            all += signal.first().value<LogRecords>();
        QCOMPARE(all.size(), 201);
        QVERIFY(spy.count() <= 3); // 201 lines in one or two batches, not 201 signals
        QCOMPARE(all.first().message, QString("line 0"));
        QCOMPARE(all.last().level, LogLevel::Warning);
        QCOMPARE(all.last().logger, QString("ulmfit"));

        spdlog::default_logger()->flush();
        QFile log(file);
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray content = log.readAll();
        QVERIFY(content.contains("line 199"));
        QVERIFY(content.contains("disk almost full"));
    }
};

QTEST_MAIN(LogForwarderTest)
#include "LogForwarderTest.moc"
