// The bridge's worker thread: the UI event loop keeps running during work, progress arrives
// throttled and batched, exceptions become failed(), cancel works, the destructor joins.
#include "app/bridge/EngineBridge.h"
#include "app/bridge/EngineWorker.h"
#include "core/CancelToken.h"
#include "core/Error.h"
#include "core/Observer.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QtTest>

#include <chrono>
#include <thread>

class EngineWorkerTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eventLoopKeepsRunningAndProgressIsThrottled() {
        EngineWorker worker;
        QSignalSpy progressed(&worker, &EngineWorker::progressed);
        QSignalSpy finished(&worker, &EngineWorker::finished);
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, [&ticks] { ++ticks; });
        timer.start(10);
        QElapsedTimer elapsed;
        elapsed.start();
        constexpr int kSteps = 100; // 100 progress reports over ~600 ms
        Qt::HANDLE workerThread = nullptr;
        worker.run("steps", [&workerThread](JobContext& context) {
            workerThread = QThread::currentThreadId();
            for (int i = 1; i <= kSteps; ++i) {
                std::this_thread::sleep_for(std::chrono::milliseconds(6));
                context.observer()->onProgress({"steps", double(i), double(kSteps), 0, "steps", {}});
            }
        });
        QString taskDuringProgress;
        connect(&worker, &EngineWorker::progressed, [&] { taskDuringProgress = worker.currentTask(); });
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        const qint64 ms = elapsed.elapsed();
        QCOMPARE(taskDuringProgress, QString("steps"));
        QVERIFY(workerThread != QThread::currentThreadId());
        // Bounds relative to the measured time, so a loaded machine cannot make this flaky.
        QVERIFY2(ticks >= qMax<qint64>(10, ms / 40), qPrintable(QString("%1 ticks in %2 ms").arg(ticks).arg(ms)));
        // At most ~15 signals a second, and together they carry every point, in order.
        const qint64 maxSignals = ms / EngineWorker::kMinimumProgressIntervalMs + 2;
        QVERIFY2(progressed.count() <= maxSignals, qPrintable(QString("%1 signals in %2 ms").arg(progressed.count()).arg(ms)));
        QVector<double> done;
        for (const QList<QVariant>& signal : progressed)
            for (const ProgressInfo& p : signal.first().value<ProgressBatch>())
                done << p.done;
        QCOMPARE(done.size(), kSteps);
        QCOMPARE(done.last(), double(kSteps));
        QVERIFY(std::is_sorted(done.begin(), done.end()));
    }

    void exceptionsBecomeFailed() {
        EngineWorker worker;
        QSignalSpy failed(&worker, &EngineWorker::failed);
        QSignalSpy busy(&worker, &EngineWorker::busyChanged);
        worker.run("bad", [](JobContext&) { throw ulmfit::Error("no such folder: /nope"); });
        worker.run("worse", [](JobContext&) { throw 42; });
        QTRY_COMPARE(failed.count(), 2);
        QCOMPARE(failed.at(0).at(0).toString(), QString("bad"));
        QCOMPARE(failed.at(0).at(1).toString(), QString("no such folder: /nope"));
        QVERIFY(!failed.at(1).at(1).toString().isEmpty());
        QTRY_VERIFY(!worker.isBusy());
        QCOMPARE(busy.first().first().toBool(), true);
        QCOMPARE(busy.last().first().toBool(), false);
    }

    void cancelStopsTheRunningJob() {
        EngineWorker worker;
        QSignalSpy cancelled(&worker, &EngineWorker::cancelled);
        QSignalSpy started(&worker, &EngineWorker::started);
        worker.run("endless", [](JobContext& context) {
            for (;;) {
                ulmfit::throwIfCancelled(context.cancel());
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        });
        QTRY_COMPARE(started.count(), 1);
        worker.cancel();
        QTRY_COMPARE(cancelled.count(), 1);
        QCOMPARE(cancelled.first().first().toString(), QString("endless"));
        // A job queued after cancel() runs normally.
        QSignalSpy finished(&worker, &EngineWorker::finished);
        worker.run("after", [](JobContext&) {});
        QTRY_COMPARE(finished.count(), 1);
    }

    void destructorJoinsARunningJob() {
        std::atomic<bool> stopped{false};
        {
            EngineWorker worker;
            QSignalSpy started(&worker, &EngineWorker::started);
            worker.run("endless", [&stopped](JobContext& context) {
                while (!context.cancel()->cancelled())
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
                stopped = true;
            });
            QTRY_COMPARE(started.count(), 1);
        }
        QVERIFY(stopped);
    }

    void bridgeReportsBadInputAsFailed() {
        QTemporaryDir dir;
        qputenv("ULMFIT_DATA_DIR", dir.path().toUtf8());
        EngineBridge bridge;
        QSignalSpy failed(bridge.datasetWorker(), &EngineWorker::failed);
        QSignalSpy opened(&bridge, &EngineBridge::datasetOpened);
        bridge.openFolder(dir.filePath("does-not-exist"));
        bridge.showBatch(BatchKind::LanguageModel, 4); // no dataset open
        bridge.fetchDataset({{}, dir.filePath("missing.tgz"), dir.filePath("out"), {}});
        QTRY_COMPARE(failed.count(), 3);
        QCOMPARE(failed.at(0).at(0).toString(), QString("open"));
        QCOMPARE(failed.at(1).at(0).toString(), QString("batch"));
        QVERIFY(failed.at(1).at(1).toString().contains("open a dataset first"));
        QCOMPARE(failed.at(2).at(0).toString(), QString("extract"));
        for (const auto& f : failed)
            QVERIFY(!f.at(1).toString().isEmpty());
        QCOMPARE(opened.count(), 0);

        QSignalSpy reviewFailed(bridge.reviewWorker(), &EngineWorker::failed);
        bridge.loadReview(dir.filePath("missing.txt"));
        QTRY_COMPARE(reviewFailed.count(), 1);
    }

    void cancelStopsARealExtraction() {
        QTemporaryDir dir;
        qputenv("ULMFIT_DATA_DIR", dir.path().toUtf8());
        EngineBridge bridge;
        QSignalSpy progressed(bridge.datasetWorker(), &EngineWorker::progressed);
        QSignalSpy cancelled(bridge.datasetWorker(), &EngineWorker::cancelled);
        QSignalSpy opened(&bridge, &EngineBridge::datasetOpened);
        bridge.fetchDataset({{}, QStringLiteral(ULMFIT_SHARED_DATA_DIR) + "/imdb.tgz", dir.filePath("datasets"), {}});
        QTRY_VERIFY_WITH_TIMEOUT(!progressed.isEmpty(), 20000);
        bridge.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 20000);
        QCOMPARE(cancelled.first().first().toString(), QString("extract"));
        QCOMPARE(opened.count(), 0);
        QVERIFY(!QFileInfo::exists(dir.filePath("datasets/imdb/train")));
    }

    void deviceIsDescribed() {
        const QString device = EngineBridge::deviceDescription();
        QVERIFY2(device.startsWith("CPU (") || device.startsWith("CUDA"), qPrintable(device));
    }
};

QTEST_MAIN(EngineWorkerTest)
#include "EngineWorkerTest.moc"
