#include "model/LanguageModel.h"
#include "TinyModel.h"

#include <QtTest/QtTest>
#include <torch/nn/functional/loss.h>
#include <torch/optim/adam.h>

using namespace ulmfit;
using test::randomTokens;
using test::tinyConfig;

class LanguageModelTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void init() { torch::manual_seed(11); }

    void configsCarryFastaiDefaults() {
        auto lm = lmConfig(100);
        QCOMPARE(lm.embSize, int64_t(400));
        QCOMPARE(lm.hiddenSize, int64_t(1152));
        QCOMPARE(lm.nLayers, int64_t(3));
        QCOMPARE(lm.padToken, int64_t(1));
        QCOMPARE(lm.weightP, 0.2);
        auto clas = classifierConfig(100, 0.5);
        QCOMPARE(clas.outputP, 0.2);
        QCOMPARE(clas.hiddenP, 0.15);
        QCOMPARE(clas.inputP, 0.2);
        QCOMPARE(clas.embedP, 0.025);
        QCOMPARE(clas.weightP, 0.25);
    }

    void encoderAndLmShapes() {
        LanguageModel lm(tinyConfig());
        auto out = lm(randomTokens(4, 9));
        QCOMPARE(out.logits.sizes(), (c10::IntArrayRef{4, 9, 30}));
        QCOMPARE(out.rawLastHidden.sizes(), (c10::IntArrayRef{4, 9, 8}));
        QCOMPARE(out.droppedLastHidden.sizes(), (c10::IntArrayRef{4, 9, 8}));
        QCOMPARE(lm->encoder->rnns.size(), size_t(3));
        QCOMPARE(lm->encoder->hidden()[0].h.sizes(), (c10::IntArrayRef{1, 4, 12}));
        QCOMPARE(lm->encoder->hidden()[2].h.sizes(), (c10::IntArrayRef{1, 4, 8}));
        QVERIFY(!lm->encoder->hidden()[0].h.requires_grad()); // detached between batches
    }

    void decoderWeightIsTiedToEmbedding() {
        LanguageModel lm(tinyConfig());
        const auto& embedding = lm->encoder->encoder->weight;
        QCOMPARE(lm->decoder->weight().data_ptr(), embedding.data_ptr());
        {
            torch::NoGradGuard noGrad;
            embedding.fill_(0.5);
        }
        QCOMPARE(lm->decoder->weight()[3][2].item<float>(), 0.5f);
        // Registered once: the parameter count has vocab*emb once, plus the decoder bias.
        int64_t embeddingCopies = 0;
        for (const auto& p : lm->parameters())
            embeddingCopies += p.data_ptr() == embedding.data_ptr();
        QCOMPARE(embeddingCopies, int64_t(1));
    }

    void hiddenStateIsCarriedAndReset() {
        LanguageModel lm(tinyConfig());
        lm->eval();
        auto x = randomTokens(2, 6);
        auto first = lm(x).logits;
        auto second = lm(x).logits; // continues from the state left by the first call
        QVERIFY(!torch::allclose(first, second));
        lm->reset();
        QVERIFY(torch::allclose(lm(x).logits, first));
    }

    void hiddenStateAdaptsToBatchSize() {
        LanguageModel lm(tinyConfig());
        lm->eval();
        auto x = randomTokens(4, 6);
        lm(x);
        auto smaller = lm(x.narrow(0, 0, 3)).logits; // fastai keeps the first rows
        QCOMPARE(smaller.size(0), int64_t(3));
        QCOMPARE(lm->encoder->hidden()[0].h.size(1), int64_t(3));
        QCOMPARE(lm(x).logits.size(0), int64_t(4)); // and adds zero rows when it grows
    }

    void stateCarryMatchesOneLongSequence() {
        LanguageModel lm(tinyConfig());
        lm->eval();
        auto x = randomTokens(2, 12);
        auto whole = lm(x).logits;
        lm->reset();
        auto a = lm(x.narrow(1, 0, 5)).logits;
        auto b = lm(x.narrow(1, 5, 7)).logits;
        QVERIFY(torch::allclose(torch::cat({a, b}, 1), whole, 1e-5, 1e-6));
    }

    void evalIsDeterministicTrainingIsNot() {
        LanguageModel lm(tinyConfig());
        auto x = randomTokens(3, 7);
        lm->eval();
        lm->reset();
        auto e1 = lm(x).logits;
        lm->reset();
        QVERIFY(torch::equal(lm(x).logits, e1));
        lm->train();
        lm->reset();
        QVERIFY(!torch::allclose(lm(x).logits, e1));
    }

    void lossFallsOnOneRepeatedBatch() {
        auto config = tinyConfig().withDropMult(0.1); // little regularisation: memorise the batch
        config.embSize = 16;
        config.hiddenSize = 24;
        LanguageModel lm(config);
        torch::optim::Adam adam(lm->parameters(), torch::optim::AdamOptions(1e-2));
        // A learnable stream: each token determines the next one.
        auto stream = (torch::arange(44).view({4, 11}) * 7).remainder(28) + 2;
        auto x = stream.narrow(1, 0, 10).contiguous();
        auto y = stream.narrow(1, 1, 10).contiguous();
        float firstLoss = 0, lastLoss = 0;
        for (int step = 0; step < 60; ++step) {
            lm->reset();
            adam.zero_grad();
            auto out = lm(x);
            auto loss = torch::nn::functional::cross_entropy(out.logits.reshape({-1, 30}), y.reshape({-1}));
            auto ar = 2.0 * out.droppedLastHidden.pow(2).mean();
            auto raw = out.rawLastHidden;
            auto tar = 1.0 * (raw.narrow(1, 1, 9) - raw.narrow(1, 0, 9)).pow(2).mean();
            (loss + ar + tar).backward();
            adam.step();
            (step == 0 ? firstLoss : lastLoss) = loss.item<float>();
        }
        QVERIFY2(lastLoss < firstLoss * 0.5, qPrintable(QString("%1 -> %2").arg(firstLoss).arg(lastLoss)));
    }
};

QTEST_APPLESS_MAIN(LanguageModelTest)
#include "LanguageModelTest.moc"
