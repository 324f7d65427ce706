// Runs the real `ulmfit predict / generate / evaluate` on tiny saved models.
#include "app/cli/support/CliRun.h"
#include "data/text/SpecialTokens.h"
#include "model/ModelBundle.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <fstream>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {

using ulmfit::test::CliRun;

CliRun runCli(const QStringList& args) { return ulmfit::test::runUlmfit(args); }

std::vector<std::string> vocab() {
    auto v = text::specialTokens();
    for (const char* w : {"i", "liked", "this", "movie", "great", "bad", "."})
        v.push_back(w);
    return v;
}

AwdLstmConfig tiny(bool classifier) {
    auto c = classifier ? classifierConfig(int64_t(vocab().size())) : lmConfig(int64_t(vocab().size()));
    c.embSize = 6;
    c.hiddenSize = 8;
    c.nLayers = 2;
    return c;
}

void writeClassifier(const fs::path& dir) {
    torch::manual_seed(1);
    ClassifierOptions options;
    options.linFtrs = {4};
    saveClassifierBundle(dir, TextClassifier(tiny(true), options), vocab(), {"neg", "pos"});
}

void writeReview(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

} // namespace

class InferCommandsTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void predictPrintsOneLinePerText() {
        const fs::path model = root() / "clas";
        writeClassifier(model);
        auto run = runCli({"predict", "--model", QString::fromStdString(model.string()), "--device", "cpu",
                           "I liked this movie.", "bad"});
        QCOMPARE(run.code, 0);
        const auto lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(QRegularExpression("^(neg|pos)\tneg=0\\.\\d{4}\tpos=0\\.\\d{4}$").match(lines[0]).hasMatch(),
                 qPrintable(lines[0]));
    }

    // --files: a folder's .txt files at any depth in path order, then a file given alone; each
    // line the file's path and the same prediction as its text given directly.
    void predictClassifiesFilesAndFolders() {
        const fs::path model = root() / "clas-files";
        writeClassifier(model);
        const fs::path folder = root() / "to-classify";
        writeReview(folder / "b.txt", "bad");
        writeReview(folder / "sub" / "a.txt", "I liked this movie.");
        writeReview(folder / "notes.md", "not a review");
        writeReview(root() / "single.txt", "bad");
        const QString m = QString::fromStdString(model.string());
        auto run = runCli({"predict", "--model", m, "--device", "cpu", "--files",
                           QString::fromStdString(folder.string()),
                           QString::fromStdString((root() / "single.txt").string())});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const auto lines = run.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith(QString::fromStdString((folder / "b.txt").string()) + '\t'));
        QVERIFY(lines[1].startsWith(QString::fromStdString((folder / "sub" / "a.txt").string()) + '\t'));
        QVERIFY(lines[2].startsWith(QString::fromStdString((root() / "single.txt").string()) + '\t'));
        const auto direct = runCli({"predict", "--model", m, "--device", "cpu", "bad"});
        QCOMPARE(lines[0].section('\t', 1), direct.out.trimmed());
        QCOMPARE(lines[2].section('\t', 1), direct.out.trimmed());

        const auto missing = runCli(
            {"predict", "--model", m, "--files", QString::fromStdString((root() / "nowhere.txt").string())});
        QVERIFY(missing.code == 1 && missing.err.trimmed().count('\n') == 0 &&
                missing.err.contains("no such file or folder"));
        const auto neither = runCli({"predict", "--model", m});
        QVERIFY(neither.code == 1 && neither.err.contains("give texts to classify, or --files"));
    }

    void missingModelIsOneClearLine() {
        auto run = runCli({"predict", "--model", QString::fromStdString((root() / "nope").string()), "text"});
        QVERIFY(run.code != 0);
        QCOMPARE(run.err.trimmed().count('\n'), 0);
        QVERIFY2(run.err.contains("model folder not found"), qPrintable(run.err));
    }

    void badConfigIsOneClearLine() {
        const fs::path model = root() / "broken";
        writeClassifier(model);
        std::ofstream(model / "config.json") << "{\"kind\": \"classifier\", ";
        auto run = runCli({"predict", "--model", QString::fromStdString(model.string()), "text"});
        QVERIFY(run.code != 0);
        QCOMPARE(run.err.trimmed().count('\n'), 0);
        QVERIFY2(run.err.contains("config.json is not valid JSON"), qPrintable(run.err));
    }

    void wrongVocabularyIsExplained() {
        const fs::path model = root() / "vocab";
        writeClassifier(model);
        writeVocabFile(model / "vocab.txt", {"xxunk", "xxpad"});
        auto run = runCli({"predict", "--model", QString::fromStdString(model.string()), "text"});
        QVERIFY(run.code != 0);
        QVERIFY2(run.err.contains("model was trained with a vocabulary of 16 tokens but vocab.txt has 2"),
                 qPrintable(run.err));
    }

    void generateIsSeededAndPrintsSamples() {
        const fs::path model = root() / "lm";
        torch::manual_seed(2);
        saveLanguageModelBundle(model, LanguageModel(tiny(false)), vocab());
        const QStringList args{"generate", "--model", QString::fromStdString(model.string()),
                               "--words",  "12",      "--temperature",
                               "0.75",     "-n",      "2",
                               "--device", "cpu",     "I",
                               "liked"};
        auto first = runCli(args);
        QCOMPARE(first.code, 0);
        const auto lines = first.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines[0].startsWith("i liked"));
        QVERIFY(!first.out.contains("xxunk"));
        QCOMPARE(runCli(args).out, first.out);
    }

    void evaluateReportsMetrics() {
        const fs::path model = root() / "clas-eval";
        writeClassifier(model);
        const fs::path data = root() / "data";
        for (const char* split : {"train", "test"}) {
            writeReview(data / split / "neg" / "1_1.txt", "This movie was bad.");
            writeReview(data / split / "neg" / "2_2.txt", "Bad, bad movie.");
            writeReview(data / split / "pos" / "3_9.txt", "I liked this great movie!");
        }
        auto run = runCli({"evaluate", "--model", QString::fromStdString(model.string()), "--data",
                           QString::fromStdString(data.string()), "--top-losses", "2", "--device", "cpu"});
        QCOMPARE(run.code, 0);
        QVERIFY2(run.out.contains("documents: 3"), qPrintable(run.out));
        QVERIFY(run.out.contains("confusion matrix"));
        QVERIFY(run.out.contains("precision"));
        QCOMPARE(run.out.count(".txt"), 2); // two top losses with their files

        // An archive of the dataset, as `train` and `data show-batch` take it: extracted once into
        // the per-user data folder, then scored alike.
        QProcess tar;
        tar.setWorkingDirectory(QString::fromStdString(root().string()));
        tar.start("tar", {"czf", "reviews.tgz", "data"});
        QVERIFY(tar.waitForFinished() && tar.exitCode() == 0);
        const auto archived = ulmfit::test::runUlmfit(
            {"evaluate", "--model", QString::fromStdString(model.string()), "--data",
             QString::fromStdString((root() / "reviews.tgz").string()), "--top-losses", "2", "--device",
             "cpu"},
            {{"ULMFIT_DATA_DIR", QString::fromStdString((root() / "userdata").string())}});
        QVERIFY2(archived.code == 0, qPrintable(archived.err));
        QCOMPARE(archived.out.section("top losses", 0, 0), run.out.section("top losses", 0, 0));
        QVERIFY(fs::exists(root() / "userdata" / "reviews" / "test" / "pos" / "3_9.txt"));
    }

  private:
    fs::path root() const { return fs::path(m_tmp.path().toStdString()); }
    QTemporaryDir m_tmp;
};

QTEST_APPLESS_MAIN(InferCommandsTest)
#include "InferCommandsTest.moc"
