// `ulmfit train` as real processes against the things that go wrong on a user's machine: a second
// run on the same output folder, a run killed with SIGKILL, a disk that fills up mid-run.
#include "SmallTmpfs.h"

#include "data/source/SyntheticReviews.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {
/// The tiny model of TrainCliTest; `lmEpochs` stretches the run when a test needs it alive.
std::string tinyRecipe(int lmEpochs, bool withClassifier = true, const std::string& extraFields = {}) {
    std::string recipe = R"({"name": "tiny", "emb_size": 16, "hidden_size": 24, "n_layers": 2, "min_freq": 1,
        "lm_bs": 4, "classifier_bs": 8, "seq_len": 8, "device": "cpu", )" + extraFields + R"( "stages": [
        {"model": "lm", "unfreeze": true, "epochs": )" +
                         std::to_string(lmEpochs) + R"(, "lr": 0.01})";
    if (withClassifier)
        recipe += R"(, {"model": "classifier", "freeze_to": -1, "epochs": 1, "lr": 0.02})";
    return recipe + "]}";
}

struct Result {
    int code;
    QProcess::ExitStatus status;
    QString out, err;
};

std::uintmax_t folderBytes(const fs::path& folder) {
    std::uintmax_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(folder))
        if (entry.is_regular_file())
            total += entry.file_size();
    return total;
}
} // namespace

class ReliabilityCliTest : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_dir;

    QProcessEnvironment environment() {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("ULMFIT_DATA_DIR",
                   m_dir.filePath("userdata")); // the token cache stays off the small disks
        return env;
    }
    QStringList trainArgs(const QString& recipeName, const std::string& recipe, const QString& out,
                          const QString& data = "reviews") {
        const QString path = m_dir.filePath(recipeName);
        std::ofstream(path.toStdString()) << recipe;
        return {"train", "--recipe", path, "--data", m_dir.filePath(data), "--out", out};
    }
    Result run(const QStringList& args) {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(ULMFIT_CLI_PATH, args);
        process.waitForFinished(300000);
        return {process.exitCode(), process.exitStatus(), process.readAllStandardOutput(),
                process.readAllStandardError()};
    }

  private Q_SLOTS:
    void initTestCase() { ulmfit::writeSyntheticReviews(m_dir.filePath("reviews").toStdString()); }

    void secondRunOnTheSameFolderIsRefusedAndAKilledRunFreesIt() {
        const QString out = m_dir.filePath("shared-out");
        QProcess first;
        first.setProcessEnvironment(environment());
        first.start(ULMFIT_CLI_PATH, trainArgs("long.json", tinyRecipe(100000), out));
        QVERIFY(first.waitForStarted());
        const QString lockFile = out + "/.ulmfit.lock";
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(lockFile).size() > 0, 120000); // holds the lock, pid written

        const auto second = run(trainArgs("tiny.json", tinyRecipe(1), out));
        QCOMPARE(second.code, 1);
        const QString expected = QString("ulmfit: error: the output folder %1 is in use by another run (pid "
                                         "%2); wait for it to finish "
                                         "or choose another folder\n")
                                     .arg(out)
                                     .arg(first.processId());
        QCOMPARE(second.err, expected);

        first.kill(); // SIGKILL: nothing of the first run gets to clean up
        QVERIFY(first.waitForFinished());
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);
        const auto third = run(trainArgs("tiny.json", tinyRecipe(1), out));
        QVERIFY2(third.code == 0, qPrintable(third.err));
        QVERIFY(third.out.contains("classifier accuracy"));
        QVERIFY(!QFile::exists(lockFile)); // a run that ends normally leaves no lock file
    }

    void fullDiskStopsWithOneLineAndTheCheckpointResumes() {
        // How much the language model's checkpoint takes, from a run on the normal disk.
        const QString measured = m_dir.filePath("lm-only");
        const auto lmOnly = run(trainArgs("lm-only.json", tinyRecipe(1, false), measured));
        QVERIFY2(lmOnly.code == 0, qPrintable(lmOnly.err));
        const auto checkpointBytes = folderBytes(measured.toStdString() + "/checkpoint");

        ulmfit::test::SmallTmpfs disk(8 * 1024 * 1024);
        if (!disk.ok())
            QSKIP("cannot mount a tmpfs here (needs root)");
        // Room for the first epoch's checkpoint (and the small files before it), not for the run.
        const auto available = fs::space(disk.path()).available;
        const std::uintmax_t keep = checkpointBytes + 48 * 1024;
        QVERIFY(available > keep);
        {
            std::ofstream filler(disk.path() / "filler", std::ios::binary);
            const std::string block(4096, 'x');
            for (std::uintmax_t n = 0; n + keep + block.size() <= available; n += block.size())
                filler.write(block.data(), static_cast<std::streamsize>(block.size()));
        }
        const QString out = QString::fromStdString((disk.path() / "run").string());
        const QStringList args = trainArgs("tiny.json", tinyRecipe(1), out);
        const auto full = run(args);
        QCOMPARE(full.status, QProcess::NormalExit); // no abort from inside LibTorch
        QCOMPARE(full.code, 1);
        const QString error = full.err.trimmed().split('\n').last(); // after any progress output
        // The big weight files say how much they need; a small text file only how much is free.
        QVERIFY2(error.startsWith("ulmfit: error: not enough disk space to write " + out + "/") ||
                     error.startsWith("ulmfit: error: writing " + out + "/"),
                 qPrintable(full.err));
        QVERIFY2(error.contains(" is free there"), qPrintable(full.err));
        QVERIFY(!full.err.contains("terminate called"));
        for (const auto& entry : fs::recursive_directory_iterator(disk.path() / "run"))
            QVERIFY2(entry.path().filename().string().find(".partial-") == std::string::npos,
                     entry.path().c_str()); // nothing half-written left behind
        QVERIFY2(fs::exists(disk.path() / "run" / "checkpoint" / "progress.json"), qPrintable(full.out));

        fs::remove(disk.path() / "filler"); // the user frees some space and resumes
        const auto resumed = run(args + QStringList{"--resume"});
        QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
        QVERIFY2(resumed.err.contains("resuming after stage 1, epoch 1"), qPrintable(resumed.err)); // notes go to stderr
        QVERIFY(resumed.out.contains("classifier accuracy"));
    }

    void killedMidEpochResumesAtTheBatchItReached() {
        // 800 reviews make an LM epoch of hundreds of batches (seconds); a checkpoint every 30 ms.
        ulmfit::writeSyntheticReviews(m_dir.filePath("many-reviews").toStdString(), 200);
        const QString out = m_dir.filePath("killed-mid-epoch");
        const QStringList args = trainArgs("mid-epoch.json", tinyRecipe(1, true, R"("checkpoint_minutes": 0.0005,)"),
                                           out, "many-reviews");
        QProcess first;
        first.setProcessEnvironment(environment());
        first.start(ULMFIT_CLI_PATH, args);
        QVERIFY(first.waitForStarted());
        const std::string progressFile = out.toStdString() + "/checkpoint/progress.json";
        const auto midEpoch = [&] {
            std::ifstream in(progressFile);
            const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            return text.find("\"epochs_done\": 0") != std::string::npos &&
                   text.find("\"batches_done\": 0") == std::string::npos && text.find("batches_done") != std::string::npos;
        };
        QTRY_VERIFY_WITH_TIMEOUT(midEpoch(), 120000);
        first.kill(); // SIGKILL inside the language model's only epoch
        QVERIFY(first.waitForFinished());
        QCOMPARE(first.exitStatus(), QProcess::CrashExit);

        // The run's folder alone: its recipe and dataset are recorded there.
        const auto resumed = run({"train", "--out", out, "--resume"});
        QVERIFY2(resumed.code == 0, qPrintable(resumed.err));
        const QRegularExpression note("resuming after stage 1, epoch 0, batch (\\d+) of epoch 1");
        const auto match = note.match(resumed.err);
        QVERIFY2(match.hasMatch(), qPrintable(resumed.err));
        QVERIFY(match.captured(1).toInt() > 0);
        QVERIFY(resumed.out.contains("classifier accuracy"));
    }
};

QTEST_GUILESS_MAIN(ReliabilityCliTest)
#include "ReliabilityCliTest.moc"
