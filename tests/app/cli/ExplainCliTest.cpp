// Runs the real `ulmfit explain` (and `bench explain`) on a tiny saved classifier.
#include "app/cli/support/CliRun.h"
#include "data/text/SpecialTokens.h"
#include "model/ModelBundle.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <fstream>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {

using ulmfit::test::CliRun;

CliRun runCli(const QStringList& args) { return ulmfit::test::runUlmfit(args); }

void writeClassifier(const fs::path& dir) {
    auto vocab = text::specialTokens();
    for (const char* w : {"i", "liked", "this", "movie", "great", "bad", "."})
        vocab.push_back(w);
    auto config = classifierConfig(int64_t(vocab.size()));
    config.embSize = 6;
    config.hiddenSize = 8;
    config.nLayers = 2;
    ClassifierOptions options;
    options.linFtrs = {4};
    torch::manual_seed(1);
    saveClassifierBundle(dir, TextClassifier(config, options), vocab, {"neg", "pos"});
}

void writeReview(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << text;
}

const QRegularExpression kTokenLine("^[+-]\\d\\.\\d{4}\t[^\t]+\t.*$");

} // namespace

class ExplainCliTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        writeClassifier(model());
    }

    void integratedGradientsPerText() {
        auto run = runCli({"explain", "--model", modelArg(), "--device", "cpu", "--top", "3",
                           "I liked this movie.", "Bad, BAD movie!!!"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const auto blocks = run.out.trimmed().split("\n\n");
        QCOMPARE(blocks.size(), 2);
        for (const QString& block : blocks) {
            const auto lines = block.split('\n');
            QCOMPARE(lines.size(), 3 + 3); // label, explains, completeness, 3 tokens
            QVERIFY2(QRegularExpression("^label: (neg|pos)\tneg=0\\.\\d{4}\tpos=0\\.\\d{4}$")
                         .match(lines[0])
                         .hasMatch(),
                     qPrintable(lines[0]));
            QVERIFY2(
                QRegularExpression("^explains: (neg|pos) \\(ig, 32 steps\\)$").match(lines[1]).hasMatch(),
                qPrintable(lines[1]));
            QVERIFY2(lines[2].startsWith("completeness error: "), qPrintable(lines[2]));
            double previous = 1e9;
            for (int i = 3; i < lines.size(); ++i) {
                QVERIFY2(kTokenLine.match(lines[i]).hasMatch(), qPrintable(lines[i]));
                const double magnitude = std::abs(lines[i].section('\t', 0, 0).toDouble());
                QVERIFY(magnitude <= previous); // most influential first
                previous = magnitude;
            }
        }
    }

    void tokensShowTheirOriginalCharacters() {
        auto run =
            runCli({"explain", "--model", modelArg(), "--device", "cpu", "--top", "0", "Bad, BAD movie!!!"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        for (const char* piece : {"\txxmaj\tBad", "\tbad\tBad", "\txxup\tBAD", "\tbad\tBAD", "\txxrep\t!!!",
                                  "\t!\t!!!", "\tmovie\tmovie", "\txxbos\t\n"})
            QVERIFY2(run.out.contains(piece), qPrintable(run.out));
    }

    void attentionForAChosenClassAndAllTokens() {
        auto run = runCli({"explain", "--model", modelArg(), "--device", "cpu", "--method", "attention",
                           "--class", "neg", "--top", "0", "I liked this movie."});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const auto lines = run.out.trimmed().split('\n');
        QCOMPARE(lines[1], QString("explains: neg (attention)"));
        QCOMPARE(lines.size(), 2 + 6); // xxbos i liked this movie .
        QVERIFY(lines[2].startsWith("+1.0000\t"));
        for (int i = 2; i < lines.size(); ++i)
            QVERIFY2(kTokenLine.match(lines[i]).hasMatch() && !lines[i].startsWith('-'),
                     qPrintable(lines[i]));
    }

    void htmlFileHoldsTheColouredTexts() {
        const QString html = QString::fromStdString((root() / "why.html").string());
        auto run = runCli({"explain", "--model", modelArg(), "--device", "cpu", "--html", html,
                           "I liked this movie.", "Bad<br />movie"});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(file.readAll());
        QVERIFY(page.startsWith("<!DOCTYPE html>"));
        QCOMPARE(page.count("<section>"), 2);
        QVERIFY(page.contains("class=\"legend\""));
        QVERIFY(page.contains("<span class=\"w\" style=\"background:#"));
        QVERIFY(page.contains("<br>"));
    }

    void badClassIsOneLineAndWritesNothing() {
        const fs::path html = root() / "never.html";
        auto run = runCli({"explain", "--model", modelArg(), "--class", "positive", "--html",
                           QString::fromStdString(html.string()), "text"});
        QVERIFY(run.code != 0);
        QCOMPARE(run.err.trimmed().count('\n'), 0);
        QVERIFY2(run.err.contains("unknown class 'positive'") && run.err.contains("neg, pos"),
                 qPrintable(run.err));
        QVERIFY(!fs::exists(html));
        auto method = runCli({"explain", "--model", modelArg(), "--method", "lime", "text"});
        QVERIFY(method.code != 0);
    }

    void benchExplainTimesBothMethods() {
        const fs::path data = root() / "data";
        writeReview(data / "train" / "pos" / "0_9.txt", "great");
        writeReview(data / "train" / "neg" / "0_1.txt", "bad");
        writeReview(data / "test" / "pos" / "1_9.txt", "I liked this movie.");
        writeReview(data / "test" / "neg" / "1_1.txt", "Bad movie.");
        writeReview(data / "test" / "neg" / "2_1.txt", "bad bad bad");
        std::ofstream(root() / "words.txt") << "# test list\nliked\nbad\ngreat\n";
        auto run = runCli({"bench", "explain", "--model", modelArg(), "--data",
                           QString::fromStdString(data.string()), "--steps", "8", "--sentiment-words",
                           QString::fromStdString((root() / "words.txt").string())});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("reviews:    3 test reviews"), qPrintable(run.out));
        QVERIFY2(QRegularExpression("ig/8 +median \\d+\\.\\d ms/review").match(run.out).hasMatch(),
                 qPrintable(run.out));
        QVERIFY2(QRegularExpression("attention +median \\d+\\.\\d ms/review").match(run.out).hasMatch(),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains("top-3 token in the word list"), qPrintable(run.out));
    }

  private:
    fs::path root() const { return fs::path(m_tmp.path().toStdString()); }
    fs::path model() const { return root() / "clas"; }
    QString modelArg() const { return QString::fromStdString(model().string()); }

    QTemporaryDir m_tmp;
};

QTEST_APPLESS_MAIN(ExplainCliTest)
#include "ExplainCliTest.moc"
