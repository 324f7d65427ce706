#include "data/corpus/IdsInOrder.h"

#include <QtTest>

#include <algorithm>
#include <atomic>
#include <numeric>
#include <random>
#include <stdexcept>
#include <thread>

using namespace ulmfit;

namespace {
/// Document d's ids: d repeated d % 5 times (some documents have none).
std::vector<std::int32_t> idsOf(std::size_t begin, std::size_t end) {
    std::vector<std::int32_t> ids;
    for (std::size_t d = begin; d < end; ++d)
        ids.insert(ids.end(), d % 5, static_cast<std::int32_t>(d));
    return ids;
}
} // namespace

class IdsInOrderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tasksInAnyOrderGiveDocumentOrder() {
        constexpr std::size_t kDocs = 1000, kTask = 7;
        std::vector<std::size_t> tasks((kDocs + kTask - 1) / kTask);
        std::iota(tasks.begin(), tasks.end(), 0);
        std::shuffle(tasks.begin(), tasks.end(), std::mt19937(5));
        IdsInOrder inOrder(16);
        for (const std::size_t t : tasks) {
            std::vector<std::int32_t> ids = inOrder.buffer();
            QVERIFY(ids.empty()); // a reused buffer comes back empty
            const auto task = idsOf(t * kTask, std::min(kDocs, (t + 1) * kTask));
            ids.insert(ids.end(), task.begin(), task.end());
            inOrder.add(t * kTask, std::min(kDocs, (t + 1) * kTask), std::move(ids));
        }
        QCOMPARE(inOrder.take(), idsOf(0, kDocs));
    }
    void tasksFromSeveralThreads() {
        constexpr std::size_t kDocs = 20000, kTask = 16;
        IdsInOrder inOrder;
        std::atomic<std::size_t> next{0};
        std::vector<std::thread> threads;
        for (int w = 0; w < 4; ++w)
            threads.emplace_back([&] {
                for (std::size_t begin; (begin = next.fetch_add(kTask)) < kDocs;) {
                    std::vector<std::int32_t> ids = inOrder.buffer();
                    const auto task = idsOf(begin, std::min(kDocs, begin + kTask));
                    ids.insert(ids.end(), task.begin(), task.end());
                    inOrder.add(begin, std::min(kDocs, begin + kTask), std::move(ids));
                }
            });
        for (auto& t : threads)
            t.join();
        QCOMPARE(inOrder.take(), idsOf(0, kDocs));
    }
    void aMissingTaskIsAnError() {
        IdsInOrder inOrder;
        inOrder.add(0, 3, idsOf(0, 3));
        inOrder.add(6, 9, idsOf(6, 9)); // 3..6 never comes
        QVERIFY_THROWS_EXCEPTION(std::logic_error, inOrder.take());
    }
};

QTEST_APPLESS_MAIN(IdsInOrderTest)
#include "IdsInOrderTest.moc"
