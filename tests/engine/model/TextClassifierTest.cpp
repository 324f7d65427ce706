#include "model/TextClassifier.h"
#include "TinyModel.h"

#include <QtTest/QtTest>
#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/linear.h>

using namespace ulmfit;
using test::randomTokens;
using test::tinyConfig;
using test::tinyOptions;

namespace {

torch::Tensor frontPad(const torch::Tensor& doc, int64_t pads) {
    return torch::cat({torch::full({1, pads}, 1, torch::kLong), doc}, 1);
}

torch::Tensor pooled(TextClassifier& model, const torch::Tensor& input) {
    auto encoded = model->encoder(input);
    return maskedConcatPool(encoded.output, encoded.mask);
}

} // namespace

class TextClassifierTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void init() { torch::manual_seed(3); }

    void outputShapes() {
        TextClassifier model(tinyConfig(30, true), tinyOptions());
        model->train();
        QCOMPARE(model(randomTokens(4, 13)).sizes(), (c10::IntArrayRef{4, 3}));
        model->eval();
        QCOMPARE(model(randomTokens(1, 3)).sizes(), (c10::IntArrayRef{1, 3}));
        auto detailed = model->forwardDetailed(randomTokens(2, 7));
        QCOMPARE(detailed.encoderOutput.sizes(), (c10::IntArrayRef{2, 7, 8}));
        QCOMPARE(detailed.mask.sizes(), (c10::IntArrayRef{2, 7}));
    }

    void headIsFastaiPoolingLinearClassifier() {
        TextClassifier model(tinyConfig(30, true), tinyOptions());
        std::vector<int64_t> bnSizes, linearIn;
        for (const auto& m : model->head->modules(false)) {
            if (auto* bn = m->as<torch::nn::BatchNorm1dImpl>())
                bnSizes.push_back(bn->options.num_features());
            if (auto* linear = m->as<torch::nn::LinearImpl>()) {
                linearIn.push_back(linear->options.in_features());
                QVERIFY(!linear->bias.defined()); // LinBnDrop: the BatchNorm carries the bias
            }
        }
        QCOMPARE(bnSizes, (std::vector<int64_t>{24, 6})); // 3 * emb, then lin_ftrs
        QCOMPARE(linearIn, (std::vector<int64_t>{24, 6}));
    }

    void poolingIgnoresFrontPadding() {
        TextClassifier model(tinyConfig(30, true), tinyOptions(5, 20));
        model->eval();
        auto doc = randomTokens(1, 8);
        auto alone = pooled(model, doc);
        for (int64_t pads : {1, 3, 5, 7, 10}) // whole chunks and partial ones
            QVERIFY2(torch::allclose(pooled(model, frontPad(doc, pads)), alone, 1e-5, 1e-6),
                     qPrintable(QString("pads=%1").arg(pads)));
        auto endPadded = torch::cat({doc, torch::ones({1, 4}, torch::kLong)}, 1);
        QVERIFY(torch::allclose(pooled(model, endPadded), alone, 1e-5, 1e-6));
    }

    void batchOfMixedLengthsMatchesSingleDocuments() {
        TextClassifier model(tinyConfig(30, true), tinyOptions(5, 20));
        model->eval();
        std::vector<torch::Tensor> docs{randomTokens(1, 12), randomTokens(1, 3), randomTokens(1, 31)};
        auto batch = torch::cat({frontPad(docs[0], 19), frontPad(docs[1], 28), docs[2]}, 0);
        auto logits = model(batch);
        for (size_t i = 0; i < docs.size(); ++i)
            QVERIFY(torch::allclose(logits[i], model(docs[i])[0], 1e-4, 1e-5));
    }

    void onlyTheLastMaxLenTokensArePooled() {
        TextClassifier model(tinyConfig(30, true), tinyOptions(5, 10));
        model->eval();
        auto encoded = model->encoder(randomTokens(2, 23));
        // Chunks start at 0,5,10,15,20; only those with end - start <= 10 stay: 15 and 20.
        QCOMPARE(encoded.output.size(1), int64_t(8));
        QCOMPARE(encoded.mask.logical_not().sum().item<int64_t>(), int64_t(16));
    }

    void maskedConcatPoolByHand() {
        auto output = torch::tensor({1.f, 5.f, 3.f, 100.f}).view({1, 4, 1});
        auto mask = torch::tensor({true, false, false, true}).view({1, 4}); // pads at both ends
        auto pooledValues = maskedConcatPool(output, mask);
        QVERIFY(torch::allclose(pooledValues, torch::tensor({{3.f, 5.f, 4.f}}))); // last, max, mean
    }

    void trainingStepUpdatesEveryGroup() {
        TextClassifier model(tinyConfig(30, true), tinyOptions());
        model->train();
        auto logits = model(randomTokens(4, 9));
        logits.sum().backward();
        for (const auto& p : model->parameters())
            QVERIFY(p.grad().defined());
    }
};

QTEST_APPLESS_MAIN(TextClassifierTest)
#include "TextClassifierTest.moc"
