// Schedule values at known points against fastai's formulas, and discriminative rates.
#include "train/Schedule.h"

#include <QtTest>

#include <cmath>

using namespace ulmfit;

class ScheduleTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void cosineEndpointsAndMiddle() {
        QCOMPARE(schedCos(1.0, 3.0, 0.0), 1.0);
        QCOMPARE(schedCos(1.0, 3.0, 1.0), 3.0);
        QVERIFY(std::abs(schedCos(1.0, 3.0, 0.5) - 2.0) < 1e-12);
        QVERIFY(std::abs(schedExp(1e-7, 10.0, 0.5) - std::sqrt(1e-6)) < 1e-15);
        QCOMPARE(schedLin(2.0, 4.0, 0.25), 2.5);
    }
    void oneCycleLearningRate() {
        OneCycle cycle; // pct_start 0.25, div 25, div_final 1e5
        const double lrMax = 2e-2;
        QVERIFY(std::abs(cycle.lr(lrMax, 0.0) - lrMax / 25) < 1e-15);
        QVERIFY(std::abs(cycle.lr(lrMax, 0.25) - lrMax) < 1e-15);
        QVERIFY(std::abs(cycle.lr(lrMax, 1.0) - lrMax / 1e5) < 1e-15);
        // Halfway through warm-up: the cosine midpoint of lrMax/25 and lrMax.
        QVERIFY(std::abs(cycle.lr(lrMax, 0.125) - (lrMax / 25 + lrMax) / 2) < 1e-12);
        // Halfway through annealing (progress 0.625).
        QVERIFY(std::abs(cycle.lr(lrMax, 0.625) - (lrMax + lrMax / 1e5) / 2) < 1e-12);
        // A point off the midpoints, written out from fastai's SchedCos.
        const double p = 0.1 / 0.25;
        const double expected = lrMax / 25 + (1 + std::cos(M_PI * (1 - p))) * (lrMax - lrMax / 25) / 2;
        QVERIFY(std::abs(cycle.lr(lrMax, 0.1) - expected) < 1e-15);
    }
    void momentumCyclesInversely() {
        OneCycle cycle;
        QVERIFY(std::abs(cycle.momentum(0.0) - 0.8) < 1e-12);
        QVERIFY(std::abs(cycle.momentum(0.25) - 0.7) < 1e-12);
        QVERIFY(std::abs(cycle.momentum(1.0) - 0.8) < 1e-12);
        QVERIFY(std::abs(cycle.momentum(0.625) - 0.75) < 1e-12);
    }
};

QTEST_APPLESS_MAIN(ScheduleTest)
#include "ScheduleTest.moc"
