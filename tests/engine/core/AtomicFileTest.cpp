#include "core/AtomicFile.h"
#include "core/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {
std::string readAll(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
} // namespace

class AtomicFileTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void commitReplacesTarget() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "sub" / "file.bin";
        ulmfit::writeFileAtomically(target, [](std::ostream& out) { out << "first"; });
        ulmfit::writeFileAtomically(target, [](std::ostream& out) { out << "second"; });
        QCOMPARE(readAll(target), std::string("second"));
        QCOMPARE(std::distance(fs::directory_iterator(target.parent_path()), fs::directory_iterator{}), 1);
    }
    void exceptionLeavesOldFileAndNoTemp() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "file.bin";
        ulmfit::writeFileAtomically(target, [](std::ostream& out) { out << "good"; });
        try {
            ulmfit::writeFileAtomically(target, [](std::ostream& out) {
                out << "half";
                throw ulmfit::Error("writer failed");
            });
            QFAIL("expected an exception");
        } catch (const ulmfit::Error&) {
        }
        QCOMPARE(readAll(target), std::string("good"));
        QCOMPARE(std::distance(fs::directory_iterator(target.parent_path()), fs::directory_iterator{}), 1);
    }
    void unwritableFolderGivesClearError() {
        QVERIFY_THROWS_EXCEPTION(std::exception, ulmfit::AtomicFile("/proc/definitely/not/here.bin"));
    }
};

QTEST_APPLESS_MAIN(AtomicFileTest)
#include "AtomicFileTest.moc"
