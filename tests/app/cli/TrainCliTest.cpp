// `ulmfit train`, `ulmfit lr-find`, `ulmfit bench train` and `ulmfit check` as a user runs them.
#include "data/source/SyntheticReviews.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace {
const char* kTinyRecipe = R"({
  "name": "tiny", "emb_size": 16, "hidden_size": 24, "n_layers": 2, "min_freq": 1,
  "lm_bs": 4, "classifier_bs": 8, "seq_len": 8, "device": "cpu",
  "stages": [
    {"model": "lm", "unfreeze": true, "epochs": 1, "lr": 0.01},
    {"model": "classifier", "freeze_to": -1, "epochs": 1, "lr": 0.02},
    {"model": "classifier", "unfreeze": true, "epochs": 1, "slice": [0.001, 0.01]}
  ]
})";

struct Result {
    int code;
    QString out, err;
};
} // namespace

class TrainCliTest : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_dir;

    Result run(const QStringList& args, const QString& preload = {}) {
        QProcess process;
        auto env = QProcessEnvironment::systemEnvironment();
        if (!preload.isEmpty())
            env.insert("LD_PRELOAD", preload);
        env.insert("ULMFIT_DATA_DIR", m_dir.filePath("userdata")); // token cache stays in the temp dir
        process.setProcessEnvironment(env);
        process.start(ULMFIT_CLI_PATH, args);
        process.waitForFinished(120000);
        return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
    }
    QString recipeFile(const char* text, const QString& name) {
        const QString path = m_dir.filePath(name);
        std::ofstream(path.toStdString()) << text;
        return path;
    }

  private Q_SLOTS:
    void initTestCase() { ulmfit::writeSyntheticReviews(m_dir.filePath("reviews").toStdString()); }

    void trainPrintsTheEpochTableAndSavesTheBundle() {
        const auto r = run({"train", "--recipe", recipeFile(kTinyRecipe, "tiny.json"), "--data",
                            m_dir.filePath("reviews"), "--out", m_dir.filePath("out")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("Stage 1/3: Language model: unfreeze(); fit_one_cycle(1, 1e-2)"),
                 qPrintable(r.out));
        QVERIFY(r.out.contains("epoch  train_loss  valid_loss  accuracy  perplexity"));
        QVERIFY(r.out.contains("classifier accuracy"));
        QVERIFY(QFile::exists(m_dir.filePath("out/classifier/model.pt")));
        QVERIFY(QFile::exists(m_dir.filePath("out/encoder.pt")));
        QVERIFY(!r.out.contains("warning: std::filesystem"));
    }

    // One way to name a model: the run's --out folder works wherever a model folder does.
    void theRunFolderNamesItsModels() {
        const QString out = m_dir.filePath("out");
        if (!QFile::exists(out + "/classifier/config.json"))
            QVERIFY(run({"train", "--recipe", recipeFile(kTinyRecipe, "tiny.json"), "--data",
                         m_dir.filePath("reviews"), "--out", out}).code == 0);
        const auto predicted = run({"predict", "--model", out, "a wonderful film"});
        QVERIFY2(predicted.code == 0, qPrintable(predicted.err));
        QVERIFY2(predicted.out.contains("pos") || predicted.out.contains("neg"), qPrintable(predicted.out));
        const auto generated = run({"generate", "--model", out, "--words", "3", "the film"});
        QVERIFY2(generated.code == 0, qPrintable(generated.err));
        QVERIFY2(generated.out.startsWith("the film"), qPrintable(generated.out));
        // A run that has not saved its classifier yet says so and how to continue it.
        QDir(m_dir.path()).mkpath("unfinished/checkpoint");
        const auto unfinished = run({"predict", "--model", m_dir.filePath("unfinished"), "text"});
        QCOMPARE(unfinished.code, 1);
        QVERIFY2(unfinished.err.contains("has not saved its classifier yet") && unfinished.err.contains("--resume"),
                 qPrintable(unfinished.err));
    }

    // --direction both: the forward and backward models and their ensemble, which predict and
    // evaluate treat as one model while showing its members.
    void bothDirectionsMakeAnEnsemble() {
        const QString out = m_dir.filePath("both");
        const auto r = run({"train", "--recipe", recipeFile(kTinyRecipe, "tiny.json"), "--direction", "both",
                            "--data", m_dir.filePath("reviews"), "--out", out});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("fwd classifier accuracy") && r.out.contains("bwd classifier accuracy") &&
                     r.out.contains("ensemble accuracy"),
                 qPrintable(r.out));
        QVERIFY(QFile::exists(out + "/bwd/classifier/model.pt"));
        const auto predicted = run({"predict", "--model", out, "a wonderful film"});
        QVERIFY2(predicted.code == 0 && predicted.out.contains("fwd:") && predicted.out.contains("bwd:"),
                 qPrintable(predicted.out + predicted.err));
        const auto evaluated = run({"evaluate", "--model", out, "--data", m_dir.filePath("reviews")});
        QVERIFY2(evaluated.code == 0 && evaluated.out.contains("bwd accuracy:") &&
                     evaluated.out.contains("ensemble accuracy:"),
                 qPrintable(evaluated.out + evaluated.err));
        // The same ensemble from two runs made apart; a classifier of another vocabulary is refused.
        const auto joined = run({"ensemble", "--out", m_dir.filePath("joined"), out + "/fwd", out + "/bwd"});
        QVERIFY2(joined.code == 0 && joined.out.contains("ensemble of 2 classifiers (fwd, bwd)"),
                 qPrintable(joined.out + joined.err));
        QVERIFY(run({"predict", "--model", m_dir.filePath("joined"), "fine"}).out.contains("bwd:"));
        const auto twice =
            run({"ensemble", "--out", m_dir.filePath("twice"), out + "/fwd", out + "/fwd/classifier"});
        QVERIFY2(twice.code == 1 && twice.err.contains("are the same classifier"), qPrintable(twice.err));
        QVERIFY(!QFileInfo::exists(m_dir.filePath("twice")));
        const auto bad = run({"train", "--direction", "sideways", "--data", m_dir.filePath("reviews"), "--out", out});
        QVERIFY(bad.code != 0);
    }

    void badRecipeNamesTheField() {
        const auto r =
            run({"train", "--recipe",
                 recipeFile(R"({"stages": [{"model": "lm", "epochs": "two", "lr": 1}]})", "bad.json"),
                 "--data", m_dir.filePath("reviews"), "--out", m_dir.filePath("bad")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("recipe field 'stages[0].epochs': expected a whole number"), qPrintable(r.err));
    }

    void lrFindPrintsASuggestion() {
        const auto r = run({"lr-find", "--recipe", recipeFile(kTinyRecipe, "tiny.json"), "--data",
                            m_dir.filePath("reviews"), "--out", m_dir.filePath("lr")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("suggested lr (valley):"), qPrintable(r.out));
    }

    void benchTrainRuns() {
        const auto r = run({"bench", "train", "--config", "quick", "--vocab", "500", "--bs", "4", "--seq-len",
                            "8", "--batches", "1", "--doc-len", "16", "--device", "cpu"});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("tokens/s") && r.out.contains("reviews/s"), qPrintable(r.out));
    }

    void checkTrainsAToyModelEndToEnd() {
        const auto r = run({"check", "--device", "cpu", "--keep", m_dir.filePath("check")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains("stage 4/4") && r.out.contains("OK: training, checkpoints"),
                 qPrintable(r.out));
        QVERIFY(QFile::exists(m_dir.filePath("check/run/classifier/model.pt")));
    }

    void checkOnAMissingGpuIsOneClearLine() {
        if (run({"info"}).out.contains("CUDA:         available"))
            QSKIP("this machine has a CUDA GPU");
        const auto r = run({"check", "--device", "cuda"});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith("ulmfit: error: --device cuda was requested") && r.err.count('\n') == 1,
                 qPrintable(r.err));
    }

    // A library loaded ahead of libstdc++ that exports std::filesystem::remove_all, as PyTorch's
    // libtorch_cpu.so does: the check refuses before training rather than crash at a checkpoint.
    void checkRefusesAProcessWhoseFilesystemIsMixed() {
        const auto r = run({"check", "--device", "cpu"}, ULMFIT_FS_DECOY_PATH);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.startsWith("ulmfit: error: checking the C++ runtime failed") &&
                     r.err.count('\n') == 1 && r.err.contains("libulmfit-fs-decoy.so") &&
                     r.err.contains("libstdc++ ahead of LibTorch"),
                 qPrintable(r.err));
        QVERIFY(run({"info"}, ULMFIT_FS_DECOY_PATH)
                    .out.contains("Filesystem:   MIXED: std::filesystem::remove_all"));
        QVERIFY(run({"info"}).out.contains("Filesystem:   /"));
        const auto train = run({"train", "--recipe", recipeFile(kTinyRecipe, "tiny.json"), "--data",
                                m_dir.filePath("reviews"), "--out", m_dir.filePath("mixed")},
                               ULMFIT_FS_DECOY_PATH);
        QVERIFY2(
            (train.out + train.err).contains("warning: std::filesystem::remove_all(const path&) resolves to"),
            qPrintable(train.out + train.err));
    }
};

QTEST_GUILESS_MAIN(TrainCliTest)
#include "TrainCliTest.moc"
