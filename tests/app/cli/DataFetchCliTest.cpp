// Runs the real `ulmfit data fetch` / `ulmfit data info` on the sample archive.
#include "app/cli/support/CliRun.h"

#include <QTemporaryDir>
#include <QtTest>

namespace {
const QString kSample = QStringLiteral(ULMFIT_SHARED_DATA_DIR "/imdb_sample.tgz");

using ulmfit::test::CliRun;

CliRun runCli(const QStringList& arguments, const QString& dataDir = {}) {
    if (dataDir.isEmpty())
        return ulmfit::test::runUlmfit(arguments);
    return ulmfit::test::runUlmfit(arguments, {{QStringLiteral("ULMFIT_DATA_DIR"), dataDir}});
}
} // namespace

class DataFetchCliTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_shared; // fetched once in initTestCase: extraction is the slow part
    CliRun m_first;

private Q_SLOTS:
    void initTestCase() { m_first = runCli({"data", "fetch", "--archive", kSample, "--dest", m_shared.path()}); }

    void fetchLocalArchivePrintsCounts() {
        QVERIFY2(m_first.code == 0, qPrintable(m_first.err));
        QVERIFY(m_first.out.contains(QStringLiteral("Extracted to ") + m_shared.path() + "/imdb_sample"));
        QVERIFY(QRegularExpression(QStringLiteral("train\\s+1000\\s+1000\\s+2000")).match(m_first.out).hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("test\\s+500\\s+500\\s+1000")).match(m_first.out).hasMatch());
        QVERIFY2(m_first.err.contains(QStringLiteral("extract")), qPrintable(m_first.err)); // the progress line
    }
    void secondFetchReusesExtraction() {
        const CliRun again = runCli({"data", "fetch", "--archive", kSample, "--dest", m_shared.path()});
        QCOMPARE(again.code, 0);
        QVERIFY(again.out.contains(QStringLiteral("Already extracted")));
    }
    void infoPrintsCounts() {
        const CliRun run = runCli({"data", "info", "--data", m_shared.path() + "/imdb_sample"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("neg")) && run.out.contains(QStringLiteral("pos")));
        QVERIFY(QRegularExpression(QStringLiteral("train\\s+1000\\s+1000\\s+2000")).match(run.out).hasMatch());
        QVERIFY(run.out.contains(QStringLiteral("empty files: 0")));
    }
    void downloadsFromUrlIntoTheDataFolder() {
        QTemporaryDir dir; // no --dest: ULMFIT_DATA_DIR (the per-user data folder) is used
        const CliRun run = runCli({"data", "fetch", "--url", "file://" + kSample}, dir.path());
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("Downloaded ") + dir.path() + "/archives/imdb_sample.tgz"));
        QVERIFY2(run.err.contains(QStringLiteral("download")), qPrintable(run.err));
        QVERIFY(QFileInfo::exists(dir.path() + "/imdb_sample/test/neg"));
    }
    void unreachableServerFailsClearly() {
        QTemporaryDir dir;
        const CliRun run = runCli({"data", "fetch", "--url", "http://127.0.0.1:1/imdb.tgz", "--dest", dir.path()});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cannot connect")), qPrintable(run.err));
    }
    void wrongChecksumFailsClearly() {
        QTemporaryDir dir;
        const CliRun run = runCli({"data", "fetch", "--archive", kSample, "--dest", dir.path(), "--sha256",
                                QString(64, QLatin1Char('0'))});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("SHA-256")), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(dir.path() + "/imdb_sample"));
    }
    void infoOnNonDatasetFailsClearly() {
        QTemporaryDir dir;
        const CliRun run = runCli({"data", "info", "--data", dir.path()});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("train/ and test/")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(DataFetchCliTest)
#include "DataFetchCliTest.moc"
