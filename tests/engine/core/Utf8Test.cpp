// The one UTF-8 rule of the engine: files, typed text and the tokenizer's input all go through it.
#include "core/Utf8.h"

#include <QtTest>

class Utf8Test : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sanitizeUtf8_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray fffd("\xEF\xBF\xBD");
        QTest::newRow("ascii") << QByteArray("plain ascii text, long enough for the 8-byte path")
                               << QByteArray("plain ascii text, long enough for the 8-byte path");
        QTest::newRow("valid multibyte") << QByteArray("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80")
                                         << QByteArray("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80");
        QTest::newRow("lone continuation") << QByteArray("a\x80") + "b" << QByteArray("a" + fffd + "b");
        QTest::newRow("latin-1 byte") << QByteArray("na\xEFve") << QByteArray("na" + fffd + "ve");
        QTest::newRow("truncated at end") << QByteArray("x\xE2\x82") << QByteArray("x" + fffd);
        QTest::newRow("overlong") << QByteArray("\xC0\xAF") << QByteArray(fffd + fffd);
        QTest::newRow("surrogate") << QByteArray("\xED\xA0\x80") << QByteArray(fffd + fffd + fffd);
        QTest::newRow("above U+10FFFF")
            << QByteArray("\xF4\x90\x80\x80") << QByteArray(fffd + fffd + fffd + fffd);
        QTest::newRow("maximal subpart") << QByteArray("\xF0\x9F\x98z") << QByteArray(fffd + "z");
        QTest::newRow("invalid after long ascii")
            << QByteArray("0123456789abcdef\xFF") << QByteArray("0123456789abcdef" + fffd);
    }
    void sanitizeUtf8() {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const std::string out =
            ulmfit::sanitizeUtf8(std::string_view(input.constData(), std::size_t(input.size())));
        QCOMPARE(QByteArray(out.data(), int(out.size())), expected);
        QCOMPARE(ulmfit::isWellFormedUtf8(std::string_view(input.constData(), std::size_t(input.size()))),
                 input == expected);
        QVERIFY(ulmfit::isWellFormedUtf8(out));
    }

    // The validator skips ASCII 32 and 8 bytes at a time: a bad byte, or a good multibyte
    // character, at every offset of a text longer than two blocks is found (or kept) wherever it
    // falls in a block or in the tail.
    void everyOffsetOfTheAsciiFastPaths() {
        const QByteArray ascii(77, 'a');
        for (int at = 0; at < ascii.size(); ++at) {
            QByteArray bad = ascii;
            bad[at] = char(0xFF);
            const QByteArray expected = ascii.left(at) + "\xEF\xBF\xBD" + ascii.mid(at + 1);
            QVERIFY2(!ulmfit::isWellFormedUtf8(std::string_view(bad.constData(), std::size_t(bad.size()))),
                     qPrintable(QString::number(at)));
            QCOMPARE(QByteArray::fromStdString(
                         ulmfit::sanitizeUtf8(std::string_view(bad.constData(), std::size_t(bad.size())))),
                     expected);
            const QByteArray good = ascii.left(at) + "\xE2\x82\xAC" + ascii.mid(at + 1);
            QVERIFY2(ulmfit::isWellFormedUtf8(std::string_view(good.constData(), std::size_t(good.size()))),
                     qPrintable(QString::number(at)));
        }
    }
};

QTEST_APPLESS_MAIN(Utf8Test)
#include "Utf8Test.moc"
