#include "core/CancelToken.h"
#include "data/corpus/Numericalizer.h"

#include <QtTest>

#include <sstream>

using namespace ulmfit;

namespace {
const std::vector<std::string> kSpecials{"xxunk", "xxpad", "xxbos", "xxeos", "xxfld",
                                         "xxrep", "xxwrep", "xxup", "xxmaj"};

/// A deterministic pseudo-corpus: 400 documents of words from a Zipf-like pool, with many ties.
std::vector<std::string> makeDocs() {
    std::vector<std::string> docs;
    std::uint64_t state = 12345;
    for (int d = 0; d < 400; ++d) {
        std::string text = "xxbos";
        const int length = 5 + d % 37;
        for (int i = 0; i < length; ++i) {
            state = state * 6364136223846793005ull + 1442695040888963407ull;
            const auto r = (state >> 33) % 1000;
            text += " w" + std::to_string(r * r / 5000);
        }
        docs.push_back(text);
    }
    return docs;
}

TokenizeFn splitOnSpaces(const std::vector<std::string>& docs) {
    return [&docs](std::size_t i, int, text::TokenList& out) {
        std::istringstream in(docs[i]);
        out.clear();
        for (std::string word; in >> word;)
            out.push(word);
    };
}

struct CountingObserver : Observer {
    int reports = 0;
    double lastDone = 0;
    void onProgress(const Progress& p) override {
        QCOMPARE(p.task, std::string("tokenize"));
        ++reports;
        lastDone = p.done;
    }
};
} // namespace

class NumericalizerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resultDoesNotDependOnThreadCount() {
        const auto docs = makeDocs();
        NumericalizeOptions one{VocabOptions{2, 60000}, 1, 7};
        NumericalizeOptions four{VocabOptions{2, 60000}, 4, 3};
        const auto a = numericalizeDocuments(docs.size(), splitOnSpaces(docs), kSpecials, one);
        const auto b = numericalizeDocuments(docs.size(), splitOnSpaces(docs), kSpecials, four);
        QVERIFY(a.vocab == b.vocab);
        QCOMPARE(a.tokens, b.tokens);
        QCOMPARE(a.offsets, b.offsets);
        QVERIFY(a.vocab.size() > kSpecials.size() + 10);
    }
    void idsDecodeBackToTheDocuments() {
        const auto docs = makeDocs();
        const auto r = numericalizeDocuments(docs.size(), splitOnSpaces(docs), kSpecials,
                                             NumericalizeOptions{VocabOptions{1, 60000}, 2, 5});
        QCOMPARE(r.offsets.size(), docs.size() + 1);
        for (std::size_t i = 0; i < docs.size(); ++i) {
            const auto* ids = r.tokens.data() + r.offsets[i];
            QCOMPARE(r.vocab.decode(ids, std::size_t(r.offsets[i + 1] - r.offsets[i])), docs[i]);
        }
    }
    void rareTokensBecomeUnknown() {
        const std::vector<std::string> docs{"xxbos a a a b", "xxbos a b c"};
        const auto r = numericalizeDocuments(docs.size(), splitOnSpaces(docs), kSpecials,
                                             NumericalizeOptions{VocabOptions{2, 60000}, 2, 1});
        QCOMPARE(r.vocab.decode(r.tokens), std::string("xxbos a a a b xxbos a b xxunk"));
        QCOMPARE(r.vocab.itos()[9], std::string("a")); // most frequent regular token first
    }
    void reportsProgressAndHonoursCancel() {
        const auto docs = makeDocs();
        CountingObserver observer;
        numericalizeDocuments(docs.size(), splitOnSpaces(docs), kSpecials, NumericalizeOptions{}, &observer);
        QVERIFY(observer.reports >= 1);
        QCOMPARE(observer.lastDone, double(docs.size()));
        CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, numericalizeDocuments(docs.size(), splitOnSpaces(docs), kSpecials,
                                                                  NumericalizeOptions{}, nullptr, &cancel));
    }
};

QTEST_APPLESS_MAIN(NumericalizerTest)
#include "NumericalizerTest.moc"
