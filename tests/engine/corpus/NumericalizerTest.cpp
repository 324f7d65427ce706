#include "engine/corpus/CountInCorpusOrder.h"

#include "core/CancelToken.h"
#include "data/corpus/Numericalizer.h"
#include "data/text/WordSplitter.h"

#include <QtTest>


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

/// Chunks at spaces (each document's text as it is).
ChunkFn chunksAtSpaces(const std::vector<std::string>& docs) {
    return [&docs](std::size_t i, int, text::Chunks& out) {
        out.text = docs[i];
        out.views.clear();
        text::cutChunks(out.text, out.views); // the words between the spaces
    };
}

/// Splits a chunk at hyphens, which are tokens too: "a-b" -> "a", "-", "b".
void splitAtHyphens(std::string_view chunk, text::TokenList& out) {
    for (std::size_t start = 0; start < chunk.size();) {
        const std::size_t hyphen = std::min(chunk.find('-', start), chunk.size());
        if (hyphen > start)
            out.push(chunk.substr(start, hyphen - start));
        if (hyphen < chunk.size())
            out.push("-");
        start = hyphen + 1;
    }
}

/// Every document's tokens, in order.
std::vector<std::vector<std::string>> tokensOf(const std::vector<std::string>& docs) {
    std::vector<std::vector<std::string>> result;
    text::Chunks chunks;
    for (std::size_t d = 0; d < docs.size(); ++d) {
        chunksAtSpaces(docs)(d, 0, chunks);
        text::TokenList tokens;
        for (const std::string_view chunk : chunks.views)
            splitAtHyphens(chunk, tokens);
        result.push_back(tokens.strings());
    }
    return result;
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
        const auto a =
            numericalizeDocuments(docs.size(), chunksAtSpaces(docs), splitAtHyphens, kSpecials, one);
        const auto b =
            numericalizeDocuments(docs.size(), chunksAtSpaces(docs), splitAtHyphens, kSpecials, four);
        QVERIFY(a.vocab == b.vocab);
        QCOMPARE(a.tokens, b.tokens);
        QCOMPARE(a.offsets, b.offsets);
        QVERIFY(a.vocab.size() > kSpecials.size() + 10);
    }
    void idsDecodeBackToTheDocuments() {
        const auto docs = makeDocs();
        const auto r = numericalizeDocuments(docs.size(), chunksAtSpaces(docs), splitAtHyphens, kSpecials,
                                             NumericalizeOptions{VocabOptions{1, 60000}, 2, 5});
        QCOMPARE(r.offsets.size(), docs.size() + 1);
        for (std::size_t i = 0; i < docs.size(); ++i) {
            const auto* ids = r.tokens.data() + r.offsets[i];
            QCOMPARE(r.vocab.decode(ids, std::size_t(r.offsets[i + 1] - r.offsets[i])), docs[i]);
        }
    }
    void countsAreTheTokensOfEveryChunk() {
        // Chunks of several tokens, repeated, sharing tokens with other chunks and with ties in count:
        // the vocab must be what counting every token in corpus order gives (fastai's Counter), with
        // ties in first-occurrence order, whatever the thread count.
        std::vector<std::string> docs;
        std::uint64_t state = 99;
        for (int d = 0; d < 300; ++d) {
            std::string text = "xxbos";
            for (int i = 0; i < 4 + d % 23; ++i) {
                state = state * 6364136223846793005ull + 1442695040888963407ull;
                const auto r = (state >> 33) % 60;
                text += " w" + std::to_string(r % 17);
                if (r % 3 == 0)
                    text += "-w" + std::to_string(r % 7) + (r % 2 ? "-" : "");
            }
            docs.push_back(text);
        }
        std::vector<std::int32_t> expectedIds;
        const auto tokens = tokensOf(docs);
        const VocabOptions vocabOptions{3, 60000};
        const Vocab expected = Vocab::build(countInCorpusOrder(tokens), kSpecials, vocabOptions);
        for (const auto& doc : tokens)
            for (const std::int32_t id : expected.encode(doc))
                expectedIds.push_back(id);
        for (const int threads : {1, 3}) {
            const auto r = numericalizeDocuments(docs.size(), chunksAtSpaces(docs), splitAtHyphens, kSpecials,
                                                 NumericalizeOptions{vocabOptions, threads, 5});
            QVERIFY(r.vocab == expected);
            QCOMPARE(r.tokens, expectedIds);
        }
        QVERIFY(expected.size() > kSpecials.size() + 20);
    }
    void rareTokensBecomeUnknown() {
        const std::vector<std::string> docs{"xxbos a a a b", "xxbos a b c"};
        const auto r = numericalizeDocuments(docs.size(), chunksAtSpaces(docs), splitAtHyphens, kSpecials,
                                             NumericalizeOptions{VocabOptions{2, 60000}, 2, 1});
        QCOMPARE(r.vocab.decode(r.tokens), std::string("xxbos a a a b xxbos a b xxunk"));
        QCOMPARE(r.vocab.itos()[9], std::string("a")); // most frequent regular token first
    }
    void reportsProgressAndHonoursCancel() {
        const auto docs = makeDocs();
        CountingObserver observer;
        numericalizeDocuments(docs.size(), chunksAtSpaces(docs), splitAtHyphens, kSpecials,
                              NumericalizeOptions{}, &observer);
        QVERIFY(observer.reports >= 1);
        QCOMPARE(observer.lastDone, double(docs.size()));
        CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 numericalizeDocuments(docs.size(), chunksAtSpaces(docs), splitAtHyphens,
                                                       kSpecials, NumericalizeOptions{}, nullptr, &cancel));
    }
};

QTEST_APPLESS_MAIN(NumericalizerTest)
#include "NumericalizerTest.moc"
