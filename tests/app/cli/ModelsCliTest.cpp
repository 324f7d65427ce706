// Runs the real `ulmfit models fetch` / `ulmfit models list` against a local HTTP server on 127.0.0.1
// and on local archives and folders, with ULMFIT_MODELS_DIR pointing at a temporary folder.
#include "engine/source/TestHttpServer.h"
#include "engine/zoo/ModelArchives.h"

#include "app/cli/support/CliRun.h"
#include "data/source/Sha256.h"

#include <QTemporaryDir>
#include <QtTest>

namespace fs = std::filesystem;

namespace {
using ulmfit::test::CliRun;

CliRun runCli(const QStringList& arguments, const QString& modelsDir) {
    return ulmfit::test::runUlmfit(arguments, {{QStringLiteral("ULMFIT_MODELS_DIR"), modelsDir}});
}

QString q(const fs::path& path) {
    return QString::fromStdString(path.string());
}
} // namespace

class ModelsCliTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_scratch;
    // The CLI counts the vocabulary with the strict pickle reader: give it a real pickle.
    modelarchives::FakeModel m_model{modelarchives::randomBytes(1000000, 1),
                                     modelarchives::pickledVocabulary({"xxunk", "xxpad", "xxbos", "the", ","})};
    fs::path m_archive = fs::path(m_scratch.path().toStdString()) / "wt103-fwd.tgz";

    fs::path scratch() const { return m_scratch.path().toStdString(); }

  private Q_SLOTS:
    void initTestCase() { modelarchives::writeModelArchive(m_archive, m_model); }

    void fetchFromServerThenList() {
        TestHttpServer server(testarchives::readBytes(m_archive));
        QTemporaryDir models;
        const QString sha = QString::fromStdString(ulmfit::sha256File(m_archive));
        const CliRun fetch = runCli({"models", "fetch", "wt103-fwd", "--url",
                                  QString::fromStdString(server.url("/wt103-fwd.tgz")), "--sha256", sha},
                                 models.path());
        QVERIFY2(fetch.code == 0, qPrintable(fetch.err));
        QVERIFY2(fetch.out.contains(QStringLiteral("Downloaded and installed wt103-fwd in ") + models.path() +
                                    "/wt103-fwd"),
                 qPrintable(fetch.out));
        QVERIFY2(fetch.err.contains(QStringLiteral("download")), qPrintable(fetch.err)); // the progress line
        QVERIFY(testarchives::readBytes(models.path().toStdString() + "/wt103-fwd/lstm_fwd.pth") ==
                m_model.weights);

        const CliRun list = runCli({"models", "list"}, models.path());
        QVERIFY2(list.code == 0, qPrintable(list.err));
        QVERIFY2(QRegularExpression(QStringLiteral("wt103-fwd\\s+\\d+\\.\\d KiB\\s+vocabulary: 5 tokens"))
                     .match(list.out)
                     .hasMatch(),
                 qPrintable(list.out));
        QVERIFY2(
            QRegularExpression(QStringLiteral("wt103-bwd\\s+not installed: ulmfit models fetch wt103-bwd"))
                .match(list.out)
                .hasMatch(),
            qPrintable(list.out));

        const CliRun again = runCli({"models", "fetch", "wt103-fwd"}, models.path()); // no network needed
        QCOMPARE(again.code, 0);
        QVERIFY(again.out.contains(QStringLiteral("already installed")));
    }
    void checksumMismatchInstallsNothing() {
        TestHttpServer server(testarchives::readBytes(m_archive));
        QTemporaryDir models;
        const CliRun run =
            runCli({"models", "fetch", "wt103-fwd", "--url", QString::fromStdString(server.url("/x.tgz"))},
                   models.path()); // fastai's listed size and MD5 apply
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QStringLiteral("not the listed 105067061 B")), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(models.path() + "/wt103-fwd"));
        QVERIFY(!QFileInfo::exists(models.path() + "/archives/wt103-fwd.tgz"));
    }
    void unknownNameListsTheKnownOnes() {
        QTemporaryDir models;
        const CliRun run = runCli({"models", "fetch", "wt103"}, models.path());
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(
                     QStringLiteral("unknown pretrained model 'wt103'; known models: wt103-fwd, wt103-bwd")),
                 qPrintable(run.err));
    }
    void importsArchiveAndFolderOffline() {
        QTemporaryDir models;
        const CliRun fromArchive =
            runCli({"models", "fetch", "wt103-fwd", "--archive", q(m_archive)}, models.path());
        QVERIFY2(fromArchive.code == 0, qPrintable(fromArchive.err));
        QVERIFY(fromArchive.out.contains(QStringLiteral("Installed wt103-fwd in ")));

        const fs::path folder = scratch() / "bwd-copy";
        fs::create_directories(folder);
        testarchives::writeBytes(folder / "lstm_bwd.pth", m_model.weights);
        testarchives::writeBytes(folder / "itos_wt103.pkl", m_model.vocabulary);
        const CliRun fromFolder =
            runCli({"models", "fetch", "wt103-bwd", "--archive", q(folder)}, models.path());
        QVERIFY2(fromFolder.code == 0, qPrintable(fromFolder.err));
        const CliRun list = runCli({"models", "list"}, models.path());
        QVERIFY(list.out.contains(QStringLiteral("wt103-bwd ")) &&
                list.out.contains(QStringLiteral("wt103-fwd ")));
        QVERIFY(!list.out.contains(QStringLiteral("not installed")));
    }
    void badArchivesFailWithOneLine() {
        QTemporaryDir models;
        const fs::path text = scratch() / "notes.txt";
        testarchives::writeBytes(text, "not an archive\n");
        const fs::path empty = scratch() / "no-model.tgz";
        testarchives::writeTarGz(empty, {testarchives::file("wt103-fwd/README", "x")});
        const fs::path hostile = scratch() / "hostile.tgz";
        testarchives::writeTarGz(hostile, {testarchives::symlinkEntry("lstm_fwd.pth", "../../../etc/passwd"),
                                           testarchives::file("itos_wt103.pkl", "y")});
        const std::pair<fs::path, QString> cases[] = {
            {text, QStringLiteral("not an archive")},
            {empty, QStringLiteral("has no lstm_fwd.pth (the weights)")},
            {hostile, QStringLiteral("refusing to extract")}};
        for (const auto& [archive, expected] : cases) {
            const CliRun run = runCli({"models", "fetch", "wt103-fwd", "--archive", q(archive)}, models.path());
            QCOMPARE(run.code, 1);
            const QString last =
                run.err.trimmed().split(QLatin1Char('\n')).last(); // progress lines come first
            QVERIFY2(last.startsWith(QStringLiteral("ulmfit: error: ")) && last.contains(expected),
                     qPrintable(run.err));
            QVERIFY(!QFileInfo::exists(models.path() + "/wt103-fwd"));
        }
        QVERIFY(!QFileInfo::exists(q(scratch().parent_path() / "etc")));
    }
};

QTEST_APPLESS_MAIN(ModelsCliTest)
#include "ModelsCliTest.moc"
