// spaceMasksOf64: every byte value at every one of the 64 places lands in the right mask (the
// scanners that cut chunks and look for repeated words trust them to find every space).
#include "data/text/SpaceMasks.h"

#include <QtTest>

#include <string>

using ulmfit::text::SpaceMasks;
using ulmfit::text::spaceMasksOf64;

class SpaceMasksTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyByteAtEveryPlace() {
        for (int value = 0; value < 256; ++value) {
            const bool nonAscii = value >= 0x80;
            const bool space = value == ' ';
            const bool otherSpace = !nonAscii && !space && ulmfit::text::unicode::isSpace(char32_t(value));
            for (int place = 0; place < 64; ++place) {
                std::string bytes(64, 'a');
                bytes[static_cast<std::size_t>(place)] = static_cast<char>(value);
                const SpaceMasks masks = spaceMasksOf64(bytes.data());
                const std::uint64_t bit = std::uint64_t(1) << place;
                QCOMPARE(masks.space, space ? bit : 0);
                QCOMPARE(masks.otherSpace, otherSpace ? bit : 0);
                QCOMPARE(masks.nonAscii, nonAscii ? bit : 0);
            }
        }
    }

    void mixedBytesKeepTheirPlaces() {
        const std::string bytes = "a b\tc\xc2\xa0"
                                  "d\x1f  e\n" +
                                  std::string(50, 'x') + "\r";
        QCOMPARE(bytes.size(), std::size_t(64));
        const SpaceMasks masks = spaceMasksOf64(bytes.data());
        QCOMPARE(masks.space, (std::uint64_t(1) << 1) | (std::uint64_t(1) << 9) | (std::uint64_t(1) << 10));
        QCOMPARE(masks.otherSpace, (std::uint64_t(1) << 3) | (std::uint64_t(1) << 8) |
                                       (std::uint64_t(1) << 12) | (std::uint64_t(1) << 63));
        QCOMPARE(masks.nonAscii, (std::uint64_t(1) << 5) | (std::uint64_t(1) << 6));
    }
};

QTEST_APPLESS_MAIN(SpaceMasksTest)
#include "SpaceMasksTest.moc"
