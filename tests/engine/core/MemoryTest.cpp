// The huge-page helpers grow vectors like push_back does, keeping their contents.
#include "core/Memory.h"

#include <QtTest>

#include <cstdint>

class MemoryTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void makeRoomHugePagesKeepsEveryValue() {
        std::vector<std::int32_t> values;
        for (std::int32_t i = 0; i < 300000; ++i) {
            ulmfit::makeRoomHugePages(values, 1);
            QVERIFY(values.capacity() > values.size()); // push_back below will not reallocate
            values.push_back(i * 7);
        }
        QCOMPARE(values.size(), std::size_t(300000));
        for (std::int32_t i = 0; i < 300000; i += 997)
            QCOMPARE(values[std::size_t(i)], i * 7);
    }

    void reserveHugePagesNeverShrinks() {
        std::vector<std::int32_t> values{1, 2, 3};
        ulmfit::reserveHugePages(values, 1 << 20);
        QVERIFY(values.capacity() >= std::size_t(1 << 20));
        const auto capacity = values.capacity();
        ulmfit::reserveHugePages(values, 10);
        QCOMPARE(values.capacity(), capacity);
        QCOMPARE(values, (std::vector<std::int32_t>{1, 2, 3}));
    }

    void adviceOnAnyRangeIsHarmless() {
        char small[10] = {};
        ulmfit::adviseHugePages(small, sizeof small); // less than a page: nothing to advise
        ulmfit::adviseHugePages(nullptr, 0);
        QVERIFY(ulmfit::peakResidentBytes() > 0);
    }
};

QTEST_APPLESS_MAIN(MemoryTest)
#include "MemoryTest.moc"
