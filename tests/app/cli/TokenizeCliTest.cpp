// `ulmfit tokenize` as the fastai-compatibility check uses it: one line of tokens per file,
// stdin when no file is given, a clear error for a missing file.
#include <QtTest>

class TokenizeCliTest : public QObject {
    Q_OBJECT
private:
    struct Result {
        int exitCode;
        QString out;
        QString err;
    };
    static Result run(const QStringList& args, const QByteArray& input = {}) {
        QProcess process;
        process.start(QStringLiteral(ULMFIT_CLI_PATH), QStringList{"tokenize"} + args);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(30000))
            return {-1, {}, "timed out"};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private Q_SLOTS:
    void tokenizesFilesOneLineEach() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString first = dir.filePath("first.txt"), second = dir.filePath("second.txt");
        QFile f1(first), f2(second);
        QVERIFY(f1.open(QIODevice::WriteOnly) && f2.open(QIODevice::WriteOnly));
        f1.write("It's awesome! In Story Mode, your going from punk to pro.");
        f2.write("Great.<br /><br />I didn't LIKE it\xFF!!!");
        f1.close();
        f2.close();
        const Result r = run({first, second});
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0], QString("xxbos xxmaj it 's awesome ! xxmaj in xxmaj story xxmaj mode , your going from "
                                   "punk to pro ."));
        // The "\n\n" token from <br /><br /> is escaped so the file stays on one line.
        QCOMPARE(lines[1], QString::fromUtf8("xxbos xxmaj great . \\n\\n i did n't xxup like it \uFFFD xxrep 3 !"));
    }

    void readsStdinWithoutFiles() {
        const Result r = run({}, "THE SHINING starts slowly...");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString::fromUtf8("xxbos xxup the xxup shining starts slowly \u2026\n"));
    }

    void rawKeepsWhitespaceTokens() {
        const Result r = run({"--raw"}, "a<br />b");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString("xxbos a \n b\n"));
    }

    void missingFileIsAnError() {
        const Result r = run({"/nonexistent/review.txt"});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("/nonexistent/review.txt"), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TokenizeCliTest)
#include "TokenizeCliTest.moc"
