#include "core/StdFilesystemBinding.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace ulmfit;

/// The build links libstdc++ ahead of every other library so that a LibTorch exporting its own
/// copy of std::filesystem (PyTorch's builds do) cannot take over the engine's filesystem calls.
/// Debian's LibTorch exports none, so the mechanism is shown with a decoy library.
class StdFilesystemBindingTest : public QObject {
    Q_OBJECT

    struct ProbeOutput {
        bool decoyLoaded = false;
        bool removed = false;
        int foreign = -1;
        QStringList from;
    };

    static ProbeOutput runProbe(const QString& program) {
        QTemporaryDir dir;
        QProcess probe;
        probe.start(program, {dir.path()});
        if (!probe.waitForFinished(30000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
            qFatal("probe %s failed: %s", qPrintable(program), probe.readAllStandardError().constData());
        ProbeOutput output;
        for (const QString& line : QString::fromUtf8(probe.readAllStandardOutput()).split('\n', Qt::SkipEmptyParts)) {
            const QString value = line.section('=', 1);
            if (line.startsWith("loaded="))
                output.decoyLoaded = value == "ulmfit-fs-decoy";
            else if (line.startsWith("removed="))
                output.removed = value == "1";
            else if (line.startsWith("foreign="))
                output.foreign = value.toInt();
            else if (line.startsWith("from="))
                output.from << value;
        }
        return output;
    }

private Q_SLOTS:
    void thisProcessTakesFilesystemFromLibstdcxx() {
        const auto foreign = foreignStdFilesystemSymbols();
        QVERIFY2(foreign.empty(), foreign.empty() ? "" : explainForeignStdFilesystem(foreign).c_str());
#ifdef __GLIBCXX__
        QVERIFY(QString::fromStdString(describeStdFilesystemBinding()).contains("libstdc++"));
#endif
    }

    void theExplanationNamesTheLibraryAndWhatToDo() {
        QVERIFY(explainForeignStdFilesystem({}).empty());
        const QString text = QString::fromStdString(explainForeignStdFilesystem(
            {{"std::filesystem::remove_all(const path&)", "/opt/torch/lib/libtorch_cpu.so"}}));
        QVERIFY(text.contains("remove_all"));
        QVERIFY(text.contains("/opt/torch/lib/libtorch_cpu.so"));
        QVERIFY(text.contains("libstdc++ ahead of LibTorch"));
    }

    void aLibraryLinkedAheadOfLibstdcxxTakesOverItsFilesystemCalls() {
#if !(defined(__GLIBCXX__) && _GLIBCXX_USE_CXX11_ABI)
        QSKIP("the decoy mimics libstdc++'s C++11-ABI filesystem only");
#endif
        const ProbeOutput output = runProbe(ULMFIT_FS_PROBE_PLAIN);
        QVERIFY(output.decoyLoaded);
        QVERIFY2(!output.removed, "the decoy's remove_all should have run (it removes nothing)");
        QCOMPARE(output.foreign, 1);
        QVERIFY(output.from.front().contains("ulmfit-fs-decoy"));
    }

    void linkingLibstdcxxFirstKeepsThemInLibstdcxx() {
#if !(defined(__GLIBCXX__) && _GLIBCXX_USE_CXX11_ABI)
        QSKIP("the decoy mimics libstdc++'s C++11-ABI filesystem only");
#endif
        const ProbeOutput output = runProbe(ULMFIT_FS_PROBE_FIXED);
        QVERIFY(output.decoyLoaded);
        QVERIFY(output.removed);
        QCOMPARE(output.foreign, 0);
    }
};

QTEST_GUILESS_MAIN(StdFilesystemBindingTest)
#include "StdFilesystemBindingTest.moc"
