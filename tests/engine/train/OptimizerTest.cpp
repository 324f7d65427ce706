// Discriminative Adam: per-group rates, frozen groups untouched, fastai's update, loss scaling.
#include "TinyModels.h"

#include "core/Error.h"
#include "train/GradScaler.h"
#include "train/Learner.h"
#include "train/MixedPrecision.h"
#include "train/OneCycleScheduler.h"

#include <torch/cuda.h>

#include <QTemporaryDir>
#include <QtTest>

using namespace ulmfit;
using namespace ulmfit::test;

class OptimizerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sliceGivesEachGroupItsRate() {
        auto model = tinyLm();
        DiscriminativeAdam adam(model.groups);
        QCOMPARE(adam.groupCount(), 2);
        adam.setLearningRates(LearningRate::slice(1e-4, 1e-2).perGroup(2));
        QCOMPARE(adam.learningRate(0), 1e-4);
        QCOMPARE(adam.learningRate(1), 1e-2);
        QVERIFY_THROWS_EXCEPTION(ulmfit::Error, adam.setLearningRates({1e-3}));
    }

    void schedulerAppliesTheSliceAtEveryStep() {
        FixedBatches train(2);
        Learner learn(tinyLm(), train, nullptr, torch::kCPU);
        learn.addCallback(std::make_shared<OneCycleScheduler>(LearningRate::slice(1e-4, 1e-2)));
        learn.fit(1);
        // After the last batch, progress = 1/2: both groups on the same point of their cycles.
        const double ratio = learn.optimizer().learningRate(1) / learn.optimizer().learningRate(0);
        QVERIFY(std::abs(ratio - 100.0) < 1e-9);
    }

    void frozenGroupsDoNotMove() {
        FixedBatches train(3);
        auto model = tinyLm();
        for (auto& p : model.groups[0])
            p.set_requires_grad(false); // freeze_to(-1): only the head trains
        const auto embeddingBefore = model.groups[0][0].clone();
        const auto headBefore = model.groups[1][0].clone();
        Learner learn(model, train, nullptr, torch::kCPU);
        learn.addCallback(std::make_shared<OneCycleScheduler>(LearningRate::plain(1e-2)));
        learn.fit(1);
        QVERIFY(torch::equal(model.groups[0][0], embeddingBefore)); // not even weight decay
        QVERIFY(!torch::equal(model.groups[1][0], headBefore));
        for (const auto& p : learn.optimizer().parameters())
            QVERIFY(!p.grad().defined()); // zeroGrad sets grads to none
    }

    void firstStepMatchesFastaiAdam() {
        // One step from zero state: p -= lr * wd * p (true weight decay), then
        // p -= lr * m_hat / (sqrt(v_hat) + eps) with m_hat = g, v_hat = g^2.
        auto w = torch::tensor({{1.0, -2.0}}, torch::dtype(torch::kFloat).requires_grad(true)); // [1, 2]
        auto bias = torch::tensor({0.5}, torch::dtype(torch::kFloat).requires_grad(true));
        DiscriminativeAdam adam({{w, bias}});
        adam.setLearningRates({0.1});
        w.mutable_grad() = torch::tensor({{0.5, 0.0}});
        bias.mutable_grad() = torch::tensor({1.0});
        adam.step();
        // 1-d tensors (biases) get no weight decay, as fastai's wd_bn_bias=False.
        QVERIFY(std::abs(w[0][0].item<double>() - (1.0 - 0.1 * 0.01 * 1.0 - 0.1 * 0.5 / (0.5 + 1e-5))) < 1e-6);
        QVERIFY(std::abs(w[0][1].item<double>() - (-2.0 + 0.1 * 0.01 * 2.0)) < 1e-6);
        QVERIFY(std::abs(bias[0].item<double>() - (0.5 - 0.1 * 1.0 / (1.0 + 1e-5))) < 1e-6);
    }

    // fastai's freeze_to clears the optimizer state: after it the next step is a first step again.
    void clearedStateStepsLikeAFreshOptimizer() {
        auto w = torch::tensor({{1.0, -2.0}}, torch::dtype(torch::kFloat).requires_grad(true));
        DiscriminativeAdam adam({{w}});
        adam.setLearningRates({0.1});
        QVERIFY(!adam.hasState());
        for (int i = 0; i < 3; ++i) {
            w.mutable_grad() = torch::tensor({{0.5, -1.0}});
            adam.step();
        }
        QVERIFY(adam.hasState());
        adam.clearState();
        QVERIFY(!adam.hasState());
        auto fresh = w.detach().clone().requires_grad_(true);
        DiscriminativeAdam freshAdam({{fresh}});
        freshAdam.setLearningRates({0.1});
        w.mutable_grad() = torch::tensor({{0.25, 0.75}});
        fresh.mutable_grad() = torch::tensor({{0.25, 0.75}});
        adam.step();
        freshAdam.step();
        QVERIFY(torch::allclose(w, fresh));
    }

    void weightsOfTwoDimensionsAreDecayed() {
        auto w = torch::ones({2, 2}, torch::requires_grad());
        DiscriminativeAdam adam({{w}});
        adam.setLearningRates({0.5});
        w.mutable_grad() = torch::zeros({2, 2});
        adam.step();
        QVERIFY(std::abs(w[0][0].item<double>() - (1.0 - 0.5 * 0.01)) < 1e-6);
    }

    void gradScalerSkipsInfAndBacksOff() {
        GradScaler::Options options;
        options.initScale = 8.0;
        options.growthInterval = 2;
        GradScaler scaler(options);
        auto p = torch::zeros({2}, torch::requires_grad());
        p.mutable_grad() = torch::tensor({8.0, 16.0});
        QVERIFY(scaler.unscale({p}));
        QVERIFY(torch::equal(p.grad(), torch::tensor({1.0, 2.0})));
        scaler.update(true);
        scaler.update(true);
        QCOMPARE(scaler.currentScale(), 16.0); // grew after 2 clean steps
        p.mutable_grad() = torch::tensor({std::numeric_limits<float>::infinity(), 1.0f});
        QVERIFY(!scaler.unscale({p}));
        scaler.update(false);
        QCOMPARE(scaler.currentScale(), 8.0);
    }

    void mixedPrecisionSkipsStepsWithInfGradients() {
        FixedBatches train(2);
        auto model = tinyLm();
        const auto before = model.groups[1][0].clone();
        Learner learn(model, train, nullptr, torch::kCPU);
        GradScaler::Options options;
        options.initScale = 1e300; // scaled loss overflows: every step must be skipped
        auto mp = std::make_shared<MixedPrecision>(Precision::Float16Mixed, options);
        learn.addCallback(mp);
        learn.fit(1);
        QCOMPARE(mp->skippedSteps(), 2);
        QVERIFY(torch::equal(model.groups[1][0], before));
        QVERIFY(mp->scaler().currentScale() < 1e300);
    }

    void savedStateResumesTheSameSteps() { resumeAcross(torch::kCPU); }

    void stateSavedOnTheGpuResumesOnTheCpu() {
        if (!torch::cuda::is_available())
            QSKIP("no CUDA GPU here");
        resumeAcross(torch::Device(torch::kCUDA, 0));
    }

private:
    /// Two steps on `first`, save; load into a fresh optimizer over a CPU copy of the weights:
    /// the third step must match the one the original optimizer takes.
    static void resumeAcross(torch::Device first) {
        FixedBatches train(3);
        auto model = tinyLm();
        model.module->to(first);
        DiscriminativeAdam adam(model.groups);
        const auto step = [&](LearnerModel& m, DiscriminativeAdam& opt, int index) {
            const auto batch = train.batch(index);
            const auto device = m.groups[0][0].device();
            flatCrossEntropy(m.forward(batch.input.to(device)).logits, batch.target.to(device)).backward();
            opt.step();
            opt.zeroGrad();
        };
        step(model, adam, 0);
        step(model, adam, 1);
        QTemporaryDir dir;
        const std::string file = dir.filePath("optimizer.pt").toStdString();
        adam.save(file);

        auto copy = tinyLm();
        {
            torch::NoGradGuard noGrad;
            for (size_t g = 0; g < copy.groups.size(); ++g)
                for (size_t p = 0; p < copy.groups[g].size(); ++p)
                    copy.groups[g][p].copy_(model.groups[g][p].cpu());
        }
        DiscriminativeAdam resumed(copy.groups);
        resumed.load(file);
        step(model, adam, 2);
        step(copy, resumed, 2);
        for (size_t g = 0; g < copy.groups.size(); ++g)
            for (size_t p = 0; p < copy.groups[g].size(); ++p)
                QVERIFY(torch::allclose(copy.groups[g][p], model.groups[g][p].cpu(), 1e-5, 1e-6));
    }
};

QTEST_APPLESS_MAIN(OptimizerTest)
#include "OptimizerTest.moc"
