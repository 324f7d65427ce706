#include "pretrained/Perplexity.h"
#include "FastaiFixtures.h"
#include "pretrained/FastaiModels.h"

#include <QtTest/QtTest>

#include <cmath>

using namespace ulmfit;
using test::errorOf;
using test::fastaiFixture;

class PerplexityTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void matchesThePythonReference() {
        const auto lm = importFastaiLanguageModel(fastaiFixture("lm_zip.pth"), fastaiFixture("itos.pkl"));
        const Vocab vocab(lm.vocab);
        const auto expected = test::fastaiExpected()["texts"];
        for (const char* name : {"text1.txt", "text2.txt"}) {
            const auto result = textPerplexity(lm.model, vocab, test::readBytes(fastaiFixture(name)));
            const double reference = expected[name]["perplexity"].get<double>();
            QVERIFY2(std::abs(result.perplexity - reference) / reference < 1e-5,
                     qPrintable(QString("%1: %2 vs %3").arg(name).arg(result.perplexity).arg(reference)));
            QCOMPARE(result.perplexity, std::exp(result.meanLoss));
        }
        // text1 tokenizes to xxbos + its 15 words, 15 of them predicted.
        QCOMPARE(textPerplexity(lm.model, vocab, test::readBytes(fastaiFixture("text1.txt"))).predicted,
                 int64_t(15));
    }

    void chunksGiveTheSameNumberAsOnePass() {
        const auto lm = importFastaiLanguageModel(fastaiFixture("lm_legacy.pth"), fastaiFixture("itos.pkl"));
        const auto ids = test::fastaiExpected()["ids"].get<std::vector<int64_t>>();
        const auto whole = perplexity(lm.model, ids, 512);
        const auto chunked = perplexity(lm.model, ids, 4);
        QVERIFY(std::abs(whole.meanLoss - chunked.meanLoss) < 1e-6);
        QVERIFY(!lm.model->is_training());
    }

    void tooShortOrOutOfRange() {
        const auto lm = importFastaiLanguageModel(fastaiFixture("lm_zip.pth"), fastaiFixture("itos.pkl"));
        QVERIFY(errorOf([&] { perplexity(lm.model, {2}); }).contains("at least one token after xxbos"));
        QVERIFY(errorOf([&] { perplexity(lm.model, {2, 47}); }).contains("outside the model's vocabulary"));
    }
};

QTEST_APPLESS_MAIN(PerplexityTest)
#include "PerplexityTest.moc"
