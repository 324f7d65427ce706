// The training loop: a loss that falls, callback order, cancel, pause, divergence.
#include "TinyModels.h"

#include "train/Callbacks.h"
#include "train/Learner.h"
#include "train/OneCycleScheduler.h"
#include "train/Recorder.h"

#include <QtTest>

#include <thread>

using namespace ulmfit;
using namespace ulmfit::test;

namespace {
/// Logs every event name it sees.
struct EventLog : Callback {
    std::vector<std::string> events;
    void beforeFit(Learner&) override { events.push_back("before_fit"); }
    void beforeEpoch(Learner&) override { events.push_back("before_epoch"); }
    void beforeTrain(Learner&) override { events.push_back("before_train"); }
    void beforeBatch(Learner&) override { events.push_back("before_batch"); }
    void afterPred(Learner&) override { events.push_back("after_pred"); }
    void afterLoss(Learner&) override { events.push_back("after_loss"); }
    void beforeBackward(Learner&) override { events.push_back("before_backward"); }
    void afterBackward(Learner&) override { events.push_back("after_backward"); }
    void beforeStep(Learner&) override { events.push_back("before_step"); }
    void afterStep(Learner&) override { events.push_back("after_step"); }
    void afterBatch(Learner&) override { events.push_back("after_batch"); }
    void afterTrain(Learner&) override { events.push_back("after_train"); }
    void beforeValidate(Learner&) override { events.push_back("before_validate"); }
    void afterValidate(Learner&) override { events.push_back("after_validate"); }
    void afterEpoch(Learner&) override { events.push_back("after_epoch"); }
    void afterFit(Learner&, bool failed) override { events.push_back(failed ? "after_fit(failed)" : "after_fit"); }
};

struct StepCounter : Callback {
    int steps = 0;
    std::function<void(Learner&)> onStep;
    void afterStep(Learner& learn) override {
        ++steps;
        if (onStep)
            onStep(learn);
    }
};
} // namespace

class LearnerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lossFallsOnOneRepeatedBatch() {
        torch::manual_seed(0);
        FixedBatches train(1);
        Learner learn(tinyLm(), train, nullptr, torch::kCPU);
        auto recorder = std::make_shared<Recorder>(nullptr, Recorder::StageInfo{});
        learn.addCallback(recorder);
        learn.addCallback(std::make_shared<OneCycleScheduler>(LearningRate::plain(5e-2)));
        learn.fit(40);
        const auto& losses = recorder->batchLosses();
        QCOMPARE(losses.size(), std::size_t(40));
        QVERIFY2(losses.back() < 0.3 * losses.front(),
                 qPrintable(QString("first %1 last %2").arg(losses.front()).arg(losses.back())));
    }

    void callbacksFireInOrder() {
        FixedBatches train(2), valid(1);
        Learner learn(tinyLm(), train, &valid, torch::kCPU);
        auto log = std::make_shared<EventLog>();
        learn.addCallback(log);
        learn.fit(1);
        const std::vector<std::string> trainBatch = {"before_batch",    "after_pred",     "after_loss",
                                                     "before_backward", "after_backward", "before_step",
                                                     "after_step",      "after_batch"};
        std::vector<std::string> expected = {"before_fit", "before_epoch", "before_train"};
        for (int i = 0; i < 2; ++i)
            expected.insert(expected.end(), trainBatch.begin(), trainBatch.end());
        expected.insert(expected.end(), {"after_train", "before_validate", "before_batch", "after_pred", "after_loss",
                                         "after_batch", "after_validate", "after_epoch", "after_fit"});
        QCOMPARE(log->events, expected);
        QCOMPARE(train.epochsStarted, std::vector<int>{0});
    }

    // A checkpoint taken inside an epoch: the resumed fit trains the remaining batches of that
    // epoch (same order: the epoch's loader is started as before) and the schedule continues.
    void fitResumesInsideAnEpoch() {
        FixedBatches train(5);
        Learner learn(tinyLm(), train, nullptr, torch::kCPU);
        struct Trace : Callback {
            std::vector<std::pair<int, int>> batches; // (epoch, iter)
            std::vector<double> progress;
            void afterBatch(Learner& l) override {
                batches.emplace_back(l.epoch, l.iter);
                progress.push_back(l.pctTrain);
            }
        };
        auto trace = std::make_shared<Trace>();
        learn.addCallback(trace);
        learn.fit(2, 0, 3);
        const std::vector<std::pair<int, int>> expected{{0, 3}, {0, 4}, {1, 0}, {1, 1}, {1, 2}, {1, 3}, {1, 4}};
        QCOMPARE(trace->batches, expected);
        QCOMPARE(trace->progress.front(), 3.0 / 10.0);
        QCOMPARE(trace->progress.back(), 9.0 / 10.0);
        QCOMPARE(train.epochsStarted, (std::vector<int>{0, 1}));
        QCOMPARE(learn.trainIter, 10LL);
    }

    void modelIsResetBeforeTrainAndValidation() {
        int resets = 0;
        FixedBatches train(2), valid(1);
        Learner learn(tinyLm(12, 8, &resets), train, &valid, torch::kCPU);
        learn.addCallback(std::make_shared<ModelResetter>());
        learn.fit(2);
        QCOMPARE(resets, 2 * 2 + 1); // train + validate per epoch, and after the fit
    }

    void cancelStopsWithinOneBatch() {
        FixedBatches train(10);
        CancelToken cancel;
        Learner learn(tinyLm(), train, nullptr, torch::kCPU);
        auto counter = std::make_shared<StepCounter>();
        counter->onStep = [&](Learner& l) {
            if (l.iter == 2)
                cancel.cancel();
        };
        learn.addCallback(counter);
        learn.addCallback(std::make_shared<ControlCallback>(&cancel, nullptr));
        QVERIFY_THROWS_EXCEPTION(Cancelled, learn.fit(3));
        QCOMPARE(counter->steps, 3);
    }

    void pauseBlocksUntilResumed() {
        FixedBatches train(3);
        PauseGate gate;
        gate.pause();
        Learner learn(tinyLm(), train, nullptr, torch::kCPU);
        auto counter = std::make_shared<StepCounter>();
        learn.addCallback(counter);
        learn.addCallback(std::make_shared<ControlCallback>(nullptr, &gate));
        std::thread worker([&] { learn.fit(1); });
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        const int stepsWhilePaused = counter->steps;
        gate.resume();
        worker.join();
        QCOMPARE(stepsWhilePaused, 0);
        QCOMPARE(counter->steps, 3);
    }

    void cancelWhilePausedThrows() {
        FixedBatches train(3);
        PauseGate gate;
        CancelToken cancel;
        gate.pause();
        Learner learn(tinyLm(), train, nullptr, torch::kCPU);
        learn.addCallback(std::make_shared<ControlCallback>(&cancel, &gate));
        bool cancelled = false;
        std::thread worker([&] {
            try {
                learn.fit(1);
            } catch (const Cancelled&) {
                cancelled = true;
            }
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        cancel.cancel();
        worker.join();
        QVERIFY(cancelled);
    }

    void nanLossStopsWithClearError() {
        FixedBatches train(4);
        Learner learn(tinyLm(), train, nullptr, torch::kCPU);
        struct Poison : Callback {
            void afterLoss(Learner& l) override {
                if (l.epoch == 1 && l.iter == 2)
                    l.loss = l.loss * std::numeric_limits<double>::quiet_NaN();
            }
        };
        auto log = std::make_shared<EventLog>();
        learn.addCallback(std::make_shared<Poison>());
        learn.addCallback(std::make_shared<DivergenceGuard>("lm"));
        learn.addCallback(log);
        try {
            learn.fit(3);
            QFAIL("expected TrainingDiverged");
        } catch (const TrainingDiverged& e) {
            const QString message = e.what();
            QVERIFY2(message.contains("NaN") && message.contains("epoch 2") && message.contains("batch 3"),
                     qPrintable(message));
        }
        QCOMPARE(log->events.back(), std::string("after_fit(failed)"));
    }

    void recorderReportsEpochs() {
        struct Sink : TrainingObserver {
            std::vector<BatchEvent> batches;
            std::vector<EpochEvent> epochs;
            void onBatch(const BatchEvent& e) override { batches.push_back(e); }
            void onEpoch(const EpochEvent& e) override { epochs.push_back(e); }
        } sink;
        FixedBatches train(3), valid(2);
        Learner learn(tinyLm(), train, &valid, torch::kCPU);
        learn.addCallback(std::make_shared<Recorder>(&sink, Recorder::StageInfo{1, "lm", true}));
        learn.addCallback(std::make_shared<OneCycleScheduler>(LearningRate::plain(1e-2)));
        learn.fit(2);
        QCOMPARE(sink.batches.size(), std::size_t(6));
        QCOMPARE(sink.batches.back().globalStep, 6LL);
        QCOMPARE(sink.batches[0].totalBatches, 3);
        QVERIFY(std::abs(sink.batches[0].lr - 1e-2 / 25) < 1e-12);
        QVERIFY(std::abs(sink.batches[0].momentum - 0.8) < 1e-12);
        QCOMPARE(sink.epochs.size(), std::size_t(2));
        const auto& last = sink.epochs.back();
        QCOMPARE(last.stageIndex, 1);
        QVERIFY(last.validLoss > 0 && std::abs(last.perplexity - std::exp(last.validLoss)) < 1e-9);
        QVERIFY(last.accuracy >= 0 && last.accuracy <= 1);
    }
};

QTEST_APPLESS_MAIN(LearnerTest)
#include "LearnerTest.moc"
