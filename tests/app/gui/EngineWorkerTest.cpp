// The bridge's worker thread: the UI event loop keeps running during work, progress arrives
// throttled and batched on the job's handle, exceptions become the job's failed(), cancel works,
// the destructor joins.
#include "app/bridge/EngineWorker.h"
#include "app/bridge/EngineBridge.h"
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

using namespace ulmfit::ui;

class EngineWorkerTest : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void eventLoopKeepsRunningAndProgressIsThrottled() {
        EngineWorker worker;
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, [&ticks] { ++ticks; });
        timer.start(10);
        QElapsedTimer elapsed;
        elapsed.start();
        constexpr int kSteps = 100; // 100 progress reports over ~600 ms
        Qt::HANDLE workerThread = nullptr;
        JobHandle* job = worker.run("steps", [&workerThread](JobContext& context) {
            workerThread = QThread::currentThreadId();
            for (int i = 1; i <= kSteps; ++i) {
                std::this_thread::sleep_for(std::chrono::milliseconds(6));
                context.observer()->onProgress({"steps", double(i), double(kSteps), 0, "steps", {}});
            }
        });
        QSignalSpy progressed(job, &JobHandle::progressed);
        QSignalSpy finished(job, &JobHandle::finished);
        QSignalSpy ended(job, &JobHandle::ended);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        const qint64 ms = elapsed.elapsed();
        QTRY_COMPARE(ended.count(), 1);
        QVERIFY(workerThread != QThread::currentThreadId());
        // Bounds relative to the measured time, so a loaded machine cannot make this flaky.
        QVERIFY2(ticks >= qMax<qint64>(10, ms / 40),
                 qPrintable(QString("%1 ticks in %2 ms").arg(ticks).arg(ms)));
        // At most ~15 signals a second, and together they carry every point, in order.
        const qint64 maxSignals = ms / EngineWorker::kMinimumProgressIntervalMs + 2;
        QVERIFY2(progressed.count() <= maxSignals,
                 qPrintable(QString("%1 signals in %2 ms").arg(progressed.count()).arg(ms)));
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
        QSignalSpy busy(&worker, &EngineWorker::busyChanged);
        QSignalSpy bad(worker.run("bad", [](JobContext&) { throw ulmfit::Error("no such folder: /nope"); }),
                       &JobHandle::failed);
        QSignalSpy worse(worker.run("worse", [](JobContext&) { throw 42; }), &JobHandle::failed);
        QTRY_COMPARE(worse.count(), 1);
        QCOMPARE(bad.count(), 1);
        QCOMPARE(bad.at(0).at(0).toString(), QString("no such folder: /nope"));
        QVERIFY(!worse.at(0).at(0).toString().isEmpty());
        QTRY_VERIFY(!worker.isBusy());
        QCOMPARE(busy.first().first().toBool(), true);
        QCOMPARE(busy.last().first().toBool(), false);
    }

    void cancelStopsTheRunningJob() {
        EngineWorker worker;
        JobHandle* job = worker.run("endless", [](JobContext& context) {
            for (;;) {
                ulmfit::throwIfCancelled(context.cancel());
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        });
        QSignalSpy cancelled(job, &JobHandle::cancelled);
        QSignalSpy failed(job, &JobHandle::failed);
        QSignalSpy started(job, &JobHandle::started);
        QTRY_COMPARE(started.count(), 1);
        worker.cancel();
        QTRY_COMPARE(cancelled.count(), 1);
        QCOMPARE(failed.count(), 0);
        // A job queued after cancel() runs normally.
        QSignalSpy finished(worker.run("after", [](JobContext&) {}), &JobHandle::finished);
        QTRY_COMPARE(finished.count(), 1);
    }

    void destructorJoinsARunningJob() {
        std::atomic<bool> stopped{false};
        {
            EngineWorker worker;
            QSignalSpy started(worker.run("endless",
                                          [&stopped](JobContext& context) {
                                              while (!context.cancel()->cancelled())
                                                  std::this_thread::sleep_for(std::chrono::milliseconds(2));
                                              stopped = true;
                                          }),
                               &JobHandle::started);
            QTRY_COMPARE(started.count(), 1);
        }
        QVERIFY(stopped);
    }

    void bridgeReportsBadInputAsFailed() {
        QTemporaryDir dir;
        qputenv("ULMFIT_DATA_DIR", dir.path().toUtf8());
        EngineBridge bridge;
        QSignalSpy opened(&bridge, &EngineBridge::datasetOpened);
        QSignalSpy open(bridge.openFolder(dir.filePath("does-not-exist")), &JobHandle::failed);
        QSignalSpy batch(bridge.showBatch(BatchKind::LanguageModel, 4),
                         &JobHandle::failed); // no dataset open
        QSignalSpy extract(bridge.fetchDataset({{}, dir.filePath("missing.tgz"), dir.filePath("out"), {}}),
                           &JobHandle::failed);
        QTRY_COMPARE(extract.count(), 1);
        QCOMPARE(open.count(), 1);
        QCOMPARE(batch.count(), 1);
        QVERIFY(batch.at(0).at(0).toString().contains("open a dataset first"));
        for (const QSignalSpy* failed : {&open, &batch, &extract})
            QVERIFY(!failed->at(0).at(0).toString().isEmpty());
        QCOMPARE(opened.count(), 0);

        QSignalSpy reviewFailed(bridge.loadReview(dir.filePath("missing.txt")), &JobHandle::failed);
        QTRY_COMPARE(reviewFailed.count(), 1);
    }

    void cancelStopsARealExtraction() {
        QTemporaryDir dir;
        qputenv("ULMFIT_DATA_DIR", dir.path().toUtf8());
        EngineBridge bridge;
        QSignalSpy opened(&bridge, &EngineBridge::datasetOpened);
        JobHandle* job = bridge.fetchDataset(
            {{}, QStringLiteral(ULMFIT_SHARED_DATA_DIR) + "/imdb.tgz", dir.filePath("datasets"), {}});
        QSignalSpy progressed(job, &JobHandle::progressed);
        QSignalSpy cancelled(job, &JobHandle::cancelled);
        QTRY_VERIFY_WITH_TIMEOUT(!progressed.isEmpty(), 20000);
        bridge.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 20000);
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
