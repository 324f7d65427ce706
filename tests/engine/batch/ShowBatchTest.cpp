#include "TinyCorpus.h"
#include "data/batch/ShowBatch.h"

#include <QtTest>

#include <sstream>

using namespace ulmfit;

namespace {
std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> result;
    for (std::string w; in >> w;)
        result.push_back(w);
    return result;
}
} // namespace

class ShowBatchTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lmRowsShowInputAndShiftedTarget() {
        const Corpus c = testing::tinyCorpus({10, 12, 8, 9});
        LmDataLoader dl(c, c.allIndices(), 2, 6, false, 0);
        const BatchTable t = showLmBatch(dl.batch(0), c.vocab, 9);
        QCOMPARE(t.columns, (std::vector<std::string>{"text", "text_"}));
        QCOMPARE(t.rows.size(), std::size_t(2));
        QCOMPARE(words(t.rows[0][0]), (std::vector<std::string>{"xxbos", "d0t1", "d0t2", "d0t3", "d0t4", "d0t5"}));
        const auto in = words(t.rows[1][0]);
        const auto out = words(t.rows[1][1]);
        QCOMPARE(in.size(), out.size());
        QVERIFY(std::equal(in.begin() + 1, in.end(), out.begin()));
    }
    void classifierRowsOmitPaddingAndNameTheCategory() {
        const Corpus c = testing::tinyCorpus({4, 2, 3}, {1, 0, 1});
        ClassifierLoaderOptions o;
        o.bs = 3;
        o.shuffle = false;
        ClassifierDataLoader dl(c, c.allIndices(), o);
        const BatchTable t = showClasBatch(dl.batch(0), c.vocab, c.labelNames, 2);
        QCOMPARE(t.columns, (std::vector<std::string>{"text", "category"}));
        QCOMPARE(t.rows.size(), std::size_t(2)); // maxRows
        QCOMPARE(t.rows[0], (std::vector<std::string>{"xxbos d0t1 d0t2 d0t3", "pos"}));
        QCOMPARE(t.rows[1], (std::vector<std::string>{"xxbos d2t1 d2t2", "pos"}));
        QVERIFY(!QString::fromStdString(t.rows[1][0]).contains("xxpad"));
    }
};

QTEST_APPLESS_MAIN(ShowBatchTest)
#include "ShowBatchTest.moc"
