// fusedLstm against LibTorch's at::lstm: the same outputs and the same gradients for every input,
// in float32 tightly and with bfloat16 matmuls within bfloat16's precision.
#include "model/FusedLstm.h"

#include <QtTest/QtTest>
#include <ATen/ATen.h>
#include <ATen/Parallel.h>
#include <torch/autograd.h>

using namespace ulmfit;

namespace {

struct LstmInputs {
    std::vector<torch::Tensor> all; // input, h0, c0, w_ih, w_hh, b_ih, b_hh (leaves requiring grad)
};

LstmInputs randomInputs(int64_t bs, int64_t sl, int64_t in, int64_t hidden) {
    const auto leaf = [](torch::Tensor t) { return t.requires_grad_(true); };
    // Weights at PyTorch's init scale, inputs and states large enough to saturate some gates.
    const double bound = 1.0 / std::sqrt(double(hidden));
    return {{leaf(torch::randn({bs, sl, in}) * 2), leaf(torch::randn({1, bs, hidden})),
             leaf(torch::randn({1, bs, hidden}) * 2), leaf(torch::rand({4 * hidden, in}) * 2 * bound - bound),
             leaf(torch::rand({4 * hidden, hidden}) * 4 * bound - 2 * bound), leaf(torch::randn({4 * hidden}) * 0.5),
             leaf(torch::randn({4 * hidden}) * 0.5)}};
}

/// The three outputs and the gradients of all seven inputs under fixed random output gradients.
std::vector<torch::Tensor> runReference(const LstmInputs& p, const std::vector<torch::Tensor>& upstream) {
    auto [out, h, c] = at::lstm(p.all[0], {p.all[1], p.all[2]}, {p.all[3], p.all[4], p.all[5], p.all[6]},
                                /*has_biases=*/true, 1, 0.0, /*train=*/true, false, /*batch_first=*/true);
    std::vector<torch::Tensor> result{out.detach(), h.detach(), c.detach()};
    const auto grads = torch::autograd::grad({out, h, c}, p.all, upstream);
    result.insert(result.end(), grads.begin(), grads.end());
    return result;
}

std::vector<torch::Tensor> runFused(const LstmInputs& p, const std::vector<torch::Tensor>& upstream,
                                    at::ScalarType matmulDtype) {
    auto [out, h, c] = fusedLstm(p.all[0], p.all[1], p.all[2], p.all[3], p.all[4], p.all[5], p.all[6], matmulDtype);
    std::vector<torch::Tensor> result{out.detach(), h.detach(), c.detach()};
    const auto grads = torch::autograd::grad({out, h, c}, p.all, upstream);
    result.insert(result.end(), grads.begin(), grads.end());
    return result;
}

const char* const kNames[] = {"output", "h", "c", "d input", "d h0", "d c0", "d w_ih", "d w_hh", "d b_ih", "d b_hh"};

} // namespace

class FusedLstmTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void init() { torch::manual_seed(11); }

    void float32MatchesLibTorchsLstm_data() {
        QTest::addColumn<int>("bs");
        QTest::addColumn<int>("sl");
        QTest::addColumn<int>("hidden");
        QTest::addColumn<int>("threads");
        QTest::newRow("small, one block of rows") << 5 << 23 << 12 << 1;
        // 4,096 values per block: 40 rows of 256 are split between two threads.
        QTest::newRow("rows split between threads") << 40 << 6 << 256 << 2;
    }

    void float32MatchesLibTorchsLstm() {
        QFETCH(int, bs);
        QFETCH(int, sl);
        QFETCH(int, hidden);
        QFETCH(int, threads);
        const int before = at::get_num_threads();
        at::set_num_threads(threads);
        const auto p = randomInputs(bs, sl, 7, hidden);
        const std::vector<torch::Tensor> upstream{torch::randn({bs, sl, hidden}), torch::randn({1, bs, hidden}),
                                                  torch::randn({1, bs, hidden})};
        const auto expected = runReference(p, upstream);
        const auto actual = runFused(p, upstream, at::kFloat);
        at::set_num_threads(before);
        for (size_t i = 0; i < expected.size(); ++i) {
            const double error = (actual[i] - expected[i]).abs().max().item<double>();
            const double scale = expected[i].abs().max().item<double>();
            QVERIFY2(actual[i].sizes() == expected[i].sizes(), kNames[i]);
            QVERIFY2(error <= 2e-5 * std::max(1.0, scale), qPrintable(QStringLiteral("%1: max error %2 (scale %3)")
                                                                          .arg(kNames[i])
                                                                          .arg(error)
                                                                          .arg(scale)));
        }
    }

    void bfloat16MatmulsStayWithinItsPrecision() {
        const auto p = randomInputs(8, 40, 16, 32);
        const std::vector<torch::Tensor> upstream{torch::randn({8, 40, 32}), torch::zeros({1, 8, 32}),
                                                  torch::zeros({1, 8, 32})};
        const auto expected = runReference(p, upstream);
        const auto actual = runFused(p, upstream, at::kBFloat16);
        for (size_t i = 0; i < expected.size(); ++i) {
            // bfloat16 keeps 8 bits of mantissa: relative to each tensor's size, not element by element.
            const double error = (actual[i] - expected[i]).norm().item<double>();
            const double scale = expected[i].norm().item<double>();
            QVERIFY2(actual[i].scalar_type() == at::kFloat, kNames[i]);
            QVERIFY2(error <= 0.03 * scale, qPrintable(QStringLiteral("%1: relative error %2")
                                                          .arg(kNames[i])
                                                          .arg(error / scale)));
        }
    }

    // Frozen layers and inference: nothing asks for gradients, and the result is the same.
    void runsWithoutAGraph() {
        const auto p = randomInputs(3, 9, 4, 6);
        torch::NoGradGuard noGrad;
        auto [out, h, c] = fusedLstm(p.all[0], p.all[1], p.all[2], p.all[3], p.all[4], p.all[5], p.all[6], at::kFloat);
        QVERIFY(!out.requires_grad());
        auto [refOut, refH, refC] = at::lstm(p.all[0], {p.all[1], p.all[2]}, {p.all[3], p.all[4], p.all[5], p.all[6]},
                                             true, 1, 0.0, false, false, true);
        QVERIFY(torch::allclose(out, refOut, 1e-5, 2e-6));
        QVERIFY(torch::allclose(h, refH, 1e-5, 2e-6) && torch::allclose(c, refC, 1e-5, 2e-6));
    }

    // Only the weights train (the input is data): no input gradient is computed or returned.
    void onlyRequestedGradientsFlow() {
        auto p = randomInputs(2, 5, 3, 4);
        p.all[0] = p.all[0].detach();
        p.all[1] = p.all[1].detach();
        p.all[2] = p.all[2].detach();
        auto [out, h, c] = fusedLstm(p.all[0], p.all[1], p.all[2], p.all[3], p.all[4], p.all[5], p.all[6], at::kFloat);
        out.sum().backward();
        QVERIFY(!p.all[0].grad().defined());
        for (int i = 3; i < 7; ++i)
            QVERIFY(p.all[i].grad().defined() && p.all[i].grad().abs().sum().item<double>() > 0);
    }

    void rejectsWhatItCannotRun() {
        const auto p = randomInputs(2, 5, 3, 4);
        QVERIFY_THROWS_EXCEPTION(c10::Error, fusedLstm(p.all[0].to(at::kDouble), p.all[1], p.all[2], p.all[3],
                                                       p.all[4], p.all[5], p.all[6], at::kFloat));
        QVERIFY_THROWS_EXCEPTION(c10::Error, fusedLstm(p.all[0].narrow(2, 0, 2), p.all[1], p.all[2], p.all[3],
                                                       p.all[4], p.all[5], p.all[6], at::kFloat));
    }
};

QTEST_GUILESS_MAIN(FusedLstmTest)
#include "FusedLstmTest.moc"
