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
void writeFile(const fs::path& p, const std::string& text) {
    std::ofstream(p, std::ios::binary) << text;
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
    // Each error names the file the user gave, never the hidden temporary one beside it.
    static std::string errorOf(const fs::path& target) {
        try {
            ulmfit::writeFileAtomically(
                target, [](std::ostream& out) { out << "x"; }, false);
        } catch (const ulmfit::Error& e) {
            return e.what();
        }
        return {};
    }
    void unwritableFolderGivesClearError() {
        const std::string error = errorOf("/proc/definitely/not/here.bin");
        QVERIFY2(error.rfind("cannot write /proc/definitely/not/here.bin", 0) == 0, error.c_str());
    }
    void aFolderOrAFileInTheWayGivesClearErrors() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        fs::create_directories(root / "folder");
        QCOMPARE(errorOf(root / "folder"),
                 (root / "folder").string() + " is a folder: give the name of a file to write");
        writeFile(root / "file", "kept");
        const std::string under = errorOf(root / "file" / "report.html");
        QVERIFY2(under.rfind("cannot write " + (root / "file" / "report.html").string() +
                                 ": cannot create its folder",
                             0) == 0,
                 under.c_str());
        QVERIFY(under.find(".tmp.") == std::string::npos);
        QCOMPARE(readAll(root / "file"), std::string("kept"));
        QCOMPARE(std::distance(fs::directory_iterator(root), fs::directory_iterator{}), 2);
    }
};

QTEST_APPLESS_MAIN(AtomicFileTest)
#include "AtomicFileTest.moc"
