// The device check: the toy end-to-end run on the CPU (and on CUDA where there is one), and
// a failing step named in the error.
#include "check/DeviceCheck.h"
#include "train/Precision.h"
#include "core/Error.h"

#include <torch/cuda.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace ulmfit;
namespace fs = std::filesystem;

class DeviceCheckTest : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    void checkOn(torch::Device device, const std::string& folder) {
        std::vector<std::string> lines;
        const auto result = checkDevice(device, fs::path(m_dir.path().toStdString()) / folder,
                                        [&](const std::string& line) { lines.push_back(line); });
        QCOMPARE(result.device, device.str());
        QCOMPARE(result.precision, precisionFor(device.is_cuda(), true).name());
        QCOMPARE(result.epochs, 6); // LM 2, then frozen 1, freeze_to(-2) 1, unfrozen 2
        QVERIFY2(result.accuracy >= 0.75, std::to_string(result.accuracy).c_str()); // learnable data
        QVERIFY(result.maxProbabilityGap <= 1e-2);
        if (device.is_cpu())
            QCOMPARE(result.maxProbabilityGap, 0.0); // the same weights on the same device
        QVERIFY(result.generated.size() > std::string("the movie").size());
        const auto said = [&](const std::string& text) {
            return std::any_of(lines.begin(), lines.end(),
                               [&](const auto& line) { return line.find(text) != std::string::npos; });
        };
        QVERIFY(said("stage 3/4: Classifier: freeze_to(-2); fit_one_cycle(1, slice(1e-3, 1e-2))"));
        QVERIFY(said("checkpoint saved"));
        QVERIFY(said("largest probability gap to the CPU"));
    }

private Q_SLOTS:
    void trainsSavesAndReloadsOnTheCpu() { checkOn(torch::kCPU, "cpu"); }

    void trainsSavesAndReloadsOnCuda() {
        if (!torch::cuda::is_available())
            QSKIP("no CUDA GPU here");
        checkOn(torch::Device(torch::kCUDA, 0), "cuda");
    }

    void aFailingStepIsNamed() {
        const fs::path blocker = fs::path(m_dir.path().toStdString()) / "a-file";
        std::ofstream(blocker) << "not a folder";
        try {
            checkDevice(torch::kCPU, blocker / "work");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("writing the synthetic reviews failed") != std::string::npos, e.what());
        }
    }
};

QTEST_GUILESS_MAIN(DeviceCheckTest)
#include "DeviceCheckTest.moc"
