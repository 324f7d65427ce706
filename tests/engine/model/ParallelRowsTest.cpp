// encodeRowsInParallel: blocks of a batch's rows encoded on their own threads give what one call
// over the batch gives — outputs, masks and the weights' gradients — including blocks whose rows
// all start later than the batch's longest.
#include "model/ParallelRows.h"
#include "TinyModel.h"

#include <QtTest/QtTest>

using namespace ulmfit;

namespace {

AwdLstmConfig withoutDropout() {
    auto config = test::tinyConfig(30, true);
    config.embedP = config.inputP = config.hiddenP = config.weightP = config.outputP = 0;
    return config;
}

/// Six reviews, front-padded as the classifier's batches are: the last three are short enough that
/// a block of them skips the first two chunks the batch keeps.
torch::Tensor mixedBatch() {
    auto batch = test::randomTokens(6, 17);
    batch.narrow(0, 3, 3).narrow(1, 0, 11).fill_(1);
    batch.index_put_({1, torch::indexing::Slice(0, 3)}, 1);
    return batch;
}

std::map<std::string, torch::Tensor> gradients(torch::nn::Module& module) {
    std::map<std::string, torch::Tensor> grads;
    for (const auto& p : module.named_parameters())
        grads[p.key()] = p.value().grad().defined() ? p.value().grad().clone() : torch::Tensor();
    return grads;
}

} // namespace

class ParallelRowsTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void init() { torch::manual_seed(5); }

    void blocksGiveTheBatchsOutputAndMask_data() {
        QTest::addColumn<int>("blocks");
        QTest::newRow("two blocks") << 2;
        QTest::newRow("three blocks") << 3;
        QTest::newRow("more blocks than rows: one call") << 8;
    }

    void blocksGiveTheBatchsOutputAndMask() {
        QFETCH(int, blocks);
        SentenceEncoder encoder(AwdLstm(withoutDropout()), 5, 20, 1);
        encoder->eval();
        torch::NoGradGuard noGrad;
        const auto batch = mixedBatch();
        const auto expected = encoder->forward(batch);
        const auto actual = encodeRowsInParallel(*encoder, batch, blocks);
        QCOMPARE(actual.output.sizes(), expected.output.sizes());
        QVERIFY(torch::equal(actual.mask, expected.mask));
        QVERIFY(torch::allclose(actual.output, expected.output, 1e-5, 1e-6));
    }

    void blocksGiveTheBatchsGradients() {
        SentenceEncoder encoder(AwdLstm(withoutDropout()), 5, 20, 1);
        encoder->train();
        const auto batch = mixedBatch();
        const auto weights = torch::randn({6, 17, 8});
        (encoder->forward(batch).output * weights).sum().backward();
        const auto expected = gradients(*encoder);
        encoder->zero_grad();
        (encodeRowsInParallel(*encoder, batch, 2).output * weights).sum().backward();
        const auto actual = gradients(*encoder);
        QCOMPARE(actual.size(), expected.size());
        for (const auto& [name, grad] : expected) {
            QVERIFY2(grad.defined() && actual.at(name).defined(), name.c_str());
            QVERIFY2(torch::allclose(actual.at(name), grad, 1e-4, 1e-6), name.c_str());
        }
    }

    // Frozen encoder (the classifier's first stage): nothing to run backward for, no error.
    void frozenEncoderNeedsNoBackward() {
        SentenceEncoder encoder(AwdLstm(withoutDropout()), 5, 20, 1);
        encoder->train();
        for (auto& p : encoder->parameters())
            p.requires_grad_(false);
        auto head = torch::randn({8}, torch::requires_grad());
        (encodeRowsInParallel(*encoder, mixedBatch(), 2).output * head).sum().backward();
        QVERIFY(head.grad().defined());
        for (const auto& p : encoder->parameters())
            QVERIFY(!p.grad().defined());
    }

    // A failure on a block's thread reaches the caller as the same exception.
    void aBlocksErrorReachesTheCaller() {
        SentenceEncoder encoder(AwdLstm(withoutDropout()), 5, 20, 1);
        auto batch = mixedBatch();
        batch.narrow(0, 3, 3).fill_(1); // the second block holds only padding
        QVERIFY_THROWS_EXCEPTION(std::exception, encodeRowsInParallel(*encoder, batch, 2));
    }
};

QTEST_GUILESS_MAIN(ParallelRowsTest)
#include "ParallelRowsTest.moc"
