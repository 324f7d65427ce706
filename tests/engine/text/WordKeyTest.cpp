// WordKey: up to 16 bytes, two words of the same length are equal exactly when their keys are (the
// interning table and the special-case index skip comparing bytes on that promise).
#include "data/text/WordKey.h"

#include <QtTest>

#include <map>
#include <set>
#include <string>
#include <vector>

using ulmfit::text::isExactKey;
using ulmfit::text::WordKey;
using ulmfit::text::wordKey;

namespace {

/// Words of every length from 0 to 18, each with variants that differ in one byte at the start, the
/// middle, the end, or where the two 8-byte halves of a 9-16 byte word overlap; high bytes included.
std::vector<std::string> trickyWords() {
    std::vector<std::string> words;
    for (std::size_t length = 0; length <= 18; ++length) {
        const std::string base(length, 'a');
        words.push_back(base);
        for (std::size_t at : {std::size_t(0), length / 2, length - 1, std::size_t(7), std::size_t(8)}) {
            if (length == 0 || at >= length)
                continue;
            for (unsigned char c : {'b', '\0', '\x80', '\xff'}) {
                std::string variant = base;
                variant[at] = static_cast<char>(c);
                words.push_back(variant);
            }
        }
    }
    for (const char* word : {"characters", "characterS", "performances", "unbelievably", "abcdefghijklmnop",
                             "abcdefghijklmnoq", "bbcdefghijklmnop", "\xC3\xA9l\xC3\xA8ve"})
        words.emplace_back(word);
    return words;
}

} // namespace

class WordKeyTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void equalWordsHaveEqualKeys() {
        for (const std::string& word : trickyWords()) {
            const std::string copy = " " + word; // another address, another alignment
            QVERIFY(wordKey(word) == wordKey(std::string_view(copy).substr(1)));
        }
    }

    void upTo16BytesDifferentWordsOfOneLengthHaveDifferentKeys() {
        std::map<std::pair<std::size_t, std::pair<std::uint64_t, std::uint64_t>>, std::string> seen;
        std::set<std::string> distinct;
        for (const std::string& word : trickyWords()) {
            if (!isExactKey(word.size()))
                continue;
            distinct.insert(word);
            const WordKey key = wordKey(word);
            const auto [it, added] = seen.emplace(std::make_pair(word.size(), std::make_pair(key.head, key.tail)), word);
            QVERIFY2(added || it->second == word, qPrintable(QString::fromStdString(word)));
        }
        QCOMPARE(seen.size(), distinct.size());
        QVERIFY(distinct.size() > 200);
    }

    void longerWordsAreNotExact() {
        QVERIFY(isExactKey(16));
        QVERIFY(!isExactKey(17));
        QVERIFY(wordKey("abcdefghijklmnopq") != wordKey("abcdefghijklmnopr")); // a hash: differs here
    }

    void shortWordsKeepTheirPacking() {
        // Up to 8 bytes the key is the bytes in little-endian order, whatever the machine.
        QCOMPARE(wordKey("ab").head, std::uint64_t('a') | std::uint64_t('b') << 8);
        QCOMPARE(wordKey("abcdefgh").head, std::uint64_t(0x6867666564636261ULL));
        QCOMPARE(wordKey("abcdefgh").tail, std::uint64_t(0));
        QCOMPARE(wordKey("").head, std::uint64_t(0));
    }
};

QTEST_APPLESS_MAIN(WordKeyTest)
#include "WordKeyTest.moc"
