// The precision choice (a pure function of the CPU, the device and the setting), and that a
// bfloat16 mixed-precision step of an AWD-LSTM language model agrees with a float32 one.
#include "model/AwdLstmConfig.h"
#include "model/Autocast.h"
#include "model/LanguageModel.h"
#include "train/Learner.h"
#include "train/MixedPrecision.h"
#include "train/ModelAdapters.h"
#include "train/OneCycleScheduler.h"
#include "train/Precision.h"

#include <QtTest>

using namespace ulmfit;

Q_DECLARE_METATYPE(ulmfit::Precision)
Q_DECLARE_METATYPE(ulmfit::CpuVendor)

namespace {

/// Random next-token batches over a small vocabulary, the same every time.
class RandomLmBatches : public BatchSource {
public:
    RandomLmBatches(int count, int vocab) {
        torch::manual_seed(7);
        for (int i = 0; i < count; ++i) {
            auto tokens = torch::randint(2, vocab, {4, 13}, torch::kLong);
            m_batches.push_back({tokens.narrow(1, 0, 12), tokens.narrow(1, 1, 12)});
        }
    }
    std::size_t size() const override { return m_batches.size(); }
    Batch batch(std::size_t index) override { return m_batches.at(index); }

private:
    std::vector<Batch> m_batches;
};

struct StepResult {
    double loss = 0;
    std::vector<torch::Tensor> weights;
};

/// Two training steps of the same tiny LM (dropouts off, same seed) in `precision`.
StepResult trainTwoSteps(Precision precision) {
    torch::manual_seed(0);
    AwdLstmConfig config = lmConfig(50).withDropMult(0.0);
    config.embSize = 16;
    config.hiddenSize = 24;
    LanguageModel lm(config);
    RandomLmBatches batches(2, 50);
    Learner learn(learnerModel(lm), batches, nullptr, torch::kCPU);
    if (precision != Precision::Float32)
        learn.addCallback(std::make_shared<MixedPrecision>(precision));
    struct LastLoss : Callback {
        double value = 0;
        void afterBatch(Learner& l) override { value = l.loss.item<double>(); }
    };
    auto lastLoss = std::make_shared<LastLoss>();
    learn.addCallback(lastLoss);
    learn.addCallback(std::make_shared<OneCycleScheduler>(LearningRate::plain(1e-2)));
    learn.fit(1);
    StepResult result{lastLoss->value, {}};
    for (const auto& p : lm->parameters())
        result.weights.push_back(p.detach().clone());
    return result;
}

} // namespace

class PrecisionTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void choice_data() {
        QTest::addColumn<CpuVendor>("vendor");
        QTest::addColumn<bool>("cuda");
        QTest::addColumn<bool>("wanted");
        QTest::addColumn<bool>("avx512Bf16");
        QTest::addColumn<bool>("amxBf16");
        QTest::addColumn<bool>("oneDnn");
        QTest::addColumn<Precision>("expected");
        QTest::addColumn<QString>("reason");
        const auto F32 = Precision::Float32, F16 = Precision::Float16Mixed, BF16 = Precision::BFloat16Mixed;
        const auto amd = CpuVendor::Amd, intel = CpuVendor::Intel, other = CpuVendor::Other;
        QTest::newRow("cuda") << intel << true << true << false << false << false << F16 << "CUDA";
        QTest::newRow("cuda, turned off") << amd << true << false << true << true << true << F32
                                          << "mixed precision turned off";
        QTest::newRow("zen 4") << amd << false << true << true << false << true << BF16 << "the CPU has AVX512-BF16";
        QTest::newRow("intel, avx512-bf16 without amx")
            << intel << false << true << true << false << true << F32
            << "bfloat16 without AMX is slower than float32 on this CPU";
        QTest::newRow("other vendor, avx512-bf16") << other << false << true << true << false << true << F32
                                                   << "bfloat16 without AMX is slower than float32 on this CPU";
        QTest::newRow("sapphire rapids") << intel << false << true << true << true << true << BF16
                                         << "the CPU has AMX-BF16";
        QTest::newRow("avx2 only") << amd << false << true << false << false << true << F32
                                   << "the CPU has neither AVX512-BF16 nor AMX-BF16";
        QTest::newRow("no onednn") << amd << false << true << true << false << false << F32
                                   << "this LibTorch was built without oneDNN";
        QTest::newRow("cpu, turned off") << amd << false << false << true << true << true << F32
                                         << "mixed precision turned off";
    }

    void choice() {
        QFETCH(CpuVendor, vendor);
        QFETCH(bool, cuda);
        QFETCH(bool, wanted);
        QFETCH(bool, avx512Bf16);
        QFETCH(bool, amxBf16);
        QFETCH(bool, oneDnn);
        QFETCH(Precision, expected);
        QFETCH(QString, reason);
        PrecisionSituation situation;
        situation.cuda = cuda;
        situation.mixedPrecisionWanted = wanted;
        situation.cpu.vendor = vendor;
        situation.cpu.avx2 = situation.cpu.avx512 = true;
        situation.cpu.avx512Bf16 = avx512Bf16;
        situation.cpu.amxBf16 = amxBf16;
        situation.oneDnn = oneDnn;
        const PrecisionChoice choice = choosePrecision(situation);
        QCOMPARE(choice.precision, expected);
        QCOMPARE(QString::fromStdString(choice.reason), reason);
        QCOMPARE(choice.mixed(), expected != Precision::Float32);
    }

    void summaryNamesThePrecisionAndWhy() {
        PrecisionSituation situation;
        situation.cpu.vendor = CpuVendor::Amd;
        situation.cpu.avx512Bf16 = true;
        situation.oneDnn = true;
        QCOMPARE(choosePrecision(situation).summary(), std::string("bfloat16 mixed precision (the CPU has AVX512-BF16)"));
    }

    void thisMachinesChoiceFollowsItsCpu() {
        const CpuFeatures cpu = detectCpuFeatures();
        const PrecisionChoice choice = precisionFor(false, true);
        QCOMPARE(choice.precision == Precision::BFloat16Mixed,
                 (cpu.amxBf16 || (cpu.avx512Bf16 && cpu.vendor == CpuVendor::Amd)) && at::hasMKLDNN());
        QCOMPARE(precisionFor(false, false).precision, Precision::Float32);
    }

    // bfloat16 keeps 8 bits of mantissa: one step's loss agrees to about 1%, and the weights
    // after two Adam steps (float32 master weights) differ by a fraction of the step size.
    void bfloat16StepAgreesWithFloat32() {
        const StepResult f32 = trainTwoSteps(Precision::Float32);
        const StepResult bf16 = trainTwoSteps(Precision::BFloat16Mixed);
        QVERIFY2(std::abs(bf16.loss - f32.loss) <= 0.01 * f32.loss,
                 qPrintable(QString("float32 %1, bfloat16 %2").arg(f32.loss).arg(bf16.loss)));
        QVERIFY(bf16.loss != f32.loss); // the bfloat16 path did run
        double maxDiff = 0;
        for (std::size_t i = 0; i < f32.weights.size(); ++i) {
            QCOMPARE(bf16.weights[i].scalar_type(), torch::kFloat); // master weights stay float32
            maxDiff = std::max(maxDiff, (bf16.weights[i] - f32.weights[i]).abs().max().item<double>());
        }
        QVERIFY2(maxDiff <= 5e-3, qPrintable(QString("max weight difference %1").arg(maxDiff)));
        QVERIFY(!autocast::cpuEnabled()); // switched off after the fit
    }
};

QTEST_GUILESS_MAIN(PrecisionTest)
#include "PrecisionTest.moc"
