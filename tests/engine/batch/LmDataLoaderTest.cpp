#include "TinyCorpus.h"
#include "core/Error.h"
#include "data/batch/LmDataLoader.h"

#include <QtTest>

#include <algorithm>
#include <set>

using namespace ulmfit;

namespace {
std::vector<std::int32_t> docsConcatenated(const Corpus& c, const std::vector<std::size_t>& order) {
    std::vector<std::int32_t> all;
    for (const auto d : order)
        all.insert(all.end(), c.doc(d).begin(), c.doc(d).end());
    return all;
}

std::vector<std::int32_t> rowOf(const torch::Tensor& t, std::int64_t r) {
    const auto row = t[r].to(torch::kInt32).contiguous();
    return {row.data_ptr<std::int32_t>(), row.data_ptr<std::int32_t>() + row.numel()};
}
} // namespace

class LmDataLoaderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shapesAndTypesFollowFastai() {
        const Corpus c = testing::tinyCorpus(testing::pseudoRandomLengths(30, 3, 40));
        LmDataLoader dl(c, c.allIndices(), 4, 5, true, 1);
        const std::int64_t bl = (c.totalTokens() - 1) / 4;
        QCOMPARE(dl.rowLength(), bl);
        QCOMPARE(dl.size(), (bl + 4) / 5);
        for (std::int64_t i = 0; i < dl.size(); ++i) {
            const LmBatch b = dl.batch(i);
            const std::int64_t expected = i + 1 < dl.size() ? 5 : bl - 5 * (dl.size() - 1);
            QCOMPARE(b.input.sizes().vec(), (std::vector<std::int64_t>{4, expected}));
            QCOMPARE(b.target.sizes().vec(), b.input.sizes().vec());
            QCOMPARE(b.input.scalar_type(), torch::kInt64);
            QVERIFY(b.input.is_contiguous());
        }
        QVERIFY_THROWS_EXCEPTION(Error, dl.batch(dl.size()));
    }
    void targetIsInputShiftedByOne() {
        const Corpus c = testing::tinyCorpus(testing::pseudoRandomLengths(20, 3, 30));
        LmDataLoader dl(c, c.allIndices(), 3, 7, true, 2);
        for (std::int64_t i = 0; i < dl.size(); ++i) {
            const LmBatch b = dl.batch(i);
            const auto len = b.input.size(1);
            QVERIFY(torch::equal(b.input.narrow(1, 1, len - 1), b.target.narrow(1, 0, len - 1)));
        }
    }
    void everyTokenOnceInStreamOrder() {
        const Corpus c = testing::tinyCorpus(testing::pseudoRandomLengths(25, 2, 50));
        const int bs = 4;
        LmDataLoader dl(c, c.allIndices(), bs, 6, true, 3);
        const auto expected = docsConcatenated(c, dl.epochOrder());
        std::vector<std::int32_t> seen;
        for (int r = 0; r < bs; ++r) {
            for (std::int64_t i = 0; i < dl.size(); ++i) {
                const auto row = rowOf(dl.batch(i).input, r);
                seen.insert(seen.end(), row.begin(), row.end());
            }
        }
        seen.push_back(rowOf(dl.batch(dl.size() - 1).target, bs - 1).back());
        QCOMPARE(std::int64_t(seen.size()), bs * dl.rowLength() + 1);
        QVERIFY(std::equal(seen.begin(), seen.end(), expected.begin()));
        QVERIFY(expected.size() - seen.size() < std::size_t(bs)); // only the remainder is dropped
        std::vector<std::size_t> order = dl.epochOrder();
        std::sort(order.begin(), order.end());
        QCOMPARE(order, c.allIndices());
    }
    void rowsAreContiguousStreams() {
        const Corpus c = testing::tinyCorpus(testing::pseudoRandomLengths(25, 2, 50));
        LmDataLoader dl(c, c.allIndices(), 5, 4, false, 0);
        // the last target of row r continues as the first input token of row r + 1
        for (int r = 0; r + 1 < 5; ++r)
            QCOMPARE(rowOf(dl.batch(dl.size() - 1).target, r).back(), rowOf(dl.batch(0).input, r + 1).front());
    }
    void shuffleDiffersAcrossEpochsAndIsSeeded() {
        const Corpus c = testing::tinyCorpus(testing::pseudoRandomLengths(40, 3, 20));
        LmDataLoader a(c, c.allIndices(), 2, 8, true, 11);
        LmDataLoader b(c, c.allIndices(), 2, 8, true, 11);
        LmDataLoader other(c, c.allIndices(), 2, 8, true, 12);
        const auto epoch0 = a.epochOrder();
        QCOMPARE(b.epochOrder(), epoch0);
        QVERIFY(other.epochOrder() != epoch0);
        a.startEpoch(1);
        QVERIFY(a.epochOrder() != epoch0);
        b.startEpoch(1);
        QVERIFY(torch::equal(a.batch(0).input, b.batch(0).input));
        a.startEpoch(0);
        QCOMPARE(a.epochOrder(), epoch0);
        LmDataLoader fixed(c, {3, 1, 2}, 1, 8, false, 11);
        QCOMPARE(fixed.epochOrder(), (std::vector<std::size_t>{3, 1, 2}));
    }
    void randomSplitIsTenPercentDisjointAndSeeded() {
        const Corpus c = testing::tinyCorpus(std::vector<int>(1003, 3));
        const DocumentSplit s = splitLmDocuments(c, 0.1, 42);
        QCOMPARE(s.valid.size(), std::size_t(100));
        QCOMPARE(s.train.size(), std::size_t(903));
        std::set<std::size_t> all(s.train.begin(), s.train.end());
        for (const auto d : s.valid)
            QVERIFY(all.insert(d).second);
        QCOMPARE(all.size(), c.size());
        QCOMPARE(splitLmDocuments(c, 0.1, 42).valid, s.valid);
        QVERIFY(splitLmDocuments(c, 0.1, 43).valid != s.valid);
    }
    // fastai's backwards=True: each document read right to left (xxbos last), the documents still in
    // stream order, the target still the input shifted by one.
    void backwardsBatchesReadEachDocumentReversed() {
        Corpus c = testing::tinyCorpus(testing::pseudoRandomLengths(20, 3, 30));
        const Corpus forward = c;
        c.reverseDocuments();
        for (std::size_t d = 0; d < c.size(); ++d) {
            QCOMPARE(c.doc(d).data[c.docLength(d) - 1], 2); // xxbos ends each document
            QVERIFY(std::equal(c.doc(d).begin(), c.doc(d).end(), std::make_reverse_iterator(forward.doc(d).end())));
        }
        LmDataLoader dl(c, c.allIndices(), 3, 7, true, 2);
        const auto expected = docsConcatenated(c, dl.epochOrder());
        QCOMPARE(rowOf(dl.batch(0).input, 0).front(), expected.front()); // the first document's last token
        for (std::int64_t i = 0; i < dl.size(); ++i) {
            const LmBatch b = dl.batch(i);
            const auto len = b.input.size(1);
            QVERIFY(torch::equal(b.input.narrow(1, 1, len - 1), b.target.narrow(1, 0, len - 1)));
        }
        c.reverseDocuments();
        QCOMPARE(c.tokens, forward.tokens); // twice restores the reading order
    }
    void tooFewTokensIsAClearError() {
        const Corpus c = testing::tinyCorpus({3, 2});
        QVERIFY_THROWS_EXCEPTION(Error, LmDataLoader(c, c.allIndices(), 64, 72));
    }
};

QTEST_APPLESS_MAIN(LmDataLoaderTest)
#include "LmDataLoaderTest.moc"
