// Runs the real `ulmfit data show-batch` on a tiny dataset folder.
#include "app/cli/support/CliRun.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

namespace {
using ulmfit::test::CliRun;

CliRun runCli(const QStringList& args) { return ulmfit::test::runUlmfit(args, {}, 60000); }

void writeReview(const QString& file, const QString& text) {
    QDir().mkpath(QFileInfo(file).path());
    QFile f(file);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text.toUtf8());
}
} // namespace

class ShowBatchCliTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_data;
    QString m_cache;

private Q_SLOTS:
    void initTestCase() {
        m_data = m_dir.filePath("tiny/imdb");
        m_cache = m_dir.filePath("cache");
        const QStringList words{"great", "awful", "boring", "wonderful", "plot", "acting"};
        for (const QString split : {"train", "test"})
            for (const QString label : {"neg", "pos"})
                for (int i = 0; i < 6; ++i)
                    writeReview(QString("%1/%2/%3/%4_8.txt").arg(m_data, split, label).arg(i),
                                QString("This movie was %1. The %2 was %3 and I watched it %4 times!")
                                    .arg(words[i], words[(i + 1) % 6], words[(i + 2) % 6]).arg(i + 1));
    }
    void classifierBatchAndCacheHit() {
        const QStringList args{"data", "show-batch", "--data", m_dir.filePath("tiny"), "--clas", "--bs", "4",
                               "-n", "3", "--cache-dir", m_cache};
        const CliRun first = runCli(args);
        QVERIFY2(first.code == 0, qPrintable(first.err));
        QVERIFY(first.out.contains("token cache miss"));
        // Not a terminal: each finished task on a line of its own, no carriage-return redraws.
        QVERIFY2(!first.err.contains('\r'), qPrintable(first.err));
        QVERIFY2(first.err.contains(QRegularExpression("(^|\n)tokenize +24 docs / 24 docs +100%")),
                 qPrintable(first.err));
        const QStringList lines = first.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 1 + 3); // summary, header, 3 rows
        QVERIFY(lines[1].contains("text") && lines[1].contains("category"));
        QVERIFY(lines[2].contains("xxbos xxmaj this movie"));
        QVERIFY(lines[2].endsWith("pos") || lines[2].endsWith("neg"));
        QVERIFY(!first.out.contains("xxpad"));
        const CliRun second = runCli(args);
        QCOMPARE(second.code, 0);
        QVERIFY(second.out.contains("token cache hit"));
        QCOMPARE(second.out.section('\n', 1), first.out.section('\n', 1)); // same batch after the summary
    }
    void languageModelBatch() {
        const CliRun run = runCli({"data", "show-batch", "--data", m_data, "--lm", "--bs", "2", "--seq-len", "8",
                                "--cache-dir", m_cache});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QStringList lines = run.out.split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 1 + 2);
        QVERIFY(lines[1].contains("text_"));
    }
    void longCellsAreTruncated() {
        const CliRun run = runCli({"data", "show-batch", "--data", m_data, "--lm", "--bs", "1", "--seq-len", "400",
                                "-n", "1", "--cache-dir", m_cache});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QString row = run.out.split('\n', Qt::SkipEmptyParts).last();
        QVERIFY(row.contains(QStringLiteral("…")));
        QVERIFY(row.size() < 260);
    }
    void usageErrors() {
        QVERIFY(runCli({"data", "show-batch", "--data", m_data}).code != 0);
        QVERIFY(runCli({"data", "show-batch", "--data", m_data, "--lm", "--clas"}).code != 0);
        const CliRun missing = runCli({"data", "show-batch", "--data", m_dir.filePath("nope"), "--clas"});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains("error"));
    }
};

QTEST_GUILESS_MAIN(ShowBatchCliTest)
#include "ShowBatchCliTest.moc"
