// Device choice and how the CPU's cores are split between LibTorch's and OpenBLAS's pools.
#include "core/Error.h"
#include "core/ParallelFor.h"
#include "train/Device.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>

#include <QtTest>

#include <cstdlib>
#include <optional>
#include <string>

using namespace ulmfit;

extern "C" int openblas_get_num_threads() __attribute__((weak));

namespace {
/// Sets (or unsets) an environment variable for one scope and puts the old value back.
class ScopedEnv {
public:
    ScopedEnv(const char* name, std::optional<std::string> value) : m_name(name) {
        if (const char* old = std::getenv(name))
            m_old = old;
        if (value)
            setenv(name, value->c_str(), 1);
        else
            unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_old)
            setenv(m_name, m_old->c_str(), 1);
        else
            unsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};
} // namespace

class DeviceTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cpuIsAlwaysAvailable() {
        QCOMPARE(chooseDevice("cpu"), torch::Device(torch::kCPU));
        const auto automatic = chooseDevice("auto");
        QCOMPARE(automatic.is_cuda(), torch::cuda::is_available());
    }

    void unknownOrMissingDevicesAreUserErrors() {
        QVERIFY_THROWS_EXCEPTION(Error, chooseDevice("tpu"));
        if (!torch::cuda::is_available())
            QVERIFY_THROWS_EXCEPTION(Error, chooseDevice("cuda"));
    }

    void openBlasGetsTheCoresAndLibTorchOneThread() {
        if (!openblas_get_num_threads)
            QSKIP("LibTorch does not use OpenBLAS here");
        ScopedEnv blas("OPENBLAS_NUM_THREADS", std::nullopt);
        ScopedEnv omp("OMP_NUM_THREADS", std::nullopt);
        const CpuThreads threads = configureCpu();
        const int cores = defaultThreadCount();
        QCOMPARE(threads.blas, cores);
        QCOMPARE(openblas_get_num_threads(), cores);
        QCOMPARE(threads.intraOp, cores > 1 ? 1 : cores);
        QCOMPARE(at::get_num_threads(), threads.intraOp);
        QCOMPARE(threads.cores(), cores);
    }

    void aBlasPinnedToOneThreadLeavesTheCoresToLibTorch() {
        if (!openblas_get_num_threads)
            QSKIP("LibTorch does not use OpenBLAS here");
        ScopedEnv blas("OPENBLAS_NUM_THREADS", "1");
        ScopedEnv omp("OMP_NUM_THREADS", std::nullopt);
        const CpuThreads threads = configureCpu();
        QCOMPARE(threads.blas, 1);
        QCOMPARE(threads.intraOp, defaultThreadCount());
        QCOMPARE(at::get_num_threads(), defaultThreadCount());
        QVERIFY(QString::fromStdString(threads.describe()).contains("OpenBLAS 1"));
    }

    void ompNumThreadsWinsForLibTorch() {
        ScopedEnv omp("OMP_NUM_THREADS", "3");
        const CpuThreads threads = configureCpu();
        QCOMPARE(threads.intraOp, 3);
        QCOMPARE(at::get_num_threads(), 3);
    }
};

QTEST_GUILESS_MAIN(DeviceTest)
#include "DeviceTest.moc"
