// Learning rates: fastai's slice semantics and the book's notation, formatted and parsed.
#include "recipe/LearningRate.h"

#include <QtTest>

#include <cmath>

using namespace ulmfit;

class LearningRateTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void sliceSpreadsGeometrically() {
        const auto rates = LearningRate::slice(1e-2 / std::pow(2.6, 4), 1e-2).perGroup(5);
        QCOMPARE(rates.size(), std::size_t(5));
        for (int i = 0; i < 5; ++i)
            QVERIFY(std::abs(rates[i] - 1e-2 / std::pow(2.6, 4 - i)) < 1e-15);
    }

    void sliceOfHiAndPlainRate() {
        QCOMPARE(LearningRate::slice(0, 1e-2).perGroup(3), (std::vector<double>{1e-3, 1e-3, 1e-2}));
        QCOMPARE(LearningRate::plain(2e-2).perGroup(4), std::vector<double>(4, 2e-2));
        QCOMPARE(evenMults(1.0, 100.0, 3), (std::vector<double>{1.0, 10.0, 100.0}));
    }

    void formatsTheBookNotation() {
        QCOMPARE(formatLearningRate(LearningRate::plain(2e-2)), std::string("2e-2"));
        QCOMPARE(formatLearningRate(LearningRate::slice(0, 2e-2)), std::string("slice(2e-2)"));
        QCOMPARE(formatLearningRate(LearningRate::bookSlice(1e-2)), std::string("slice(1e-2/2.6**4, 1e-2)"));
        QCOMPARE(formatLearningRate(LearningRate::slice(1e-5, 1e-2)), std::string("slice(1e-5, 1e-2)"));
        QCOMPARE(formatLearningRate(LearningRate::plain(0.0015)), std::string("1.5e-3"));
        QCOMPARE(formatLearningRate(LearningRate::plain(9.999e-3)), std::string("1e-2"));
    }

    void parsesRatesAndSlices() {
        QCOMPARE(parseLearningRate("0.002"), std::optional(LearningRate::plain(0.002)));
        QCOMPARE(parseLearningRate("slice(1e-3)"), std::optional(LearningRate::slice(0.0, 1e-3)));
        const auto book = parseLearningRate(" slice(5e-3/2.6**4, 5e-3) ");
        QVERIFY(book && book->isSlice);
        QCOMPARE(book->hi, 5e-3);
        QVERIFY(std::abs(book->lo - 5e-3 / std::pow(2.6, 4)) < 1e-15);
        QCOMPARE(parseLearningRate("slice(1e-4,1e-3)"), std::optional(LearningRate::slice(1e-4, 1e-3)));
        for (const auto& rate :
             {LearningRate::plain(3e-4), LearningRate::slice(0, 7e-3), LearningRate::slice(1e-5, 1e-2)})
            QCOMPARE(parseLearningRate(formatLearningRate(rate)),
                     std::optional(rate)); // what format writes, parse reads
    }

    // lr_find's new top rate: a plain rate is replaced, a slice keeps its spread.
    void withTopKeepsTheKindAndTheSpread() {
        QVERIFY(LearningRate::plain(2e-2).withTop(3e-3) == LearningRate::plain(3e-3));
        const LearningRate book = LearningRate::bookSlice(1e-2).withTop(4e-3);
        QCOMPARE(book.hi, 4e-3);
        QVERIFY(qFuzzyCompare(book.hi / book.lo, kBookSliceSpread));
        QCOMPARE(formatLearningRate(book), std::string("slice(4e-3/2.6**4, 4e-3)"));
        const LearningRate top = LearningRate::slice(0.0, 1e-3).withTop(5e-3);
        QVERIFY(top.isSlice);
        QCOMPARE(top.lo, 0.0);
        QCOMPARE(top.hi, 5e-3);
    }

    void rejectsBadRates() {
        for (const char* bad : {"fast", "slice(1e-2, 1e-3)", "-1e-3", "", "1.2.3", "slice()", "0"})
            QVERIFY2(!parseLearningRate(bad), bad);
    }
};

QTEST_APPLESS_MAIN(LearningRateTest)
#include "LearningRateTest.moc"
