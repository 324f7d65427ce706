#include "TinyCorpus.h"
#include "core/Error.h"
#include "data/batch/ClassifierDataLoader.h"

#include <QtTest>

#include <algorithm>

using namespace ulmfit;

namespace {
std::vector<std::size_t> allBatchDocs(const ClassifierDataLoader& dl) {
    std::vector<std::size_t> docs;
    for (std::int64_t i = 0; i < dl.size(); ++i)
        docs.insert(docs.end(), dl.batchDocuments(i).begin(), dl.batchDocuments(i).end());
    return docs;
}

ClassifierLoaderOptions opts(int bs, bool shuffle, std::uint64_t seed = 5, std::int64_t maxTokens = 0) {
    ClassifierLoaderOptions o;
    o.bs = bs;
    o.shuffle = shuffle;
    o.seed = seed;
    o.maxTokens = maxTokens;
    return o;
}
} // namespace

class ClassifierDataLoaderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validationIsSortedLongestFirst() {
        const Corpus c = testing::tinyCorpus(testing::pseudoRandomLengths(101, 2, 300));
        ClassifierDataLoader dl(c, c.allIndices(), opts(8, false));
        QCOMPARE(dl.size(), std::int64_t(13));
        const auto docs = allBatchDocs(dl);
        QCOMPARE(docs.size(), c.size());
        for (std::size_t i = 1; i < docs.size(); ++i)
            QVERIFY(c.docLength(docs[i - 1]) >= c.docLength(docs[i]));
    }
    void trainVisitsEveryDocumentOnceWithSimilarLengths() {
        const auto lengths = testing::pseudoRandomLengths(1000, 5, 505);
        const Corpus c = testing::tinyCorpus(lengths);
        ClassifierDataLoader dl(c, c.allIndices(), opts(8, true));
        auto docs = allBatchDocs(dl);
        std::sort(docs.begin(), docs.end());
        QCOMPARE(docs, c.allIndices());
        const auto longest = std::max_element(lengths.begin(), lengths.end()) - lengths.begin();
        const auto& first = dl.batchDocuments(0);
        QVERIFY(std::find(first.begin(), first.end(), std::size_t(longest)) != first.end());
        double spread = 0;
        for (std::int64_t i = 0; i < dl.size(); ++i) {
            std::vector<std::int64_t> ls;
            for (const auto d : dl.batchDocuments(i))
                ls.push_back(c.docLength(d));
            spread += double(*std::max_element(ls.begin(), ls.end()) - *std::min_element(ls.begin(), ls.end()));
        }
        QVERIFY2(spread / double(dl.size()) < 25.0, "batches should group documents of similar length");
    }
    void batchOrderIsRandomisedPerEpochAndSeeded() {
        const Corpus c = testing::tinyCorpus(testing::pseudoRandomLengths(500, 5, 505));
        ClassifierDataLoader a(c, c.allIndices(), opts(4, true, 9));
        ClassifierDataLoader b(c, c.allIndices(), opts(4, true, 9));
        QCOMPARE(allBatchDocs(a), allBatchDocs(b));
        const auto epoch0 = allBatchDocs(a);
        a.startEpoch(1);
        QVERIFY(allBatchDocs(a) != epoch0);
        // not globally sorted: some later batch starts longer than an earlier one
        bool unsorted = false;
        for (std::int64_t i = 2; i < a.size() && !unsorted; ++i)
            unsorted = c.docLength(a.batchDocuments(i)[0]) > c.docLength(a.batchDocuments(i - 1)[0]);
        QVERIFY(unsorted);
    }
    void paddingGoesInFrontWithPadId() {
        const Corpus c = testing::tinyCorpus({5, 9, 3, 7}, {0, 1, 1, 0});
        ClassifierDataLoader dl(c, c.allIndices(), opts(4, false));
        const ClasBatch b = dl.batch(0);
        QCOMPARE(b.input.sizes().vec(), (std::vector<std::int64_t>{4, 9}));
        QCOMPARE(b.input.scalar_type(), torch::kInt64);
        QCOMPARE(b.target.sizes().vec(), (std::vector<std::int64_t>{4}));
        const auto& docs = dl.batchDocuments(0);
        QCOMPARE(docs, (std::vector<std::size_t>{1, 3, 0, 2}));
        for (std::int64_t r = 0; r < 4; ++r) {
            const auto d = docs[std::size_t(r)];
            const std::int64_t pad = 9 - c.docLength(d);
            for (std::int64_t j = 0; j < 9; ++j) {
                const auto v = b.input[r][j].item<std::int64_t>();
                QCOMPARE(v, j < pad ? std::int64_t(1) : std::int64_t(c.doc(d).data[j - pad]));
            }
            QCOMPARE(b.target[r].item<std::int64_t>(), std::int64_t(c.labels[d]));
        }
    }
    // A backward classifier's batches: each review reversed (xxbos last, next to the pooled end),
    // padding still in front.
    void backwardsReviewsEndWithXxbos() {
        Corpus c = testing::tinyCorpus({5, 9, 3, 7}, {0, 1, 1, 0});
        const Corpus forward = c;
        c.reverseDocuments();
        ClassifierDataLoader dl(c, c.allIndices(), opts(4, false));
        const ClasBatch b = dl.batch(0);
        const auto& docs = dl.batchDocuments(0);
        for (std::int64_t r = 0; r < 4; ++r) {
            const auto d = docs[std::size_t(r)];
            const std::int64_t n = forward.docLength(d);
            const std::int64_t pad = 9 - n;
            QCOMPARE(b.input[r][8].item<std::int64_t>(), std::int64_t(2)); // xxbos
            for (std::int64_t j = pad; j < 9; ++j)
                QCOMPARE(b.input[r][j].item<std::int64_t>(), std::int64_t(forward.doc(d).data[n - 1 - (j - pad)]));
        }
    }
    void maxTokensKeepsTheFirstTokens() {
        const Corpus c = testing::tinyCorpus({50, 9, 3}, {0, 1, 1});
        ClassifierDataLoader dl(c, c.allIndices(), opts(3, false, 1, 8));
        const ClasBatch b = dl.batch(0);
        QCOMPARE(b.input.size(1), std::int64_t(8));
        QCOMPARE(dl.batchDocuments(0)[0], std::size_t(0)); // stable order among equal truncated lengths
        for (std::int64_t j = 0; j < 8; ++j)
            QCOMPARE(b.input[0][j].item<std::int64_t>(), std::int64_t(c.doc(0).data[j]));
    }
    void dropLastDropsTheShortBatch() {
        const Corpus c = testing::tinyCorpus(testing::pseudoRandomLengths(50, 5, 60));
        auto o = opts(8, true);
        o.dropLast = true;
        ClassifierDataLoader dl(c, c.allIndices(), o);
        QCOMPARE(dl.size(), std::int64_t(6));
        for (std::int64_t i = 0; i < dl.size(); ++i)
            QCOMPARE(dl.batchDocuments(i).size(), std::size_t(8));
    }
    void unlabelledDocumentsAreRejected() {
        const Corpus c = testing::tinyCorpus({5, 6}, {0, -1});
        QVERIFY_THROWS_EXCEPTION(Error, ClassifierDataLoader(c, c.allIndices()));
        QCOMPARE(labelledDocuments(c, Split::Test), std::vector<std::size_t>{});
        QCOMPARE(labelledDocuments(c, Split::Train), std::vector<std::size_t>{0});
    }
};

QTEST_APPLESS_MAIN(ClassifierDataLoaderTest)
#include "ClassifierDataLoaderTest.moc"
