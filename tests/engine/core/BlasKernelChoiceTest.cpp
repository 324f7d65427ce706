// The BLAS kernel decision as a table: OpenBLAS's pick + CPU features + environment -> action, reason.
#include "core/BlasKernelChoice.h"
#include "core/BlasKernels.h"

#include <QtTest>

#include <cstdlib>
#include <fstream>

using namespace ulmfit;

namespace {
constexpr const char* kDebianConfig = "OpenBLAS 0.3.21 NO_LAPACKE DYNAMIC_ARCH NO_AFFINITY %1 MAX_THREADS=64";

std::optional<std::string> optional(const QString& text) {
    return text.isEmpty() ? std::nullopt : std::optional<std::string>(text.toStdString());
}
} // namespace

class BlasKernelChoiceTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void decides_data() {
        QTest::addColumn<QString>("core");     // empty: not OpenBLAS
        QTest::addColumn<QString>("config");   // empty: Debian's build with `core` in it
        QTest::addColumn<QString>("features"); // "", "avx2" or "avx512"
        QTest::addColumn<QString>("userCoreType");
        QTest::addColumn<QString>("marker");
        QTest::addColumn<QString>("reExecWith"); // empty: keep
        QTest::addColumn<QString>("summary");

        QTest::newRow("emerald rapids fallback")
            << "Prescott"
            << ""
            << "avx512"
            << ""
            << ""
            << "SkylakeX"
            << "Prescott (OpenBLAS 0.3.21 fell back to Prescott on a CPU "
               "with AVX-512: restarting with OPENBLAS_CORETYPE=SkylakeX)";
        QTest::newRow("avx2 only fallback")
            << "Prescott"
            << ""
            << "avx2"
            << ""
            << ""
            << "Haswell"
            << "Prescott (OpenBLAS 0.3.21 fell back to Prescott on a CPU with "
               "AVX2: restarting with OPENBLAS_CORETYPE=Haswell)";
        QTest::newRow("unknown AMD family")
            << "Barcelona"
            << ""
            << "avx2"
            << ""
            << ""
            << "Haswell"
            << "Barcelona (OpenBLAS 0.3.21 fell back to Barcelona on a CPU with "
               "AVX2: restarting with OPENBLAS_CORETYPE=Haswell)";
        QTest::newRow("case of the name") << "PRESCOTT"
                                          << ""
                                          << "avx512"
                                          << ""
                                          << ""
                                          << "SkylakeX"
                                          << "PRESCOTT (OpenBLAS 0.3.21 fell back to PRESCOTT on a CPU with "
                                             "AVX-512: restarting with OPENBLAS_CORETYPE=SkylakeX)";
        QTest::newRow("restarted by us")
            << "SkylakeX"
            << ""
            << "avx512"
            << "SkylakeX"
            << "Prescott>SkylakeX"
            << ""
            << "SkylakeX (chosen automatically: OpenBLAS 0.3.21 fell back to Prescott "
               "on a CPU with AVX-512)";
        QTest::newRow("restarted, library ignored it")
            << "Prescott"
            << ""
            << "avx512"
            << "SkylakeX"
            << "Prescott>SkylakeX"
            << ""
            << "Prescott (OpenBLAS 0.3.21 ignored OPENBLAS_CORETYPE=SkylakeX set automatically)";
        QTest::newRow("user's setting") << "Haswell"
                                        << ""
                                        << "avx512"
                                        << "Haswell"
                                        << ""
                                        << ""
                                        << "Haswell (set by OPENBLAS_CORETYPE)";
        QTest::newRow("user forces the fallback") << "Prescott"
                                                  << ""
                                                  << "avx512"
                                                  << "Prescott"
                                                  << ""
                                                  << ""
                                                  << "Prescott (set by OPENBLAS_CORETYPE)";
        QTest::newRow("user's misspelt name")
            << "Cooperlake"
            << ""
            << "avx512"
            << "Skylake"
            << ""
            << ""
            << "Cooperlake (OPENBLAS_CORETYPE=Skylake is set but OpenBLAS 0.3.21 "
               "chose Cooperlake)";
        QTest::newRow("stale marker, user's own value") << "Haswell"
                                                        << ""
                                                        << "avx512"
                                                        << "Haswell"
                                                        << "Prescott>SkylakeX"
                                                        << ""
                                                        << "Haswell (set by OPENBLAS_CORETYPE)";
        QTest::newRow("stale marker, variable unset")
            << "Prescott"
            << ""
            << "avx512"
            << ""
            << "Prescott>SkylakeX"
            << "SkylakeX"
            << "Prescott (OpenBLAS 0.3.21 fell back to Prescott on a CPU with AVX-512: restarting with "
               "OPENBLAS_CORETYPE=SkylakeX)";
        QTest::newRow("recognised cpu") << "Cooperlake"
                                        << ""
                                        << "avx512"
                                        << ""
                                        << ""
                                        << ""
                                        << "Cooperlake (detected by OpenBLAS 0.3.21)";
        QTest::newRow("zen") << "Zen"
                             << ""
                             << "avx2"
                             << ""
                             << ""
                             << ""
                             << "Zen (detected by OpenBLAS 0.3.21)";
        QTest::newRow("old cpu without avx2") << "Nehalem"
                                              << ""
                                              << ""
                                              << ""
                                              << ""
                                              << ""
                                              << "Nehalem (detected by OpenBLAS 0.3.21)";
        QTest::newRow("deliberate pick kept") << "Excavator"
                                              << ""
                                              << "avx2"
                                              << ""
                                              << ""
                                              << ""
                                              << "Excavator (detected by OpenBLAS 0.3.21)";
        QTest::newRow("no DYNAMIC_ARCH")
            << "Prescott"
            << "OpenBLAS 0.3.21 NO_AFFINITY Prescott MAX_THREADS=64"
            << "avx512"
            << ""
            << ""
            << ""
            << "Prescott (built into OpenBLAS 0.3.21 (no DYNAMIC_ARCH: cannot be "
               "changed))";
        QTest::newRow("not OpenBLAS") << ""
                                      << ""
                                      << "avx512"
                                      << ""
                                      << ""
                                      << ""
                                      << "not OpenBLAS (the BLAS library is not OpenBLAS; it chooses its own "
                                         "kernels)";
    }

    void decides() {
        QFETCH(QString, core);
        QFETCH(QString, config);
        QFETCH(QString, features);
        QFETCH(QString, userCoreType);
        QFETCH(QString, marker);
        QFETCH(QString, reExecWith);
        QFETCH(QString, summary);
        BlasSituation situation;
        situation.coreName = optional(core);
        if (!core.isEmpty())
            situation.config = (config.isEmpty() ? QString(kDebianConfig).arg(core) : config).toStdString();
        situation.cpu.avx2 = !features.isEmpty();
        situation.cpu.avx512 = features == "avx512";
        situation.userCoreType = optional(userCoreType);
        situation.autoMarker = optional(marker);

        const BlasKernelChoice choice = chooseBlasKernels(situation);
        QCOMPARE(choice.reExec, !reExecWith.isEmpty());
        QCOMPARE(QString::fromStdString(choice.coreType), reExecWith);
        QCOMPARE(QString::fromStdString(choice.summary()), summary);
    }

    void markerNamesBothCores() {
        QCOMPARE(autoMarkerValue("Prescott", "SkylakeX"), std::string("Prescott>SkylakeX"));
    }

    void shortSummaryForTheStatusBar() {
        BlasSituation situation;
        situation.coreName = "SkylakeX";
        situation.config = "OpenBLAS 0.3.21 DYNAMIC_ARCH SkylakeX";
        situation.userCoreType = "SkylakeX";
        situation.autoMarker = "Prescott>SkylakeX";
        QCOMPARE(chooseBlasKernels(situation).shortSummary(), std::string("SkylakeX (automatic)"));
        situation.autoMarker.reset();
        QCOMPARE(chooseBlasKernels(situation).shortSummary(), std::string("SkylakeX (OPENBLAS_CORETYPE)"));
        // A process still on the generic kernels where a restart was called for (a test executable
        // that does not restart, or a failed exec) says so instead of "detected".
        situation.userCoreType.reset();
        situation.coreName = "Prescott";
        situation.cpu.avx2 = situation.cpu.avx512 = true;
        QCOMPARE(chooseBlasKernels(situation).shortSummary(), std::string("Prescott (generic fallback)"));
        situation.cpu.avx2 = situation.cpu.avx512 = false; // a CPU for which Prescott's kernels are right
        QCOMPARE(chooseBlasKernels(situation).shortSummary(), std::string("Prescott (detected)"));
    }

    // The vendor read from CPUID's leaf 0 is the one Linux reports (the vendor strings' register
    // values are spelled out as numbers in CpuFeatures.cpp).
    void vendorAgreesWithProcCpuinfo() {
        std::ifstream cpuinfo("/proc/cpuinfo");
        std::string line, vendor;
        while (vendor.empty() && std::getline(cpuinfo, line))
            if (line.rfind("vendor_id", 0) == 0)
                vendor = line.substr(line.find(':') + 2);
        if (vendor.empty())
            QSKIP("no vendor_id in /proc/cpuinfo (not an x86 Linux machine)");
        const CpuVendor expected = vendor == "GenuineIntel"   ? CpuVendor::Intel
                                   : vendor == "AuthenticAMD" ? CpuVendor::Amd
                                                              : CpuVendor::Other;
        QCOMPARE(int(detectCpuFeatures().vendor), int(expected));
    }

    // This executable links no BLAS (engine/core only): the probe must say so, not crash.
    void probeWithoutOpenBlas() {
        const BlasKernelChoice choice = currentBlasKernels();
        QVERIFY(!choice.reExec);
        QCOMPARE(int(choice.origin), int(BlasKernelChoice::Origin::NotOpenBlas));
    }
};

QTEST_APPLESS_MAIN(BlasKernelChoiceTest)
#include "BlasKernelChoiceTest.moc"
