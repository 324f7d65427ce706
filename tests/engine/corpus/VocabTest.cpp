#include "core/Error.h"
#include "data/corpus/Vocab.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using ulmfit::TokenCount;
using ulmfit::Vocab;
using ulmfit::VocabOptions;

namespace {
const std::vector<std::string> kSpecials{"xxunk", "xxpad", "xxbos", "xxeos", "xxfld",
                                         "xxrep", "xxwrep", "xxup", "xxmaj"};

std::vector<std::string> regularPart(const Vocab& v) {
    std::vector<std::string> result;
    for (std::size_t i = kSpecials.size(); i < v.size(); ++i)
        if (v.itos()[i] != "xxfake")
            result.push_back(v.itos()[i]);
    return result;
}
} // namespace

class VocabTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void specialsFirstThenByFrequencyWithStableTies() {
        // counts arrive in first-occurrence order; "b" and "c" tie and keep that order
        const Vocab v = Vocab::build({{"a", 3}, {"b", 5}, {"c", 5}, {"xxbos", 9}, {"d", 7}}, kSpecials);
        for (std::size_t i = 0; i < kSpecials.size(); ++i)
            QCOMPARE(v.itos()[i], kSpecials[i]);
        QCOMPARE(regularPart(v), (std::vector<std::string>{"d", "b", "c", "a"}));
        QCOMPARE(v.id("xxunk"), 0);
        QCOMPARE(v.id("xxpad"), 1);
    }
    void minFreqDropsRareTokens() {
        const Vocab v = Vocab::build({{"rare", 2}, {"ok", 3}, {"once", 1}}, kSpecials, VocabOptions{3, 60000});
        QCOMPARE(regularPart(v), (std::vector<std::string>{"ok"}));
        const Vocab all = Vocab::build({{"rare", 2}, {"ok", 3}, {"once", 1}}, kSpecials, VocabOptions{1, 60000});
        QCOMPARE(regularPart(all), (std::vector<std::string>{"ok", "rare", "once"}));
    }
    void maxVocabCountsSpecialsAndPadsToMultipleOf8() {
        std::vector<TokenCount> counts;
        for (int i = 0; i < 20; ++i)
            counts.push_back({"w" + std::to_string(i), 100 - i});
        const Vocab v = Vocab::build(counts, kSpecials, VocabOptions{3, 12});
        QCOMPARE(regularPart(v), (std::vector<std::string>{"w0", "w1", "w2"})); // 9 specials + 3 = 12
        QCOMPARE(v.size(), std::size_t(16));
        QCOMPARE(v.itos()[12], std::string("xxfake"));
    }
    void alreadyMultipleOf8GetsEightFakesLikeFastai() {
        std::vector<TokenCount> counts;
        for (int i = 0; i < 7; ++i)
            counts.push_back({"w" + std::to_string(i), 10});
        const Vocab v = Vocab::build(counts, kSpecials); // 9 + 7 = 16 -> fastai appends 8 more
        QCOMPARE(v.size(), std::size_t(24));
        QCOMPARE(v.size() % 8, std::size_t(0));
    }
    void encodeDecodeAndUnknown() {
        const Vocab v = Vocab::build({{"good", 5}, {"movie", 4}}, kSpecials);
        const auto ids = v.encode({"xxbos", "good", "unseen", "movie"});
        QCOMPARE(ids, (std::vector<std::int32_t>{2, v.id("good"), 0, v.id("movie")}));
        const std::vector<std::int32_t> padded{1, 1, 2, v.id("good")};
        QCOMPARE(v.decode(padded), std::string("xxbos good"));
        QVERIFY_THROWS_EXCEPTION(ulmfit::Error, v.token(static_cast<std::int32_t>(v.size())));
    }
    void saveLoadRoundTrip() {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "vocab.txt";
        const Vocab v = Vocab::build(
            {{"café", 5}, {"naïve", 4}, {"\"", 3}, {"\n\n", 3}, {"\n", 3}, {"a\\nb", 3}, {"\\", 3}, {"x\r", 3}},
            kSpecials);
        v.save(file);
        const Vocab loaded = Vocab::load(file);
        QVERIFY(loaded == v);
        QCOMPARE(loaded.id("naïve"), v.id("naïve"));
        QCOMPARE(loaded.id("\n\n"), v.id("\n\n"));
        QVERIFY(loaded.id("a\\nb") != loaded.id("a\nb"));
        std::ifstream in(file);
        std::string first;
        std::getline(in, first);
        QCOMPARE(first, std::string("xxunk")); // plain text, one token per line
    }
    void loadMissingFileThrows() {
        QVERIFY_THROWS_EXCEPTION(ulmfit::Error, Vocab::load("/nonexistent/vocab.txt"));
    }
};

QTEST_APPLESS_MAIN(VocabTest)
#include "VocabTest.moc"
