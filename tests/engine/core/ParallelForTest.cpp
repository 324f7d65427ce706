#include "core/ParallelFor.h"

#include <QtTest>

#include <numeric>
#include <stdexcept>
#include <vector>

class ParallelForTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void visitsEveryIndexOnce() {
        for (int threads : {1, 2, 7}) {
            std::vector<int> hits(1003, 0);
            ulmfit::parallelFor(hits.size(), threads, 10, [&](std::size_t b, std::size_t e, int) {
                for (auto i = b; i < e; ++i)
                    ++hits[i];
            });
            QCOMPARE(std::accumulate(hits.begin(), hits.end(), 0), 1003);
            QVERIFY(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; }));
        }
    }
    void rethrowsWorkerErrors() {
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, ulmfit::parallelFor(100, 2, 1, [](std::size_t b, std::size_t, int) {
            if (b == 50)
                throw std::runtime_error("boom");
        }));
    }
    void emptyRangeIsANoOp() {
        bool called = false;
        ulmfit::parallelFor(0, 2, 1, [&](std::size_t, std::size_t, int) { called = true; });
        QVERIFY(!called);
    }
};

QTEST_APPLESS_MAIN(ParallelForTest)
#include "ParallelForTest.moc"
