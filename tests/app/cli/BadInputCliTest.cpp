// Hostile or broken inputs to the real `ulmfit`: each is refused with one clear line on stderr and
// a non-zero exit, never a crash or a LibTorch trace.
#include "app/cli/support/CliRun.h"
#include "data/source/SyntheticReviews.h"
#include "data/text/SpecialTokens.h"
#include "model/ModelBundle.h"

#include <nlohmann/json.hpp>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <random>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {
using ulmfit::test::CliRun;

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

void writeBytes(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

std::string randomBytes(std::size_t n) {
    std::mt19937 random(7);
    std::string bytes(n, '\0');
    for (auto& byte : bytes)
        byte = static_cast<char>(random() & 0xff);
    return bytes;
}

void truncateFile(const fs::path& path, std::uintmax_t size) {
    fs::resize_file(path, size);
}

QString q(const fs::path& path) {
    return QString::fromStdString(path.string());
}

const char* kLmOnlyRecipe =
    R"({"name": "tiny", "emb_size": 16, "hidden_size": 24, "n_layers": 2, "min_freq": 1,
  "lm_bs": 4, "classifier_bs": 8, "seq_len": 8, "device": "cpu",
  "stages": [{"model": "lm", "unfreeze": true, "epochs": 1, "lr": 0.01}]})";
} // namespace

class BadInputCliTest : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_dir;
    fs::path root() const { return m_dir.path().toStdString(); }

    CliRun runCli(const QStringList& args) {
        return ulmfit::test::runUlmfit(args, {{"ULMFIT_DATA_DIR", m_dir.filePath("userdata")}}, 180000);
    }

    /// One error line, "ulmfit: error: ..." containing `phrase`, last on stderr (progress and notes
    /// of the work done before it may precede it), exit status 1, no crash.
    static void expectOneClearLine(const CliRun& run, const QString& phrase) {
        QCOMPARE(run.status, QProcess::NormalExit);
        QVERIFY2(run.code == 1, qPrintable(QString("exit %1: %2").arg(run.code).arg(run.err)));
        const QString last = run.err.trimmed().section('\n', -1);
        QVERIFY2(last.startsWith("ulmfit: error: ") && run.err.count("ulmfit: error: ") == 1, qPrintable(run.err));
        QVERIFY2(last.contains(phrase), qPrintable(run.err));
        QVERIFY2(!run.err.contains("terminate called"), qPrintable(run.err));
    }

    fs::path classifierBundle(const std::string& name) {
        const fs::path dir = root() / name;
        torch::manual_seed(1);
        ClassifierOptions options;
        options.linFtrs = {4};
        saveClassifierBundle(dir, TextClassifier(tiny(true), options), vocab(), {"neg", "pos"});
        return dir;
    }

    QStringList trainArgs(const fs::path& data, const fs::path& out) {
        const fs::path recipe = root() / "lm-only.json";
        writeBytes(recipe, kLmOnlyRecipe);
        return {"train", "--recipe", q(recipe), "--data", q(data), "--out", q(out)};
    }

  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        writeSyntheticReviews(root() / "reviews");
    }

    void predictWithALanguageModelFolder() {
        const fs::path dir = root() / "lm";
        saveLanguageModelBundle(dir, LanguageModel(tiny(false)), vocab());
        expectOneClearLine(runCli({"predict", "--model", q(dir), "text"}),
                           "holds a language model, not a classifier");
    }

    void generateWithAClassifierFolder() {
        const fs::path dir = classifierBundle("clas-for-generate");
        expectOneClearLine(runCli({"generate", "--model", q(dir), "the movie"}),
                           "holds a classifier, not a language model");
    }

    void exportFastaiWithAnEnsembleFolder() {
        const fs::path dir = root() / "ensemble";
        saveEnsembleBundle(dir, {classifierBundle("ensemble-fwd"), classifierBundle("ensemble-bwd")});
        expectOneClearLine(runCli({"export-fastai", "--model", q(dir), "--out", q(root() / "exported")}),
                           "holds an ensemble of classifiers; only language models and classifiers export");
    }

    void predictWithTruncatedWeights() {
        const fs::path dir = classifierBundle("truncated");
        truncateFile(dir / "model.pt", fs::file_size(dir / "model.pt") / 2);
        expectOneClearLine(runCli({"predict", "--model", q(dir), "text"}), "is not a readable weight file");
    }

    void predictWithRandomBytesAsWeights() {
        const fs::path dir = classifierBundle("random-weights");
        writeBytes(dir / "model.pt", randomBytes(4096));
        expectOneClearLine(runCli({"predict", "--model", q(dir), "text"}), "is not a readable weight file");
    }

    void predictWithAWronglyTypedConfigField() {
        const fs::path dir = classifierBundle("typed");
        std::ifstream in(dir / "config.json");
        auto json = nlohmann::json::parse(in);
        json["labels"] = 3;
        writeBytes(dir / "config.json", json.dump());
        expectOneClearLine(runCli({"predict", "--model", q(dir), "text"}), "bad \"labels\"");
    }

    void predictWithAnEmptyVocabulary() {
        const fs::path dir = classifierBundle("empty-vocab");
        writeBytes(dir / "vocab.txt", "");
        expectOneClearLine(runCli({"predict", "--model", q(dir), "text"}), "vocab.txt has 0");
    }

    void trainWithMalformedRecipeJson() {
        const fs::path recipe = root() / "malformed.json";
        writeBytes(recipe, "{\"stages\": [ {\"model\": ");
        expectOneClearLine(runCli({"train", "--recipe", q(recipe), "--data", q(root() / "reviews"), "--out",
                                   q(root() / "out-malformed")}),
                           "malformed.json");
    }

    void trainWithARandomFileAsArchive() {
        const fs::path archive = root() / "random.tgz";
        writeBytes(archive, randomBytes(64 * 1024));
        expectOneClearLine(runCli(trainArgs(archive, root() / "out-random")), "random.tgz");
    }

    void trainWithAnEmptyFileAsData() {
        const fs::path archive = root() / "empty.tar.gz";
        writeBytes(archive, "");
        expectOneClearLine(runCli(trainArgs(archive, root() / "out-empty")), "empty.tar.gz");
    }

    void resumeWithBrokenCheckpoints() {
        const fs::path out = root() / "out-resume";
        const CliRun first = runCli(trainArgs(root() / "reviews", out));
        QVERIFY2(first.code == 0, qPrintable(first.err));
        const fs::path checkpoint = out / "checkpoint";
        fs::path folder;
        for (const auto& entry : fs::directory_iterator(checkpoint))
            if (entry.is_directory())
                folder = entry.path();
        QVERIFY(!folder.empty());

        const fs::path optimizer = folder / "optimizer.pt";
        const std::string saved = [&] {
            std::ifstream in(optimizer, std::ios::binary);
            return std::string(std::istreambuf_iterator<char>(in), {});
        }();
        truncateFile(optimizer, saved.size() / 3);
        expectOneClearLine(runCli(trainArgs(root() / "reviews", out) << "--resume"), "optimizer state");
        writeBytes(optimizer, saved);

        writeBytes(checkpoint / "progress.json", "{\"stage\": 0, \"epochs_");
        expectOneClearLine(runCli(trainArgs(root() / "reviews", out) << "--resume"),
                           "progress.json is unreadable");
    }

    void resumeWithoutAUsableRecordedDataset() {
        expectOneClearLine(runCli({"train", "--out", q(root() / "no-data")}), "--data is required");
        expectOneClearLine(runCli({"train", "--out", q(root() / "never-ran"), "--resume"}),
                           "not a training run's output folder");

        const fs::path reviews = root() / "reviews-to-move";
        writeSyntheticReviews(reviews);
        const fs::path out = root() / "out-moved";
        const CliRun first = runCli(trainArgs(reviews, out));
        QVERIFY2(first.code == 0, qPrintable(first.err));
        fs::rename(reviews, root() / "reviews-moved");
        expectOneClearLine(runCli({"train", "--out", q(out), "--resume"}), "is no longer there");
        writeBytes(out / "dataset.json", "{\"data\": 3}");
        expectOneClearLine(runCli({"train", "--out", q(out), "--resume"}), "dataset.json is damaged");
        fs::remove(out / "dataset.json"); // a run of an older version: the dataset given again
        expectOneClearLine(runCli({"train", "--out", q(out), "--resume"}), "does not record which dataset");
        const CliRun resumed =
            runCli({"train", "--out", q(out), "--resume", "--data", q(root() / "reviews-moved")});
        QVERIFY2(resumed.code == 0, qPrintable(resumed.err));

        // Trained from an archive deleted since: the extraction beside the run serves.
        QProcess tar;
        tar.setWorkingDirectory(q(root()));
        tar.start("tar", {"czf", "moved-reviews.tgz", "reviews-moved"});
        QVERIFY(tar.waitForFinished() && tar.exitCode() == 0);
        const fs::path fromArchive = root() / "out-archive";
        const CliRun archived = runCli(trainArgs(root() / "moved-reviews.tgz", fromArchive));
        QVERIFY2(archived.code == 0, qPrintable(archived.err));
        fs::remove(root() / "moved-reviews.tgz");
        fs::remove_all(fromArchive / "classifier"); // as if killed before the end
        const CliRun fromExtraction = runCli({"train", "--out", q(fromArchive), "--resume"});
        QVERIFY2(fromExtraction.code == 0, qPrintable(fromExtraction.err));
    }

    // A file where a folder is to be written, or a folder where a file is: one line naming the
    // path the user gave (not a hidden temporary beside it), and the file left as it was.
    void outputPathsInTheWay() {
        const fs::path file = root() / "in-the-way.txt";
        writeBytes(file, "keep me");
        expectOneClearLine(runCli({"ensemble", "--out", q(file), q(classifierBundle("way-a")),
                                   q(classifierBundle("way-b"))}),
                           q(file) + " is a file, not a folder");
        const fs::path lm = root() / "way-lm";
        saveLanguageModelBundle(lm, LanguageModel(tiny(false)), vocab());
        expectOneClearLine(runCli({"export-fastai", "--model", q(lm), "--out", q(file)}),
                           q(file) + " is a file, not a folder");
        expectOneClearLine(runCli({"explain", "--model", q(root() / "way-a"), "--html", q(root()), "fine"}),
                           q(root()) + " is a folder: give the name of a file");
        std::ifstream in(file, std::ios::binary);
        QCOMPARE(std::string(std::istreambuf_iterator<char>(in), {}), std::string("keep me"));
        for (const auto& entry : fs::directory_iterator(root()))
            QVERIFY2(entry.path().filename().string().rfind(".in-the-way", 0) != 0, entry.path().c_str());
    }

    void tokenizeReadsInvalidUtf8AsReplacementCharacters() {
        const fs::path file = root() / "latin1.txt";
        writeBytes(file, "caf\xe9 \xff\xfe good");
        const CliRun run = runCli({"tokenize", q(file)});
        QCOMPARE(run.status, QProcess::NormalExit);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QChar(0xFFFD)) && run.out.contains("good"), qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(BadInputCliTest)
#include "BadInputCliTest.moc"
