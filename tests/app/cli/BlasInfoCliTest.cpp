// `ulmfit info` names the BLAS kernel set in use and why, for each way it can have been chosen,
// and the automatic restart away from OpenBLAS's generic fallback works in a real process.
#include "core/BlasKernels.h"

#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

namespace {
/// The info line for a child whose environment sets exactly these BLAS variables (the dev
/// machine's own OPENBLAS_CORETYPE, and any marker this test inherited, are removed first).
QString blasLine(const QMap<QString, QString>& set, const QString& preload = {}) {
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove("OPENBLAS_CORETYPE");
    env.remove(ulmfit::kAutoMarkerVariable);
    for (auto it = set.begin(); it != set.end(); ++it)
        env.insert(it.key(), it.value());
    if (!preload.isEmpty())
        env.insert("LD_PRELOAD", preload);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(ULMFIT_CLI_PATH, {"info"});
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return "failed: " + process.readAllStandardError();
    for (const QString& line : QString(process.readAllStandardOutput()).split('\n'))
        if (line.startsWith("BLAS kernels: "))
            return line.mid(14);
    return "no BLAS line";
}

bool usesOpenBlas() {
    return !blasLine({}).startsWith("not OpenBLAS");
}
} // namespace

class BlasInfoCliTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() {
        if (!usesOpenBlas())
            QSKIP("this build's BLAS is not OpenBLAS: nothing to choose");
    }

    void unsetIsOpenBlasOwnChoiceOrOurs() {
        const QString line = blasLine({});
        static const QRegularExpression own(
            R"(^\w+ \((detected by OpenBLAS [\d.]+|chosen automatically: .+)\)$)");
        QVERIFY2(own.match(line).hasMatch(), qPrintable(line));
    }

    void setByTheUser() {
        QCOMPARE(blasLine({{"OPENBLAS_CORETYPE", "Haswell"}}), QString("Haswell (set by OPENBLAS_CORETYPE)"));
        // Forcing the generic kernels is the user's call too: no restart over it.
        QCOMPARE(blasLine({{"OPENBLAS_CORETYPE", "Prescott"}}),
                 QString("Prescott (set by OPENBLAS_CORETYPE)"));
    }

    void aStaleMarkerDoesNotClaimTheUsersSetting() {
        QCOMPARE(
            blasLine({{"OPENBLAS_CORETYPE", "Haswell"}, {ulmfit::kAutoMarkerVariable, "Prescott>SkylakeX"}}),
            QString("Haswell (set by OPENBLAS_CORETYPE)"));
    }

    void fallbackIsReplacedByARestart() {
        const ulmfit::CpuFeatures cpu = ulmfit::detectCpuFeatures();
        if (!cpu.avx2)
            QSKIP("this CPU has no AVX2: OpenBLAS's generic kernels are the right ones");
        const QString kernels = cpu.avx512 ? "SkylakeX" : "Haswell";
        const QString line = blasLine({}, ULMFIT_FAKE_BLAS_FALLBACK_PATH);
        const QRegularExpression expected(
            QString(
                R"(^%1 \(chosen automatically: OpenBLAS [\d.]+ fell back to Prescott on a CPU with %2\)$)")
                .arg(kernels, cpu.avx512 ? "AVX-512" : "AVX2"));
        QVERIFY2(expected.match(line).hasMatch(), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(BlasInfoCliTest)
#include "BlasInfoCliTest.moc"
