#include "TinyModel.h"
#include "model/EmbeddingDropout.h"
#include "model/LstmLayer.h"
#include "model/RNNDropout.h"
#include "model/WeightDropout.h"

#include <QtTest/QtTest>
#include <torch/nn/modules/embedding.h>

using namespace ulmfit;

class DropoutTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void init() { torch::manual_seed(7); }

    void embeddingDropoutDropsWholeRowsAndRescales() {
        torch::nn::Embedding emb(torch::nn::EmbeddingOptions(50, 6).padding_idx(1));
        EmbeddingDropout dropout(emb, 0.5);
        dropout->train();
        auto words = torch::arange(50).repeat({3, 1}); // every word three times (three rows)
        auto out = dropout(words);
        const auto weight = emb->weight.detach();
        int dropped = 0;
        for (int64_t w = 0; w < 50; ++w) {
            auto row = out.index({0, w});
            // The same decision in every occurrence of the word.
            QVERIFY(torch::equal(row, out.index({1, w})) && torch::equal(row, out.index({2, w})));
            if (row.abs().sum().item<float>() == 0)
                ++dropped;
            else
                QVERIFY(torch::allclose(row, weight[w] * 2.0)); // survivors rescaled by 1/(1-p)
        }
        QVERIFY(dropped > 10 && dropped < 40);
        dropout->eval();
        QVERIFY(torch::equal(dropout(words), emb(words)));
    }

    void rnnDropoutSharesOneMaskAcrossTime() {
        RNNDropout dropout(0.5);
        dropout->train();
        auto x = torch::ones({4, 7, 10});
        auto out = dropout(x);
        for (int64_t t = 1; t < 7; ++t)
            QVERIFY(torch::equal(out.select(1, t), out.select(1, 0)));
        auto values = std::get<0>(at::_unique(out));
        QVERIFY(torch::equal(values, torch::tensor({0.f, 2.f})));
        dropout->eval();
        QVERIFY(torch::equal(dropout(x), x));
    }

    void weightDropoutOnlyInTraining() {
        auto raw = torch::randn({8, 4});
        WeightDropout dropout(raw, 0.5);
        dropout->train();
        auto a = dropout->forward();
        auto b = dropout->forward();
        QVERIFY(!torch::equal(a, b)); // a fresh mask per forward pass
        auto kept = a != 0;
        QVERIFY(torch::allclose(a.masked_select(kept), raw.masked_select(kept) * 2.0));
        QVERIFY(torch::equal(dropout->raw(), raw)); // the raw weight is never overwritten
        dropout->eval();
        QVERIFY(torch::equal(dropout->forward(), raw));
    }

    void lstmLayerIsDeterministicInEvalOnly() {
        LstmLayer layer(5, 6, 0.5);
        auto x = torch::randn({2, 4, 5});
        LstmLayerState zero{torch::zeros({1, 2, 6}), torch::zeros({1, 2, 6})};
        layer->eval();
        auto e1 = std::get<0>(layer(x, zero));
        auto e2 = std::get<0>(layer(x, zero));
        QCOMPARE(e1.sizes(), (c10::IntArrayRef{2, 4, 6}));
        QVERIFY(torch::equal(e1, e2));
        layer->train();
        auto t1 = std::get<0>(layer(x, zero));
        QVERIFY(!torch::allclose(t1, e1)); // hidden-to-hidden weights were dropped
    }

    void weightHhGetsGradientThroughTheDroppedCopy() {
        LstmLayer layer(3, 4, 0.3);
        layer->train();
        LstmLayerState zero{torch::zeros({1, 1, 4}), torch::zeros({1, 1, 4})};
        std::get<0>(layer(torch::randn({1, 5, 3}), zero)).sum().backward();
        QVERIFY(layer->weightHh->raw().grad().defined());
        QVERIFY(layer->weightHh->raw().grad().abs().sum().item<float>() > 0);
    }
};

QTEST_APPLESS_MAIN(DropoutTest)
#include "DropoutTest.moc"
