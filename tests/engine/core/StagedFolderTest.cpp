// A folder appears under its final name only complete, and never takes a user's other files with it.
#include "core/StagedFolder.h"

#include "core/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {
void writeText(const fs::path& path, const std::string& text) {
    std::ofstream(path) << text;
}
std::string readText(const fs::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), {}};
}
int entries(const fs::path& folder) {
    return static_cast<int>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}
} // namespace

class StagedFolderTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void commitMovesTheFolderIntoPlace() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "bundle";
        StagedFolder staged(target);
        writeText(staged.path() / "a.txt", "new");
        QVERIFY(!fs::exists(target));
        QVERIFY(StagedFolder::isStagingName(staged.path().filename().string()));
        staged.commit();
        QCOMPARE(readText(target / "a.txt"), std::string("new"));
        QCOMPARE(entries(target.parent_path()), 1);
    }

    void aFileInTheWayIsRefusedByItsName() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "model.bin";
        writeText(target, "a file");
        try {
            StagedFolder staged(target);
            QFAIL("staged a folder over a file");
        } catch (const ulmfit::Error& e) {
            QCOMPARE(std::string(e.what()),
                     target.string() + " is a file, not a folder: choose another output folder");
        }
        QCOMPARE(readText(target), std::string("a file"));
        QCOMPARE(entries(target.parent_path()), 1);
    }

    void failureLeavesThePreviousFolderAndNoLeftover() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "bundle";
        fs::create_directories(target);
        writeText(target / "a.txt", "old");
        {
            StagedFolder staged(target);
            writeText(staged.path() / "a.txt", "half");
        } // an exception on the way would end here, without commit()
        QCOMPARE(readText(target / "a.txt"), std::string("old"));
        QCOMPARE(entries(target.parent_path()), 1);
    }

    void aPreviousVersionIsReplacedWhole() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "bundle";
        fs::create_directories(target);
        writeText(target / "a.txt", "old");
        StagedFolder staged(target);
        writeText(staged.path() / "a.txt", "new");
        writeText(staged.path() / "b.txt", "new");
        staged.commit();
        QCOMPARE(readText(target / "a.txt"), std::string("new"));
        QCOMPARE(entries(target), 2);
        QCOMPARE(entries(target.parent_path()), 1);
    }

    void otherFilesInTheTargetAreKept() {
        QTemporaryDir dir;
        const fs::path target = fs::path(dir.path().toStdString()) / "chosen";
        fs::create_directories(target);
        writeText(target / "notes.txt", "mine");
        writeText(target / "a.txt", "old");
        StagedFolder staged(target);
        writeText(staged.path() / "a.txt", "new");
        staged.commit();
        QCOMPARE(readText(target / "notes.txt"), std::string("mine"));
        QCOMPARE(readText(target / "a.txt"), std::string("new"));
        QCOMPARE(entries(target.parent_path()), 1);
    }
};

QTEST_APPLESS_MAIN(StagedFolderTest)
#include "StagedFolderTest.moc"
