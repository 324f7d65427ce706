// The architecture's dependency rules, checked on the sources: no Qt under engine/, no LibTorch
// (torch/ATen/c10) under ui/.
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QtTest>

namespace {
QString repoRoot() { return QFileInfo(QStringLiteral(__FILE__)).absoluteDir().absoluteFilePath("../../.."); }

QStringList offenders(const QString& folder, const QRegularExpression& include) {
    QStringList found;
    QDirIterator it(repoRoot() + "/" + folder, {"*.h", "*.cpp"}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && include.match(QString::fromUtf8(file.readAll())).hasMatch())
            found << it.filePath();
    }
    return found;
}
} // namespace

class LayeringTest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void engineHasNoQt() {
        QVERIFY(QFileInfo::exists(repoRoot() + "/engine/core"));
        const QStringList bad = offenders("engine", QRegularExpression(QStringLiteral("^\\s*#\\s*include\\s*<Q"),
                                                                       QRegularExpression::MultilineOption));
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(", ")));
    }

    void uiHasNoLibTorch() {
        QVERIFY(QFileInfo::exists(repoRoot() + "/ui/mainwindow"));
        const QStringList bad = offenders("ui", QRegularExpression(QStringLiteral("^\\s*#\\s*include\\s*[<\"](torch|ATen|c10)/"),
                                                                   QRegularExpression::MultilineOption));
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(", ")));
    }
};

QTEST_APPLESS_MAIN(LayeringTest)
#include "LayeringTest.moc"
