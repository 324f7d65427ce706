// Runs the real `ulmfit import-fastai / perplexity / export-fastai` on the fastai fixtures
// (tests/fixtures/make_fastai_fixtures.py), and checks the export with PyTorch when Debian's
// python3-torch is installed.
#include "model/ModelBundle.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

Run runProgram(const QString& program, const QStringList& args) {
    QProcess process;
    process.start(program, args);
    process.waitForFinished(600000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

Run runCli(const QStringList& args) {
    return runProgram(ULMFIT_CLI_PATH, args);
}

QString fixture(const char* name) {
    return QString(ULMFIT_FIXTURES_DIR) + "/fastai/" + name;
}

double expectedPerplexity(const char* text) {
    std::ifstream in(fixture("expected.json").toStdString());
    return nlohmann::json::parse(in)["texts"][text]["perplexity"].get<double>();
}

/// A python3 that can import torch (Debian's python3-torch lives under /usr/bin/python3, which
/// another python3 earlier on PATH may not see), or empty.
QString pythonWithTorch() {
    for (const QString candidate : {QStringLiteral("/usr/bin/python3"), QStringLiteral("python3")}) {
        QProcess process;
        process.start(candidate, {"-c", "import torch"});
        // Importing torch can take minutes on a loaded machine: a timeout must not read as "missing".
        if (process.waitForFinished(600000) && process.exitStatus() == QProcess::NormalExit &&
            process.exitCode() == 0)
            return candidate;
    }
    return {};
}

} // namespace

class FastaiCliTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void importThenPerplexityMatchesTheReference() {
        const QString model = path("lm-zip");
        auto run = runCli({"import-fastai", "--weights", fixture("lm_zip.pth"), "--itos", fixture("itos.pkl"),
                           "--out", model});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(run.out.contains("vocabulary 47, embedding 8, hidden 12, 3 layers"));
        // The vocabulary exactly as the pickle lists it.
        QCOMPARE(readVocabFile(fs::path(model.toStdString()) / "vocab.txt").size(), std::size_t(47));

        run = runCli({"perplexity", "--model", model, "--device", "cpu", fixture("text1.txt")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const double value = run.out.trimmed().split('\n').last().toDouble();
        const double reference = expectedPerplexity("text1.txt");
        QVERIFY2(std::abs(value - reference) / reference < 1e-5, qPrintable(run.out));
    }

    void legacyFormatAndSeveralFiles() {
        const QString model = path("lm-legacy");
        auto run = runCli({"import-fastai", "--weights", fixture("lm_legacy.pth"), "--itos",
                           fixture("itos_p2.pkl"), "--out", model});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        run = runCli(
            {"perplexity", "--model", model, "--device", "cpu", fixture("text1.txt"), fixture("text2.txt")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const auto lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const auto fields = lines[i].split('\t');
            QCOMPARE(fields.size(), 2);
            const char* name = i == 0 ? "text1.txt" : "text2.txt";
            QVERIFY(fields[0].endsWith(name));
            const double reference = expectedPerplexity(name);
            QVERIFY2(std::abs(fields[1].toDouble() - reference) / reference < 1e-5, qPrintable(lines[i]));
        }
        // The rest of the CLI takes the folder.
        run =
            runCli({"generate", "--model", model, "--device", "cpu", "--words", "3", "-n", "1", "the movie"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
    }

    void badInputIsOneLineAndWritesNothing() {
        const QString out = path("never");
        const auto bytes = readAll(fixture("lm_zip.pth"));
        const QString cut = path("cut.pth");
        QFile file(cut);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes.left(bytes.size() / 2));
        file.close();
        struct Case {
            QString weights, itos, message;
        };
        const Case cases[] = {
            {cut, fixture("itos.pkl"), "truncated"},
            {fixture("lm_zip.pth"), fixture("bad_global_p2.pkl"), "refused pickle opcode GLOBAL"},
            {fixture("lm_zip.pth"), fixture("bad_int_in_list.pkl"), "list of str"},
            {fixture("itos.pkl"), fixture("itos.pkl"), "not a torch.save file"},
        };
        for (const auto& c : cases) {
            const auto run =
                runCli({"import-fastai", "--weights", c.weights, "--itos", c.itos, "--out", out});
            QVERIFY(run.code != 0);
            QCOMPARE(run.err.trimmed().count('\n'), 0);
            QVERIFY2(run.err.contains(c.message), qPrintable(run.err));
            QVERIFY(!QFileInfo::exists(out));
        }
    }

    void exportLoadsInPyTorch() {
        const QString model = path("lm-export-src");
        auto run = runCli({"import-fastai", "--weights", fixture("lm_legacy.pth"), "--itos",
                           fixture("itos.pkl"), "--out", model});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QString out = path("exported");
        run = runCli({"export-fastai", "--model", model, "--out", out});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed().split('\n').size(), 3);
        for (const char* name : {"model.pth", "itos.pkl", "encoder.pth"})
            QVERIFY(QFileInfo::exists(out + "/" + name));
        // A training run's output folder exports the language model it saved, like every command
        // that takes a model folder.
        const QString runFolder = path("run");
        QVERIFY(QDir().mkpath(runFolder));
        std::filesystem::copy(model.toStdString(), (runFolder + "/lm").toStdString());
        run = runCli({"export-fastai", "--model", runFolder, "--out", path("exported-from-run")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QCOMPARE(readAll(path("exported-from-run") + "/model.pth"), readAll(out + "/model.pth"));
        // Our own reader takes the export back: the same model, the same perplexity.
        const QString again = path("lm-reimported");
        run = runCli(
            {"import-fastai", "--weights", out + "/model.pth", "--itos", out + "/itos.pkl", "--out", again});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        run = runCli({"perplexity", "--model", again, "--device", "cpu", fixture("text2.txt")});
        const double reference = expectedPerplexity("text2.txt");
        QVERIFY2(std::abs(run.out.trimmed().toDouble() - reference) / reference < 1e-5, qPrintable(run.out));

        const QString python = pythonWithTorch();
        if (python.isEmpty())
            QSKIP("python3 with torch (Debian's python3-torch) is not installed");
        // The v2 zip fixture is the reference: same weights as the legacy file, without v1's copies.
        run = runProgram(python, {QString(ULMFIT_FIXTURES_DIR) + "/check_fastai_export.py", out,
                                  fixture("itos.pkl"), fixture("lm_zip.pth")});
        QVERIFY2(run.code == 0 && run.out.trimmed() == "ok", qPrintable(run.out + run.err));
    }

    void exportOfAClassifierIsItsEncoder() {
        const QString lm = path("lm-for-clas");
        auto run = runCli({"import-fastai", "--weights", fixture("lm_zip.pth"), "--itos", fixture("itos.pkl"),
                           "--out", lm});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const auto loaded = loadLanguageModelBundle(lm.toStdString());
        auto config = classifierConfig(loaded.model->config().vocabSize);
        config.embSize = 8;
        config.hiddenSize = 12;
        config.nLayers = 3;
        ClassifierOptions options;
        options.linFtrs = {4};
        const QString clas = path("clas");
        saveClassifierBundle(clas.toStdString(), TextClassifier(config, options), loaded.vocab,
                             {"neg", "pos"});
        const QString out = path("clas-exported");
        run = runCli({"export-fastai", "--model", clas, "--out", out});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(QFileInfo::exists(out + "/encoder.pth"));
        QVERIFY(QFileInfo::exists(out + "/itos.pkl"));
        QVERIFY(!QFileInfo::exists(out + "/model.pth"));
        const QString python = pythonWithTorch();
        if (python.isEmpty())
            QSKIP("python3 with torch (Debian's python3-torch) is not installed");
        run = runProgram(
            python, {QString(ULMFIT_FIXTURES_DIR) + "/check_fastai_export.py", out, fixture("itos.pkl")});
        QVERIFY2(run.code == 0 && run.out.trimmed() == "ok", qPrintable(run.out + run.err));
    }

  private:
    QString path(const char* name) const { return m_tmp.filePath(name); }
    static QByteArray readAll(const QString& name) {
        QFile f(name);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }

    QTemporaryDir m_tmp;
};

QTEST_APPLESS_MAIN(FastaiCliTest)
#include "FastaiCliTest.moc"
