#include "infer/Evaluation.h"
#include "core/Error.h"

#include <QtTest/QtTest>

using namespace ulmfit;

class EvaluationTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void metricsOnAHandMadeCase() {
        // Five reviews: three neg (one predicted pos), two pos (both right).
        const std::vector<std::vector<float>> probs{
            {0.9f, 0.1f}, {0.6f, 0.4f}, {0.2f, 0.8f}, {0.3f, 0.7f}, {0.4f, 0.6f}};
        const std::vector<int> targets{0, 0, 0, 1, 1};
        const std::vector<std::string> paths{"a.txt", "b.txt", "c.txt", "d.txt", "e.txt"};
        auto r = evaluatePredictions(probs, targets, {"neg", "pos"}, paths, 2);
        QCOMPARE(r.count, int64_t(5));
        QCOMPARE(r.accuracy, 0.8);
        QCOMPARE(r.confusion, (std::vector<std::vector<int64_t>>{{2, 1}, {0, 2}}));
        QCOMPARE(r.precision, (std::vector<double>{1.0, 2.0 / 3.0}));
        QCOMPARE(r.recall, (std::vector<double>{2.0 / 3.0, 1.0}));
        const double expectedLoss =
            -(std::log(0.9) + std::log(0.6) + std::log(0.2) + std::log(0.7) + std::log(0.6)) / 5;
        QVERIFY(std::abs(r.loss - expectedLoss) < 1e-6);
        QCOMPARE(r.topLosses.size(), size_t(2));
        QCOMPARE(r.topLosses[0].path, std::string("c.txt")); // confidently wrong: neg read as pos at 0.8
        QCOMPARE(r.topLosses[0].actual, std::string("neg"));
        QCOMPARE(r.topLosses[0].predicted, std::string("pos"));
        QCOMPARE(r.topLosses[0].probability, 0.8f);
        QVERIFY(std::abs(r.topLosses[0].loss - static_cast<float>(-std::log(0.2))) < 1e-6f);
        QVERIFY(r.topLosses[1].loss <= r.topLosses[0].loss);
        QVERIFY(QString::fromStdString(formatEvaluation(r)).contains("accuracy:  0.8000"));
    }

    void classNeverPredictedHasZeroPrecision() {
        auto r = evaluatePredictions({{0.9f, 0.1f}, {0.8f, 0.2f}}, {0, 1}, {"neg", "pos"});
        QCOMPARE(r.precision[1], 0.0);
        QCOMPARE(r.recall[1], 0.0);
        QCOMPARE(r.precision[0], 0.5);
    }

    void mismatchedSizesAreAnError() {
        QVERIFY_THROWS_EXCEPTION(Error, evaluatePredictions({{1.f, 0.f}}, {0, 1}, {"a", "b"}));
    }
};

QTEST_APPLESS_MAIN(EvaluationTest)
#include "EvaluationTest.moc"
