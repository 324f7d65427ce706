// TempDir: a fresh private folder, gone with everything in it when the object goes.
#include "core/TempDir.h"

#include <QtTest>

#include <fstream>

using namespace ulmfit;
namespace fs = std::filesystem;

class TempDirTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsAFreshFolderAndRemovesItWithItsContents() {
        fs::path kept;
        {
            TempDir a("ulmfit-test");
            TempDir b("ulmfit-test");
            QVERIFY(fs::is_directory(a.path()));
            QVERIFY(a.path() != b.path());
            QVERIFY(a.path().filename().string().rfind("ulmfit-test-", 0) == 0);
            QCOMPARE(fs::status(a.path()).permissions() & fs::perms::others_all, fs::perms::none);
            fs::create_directories(a.path() / "sub");
            std::ofstream(a.path() / "sub" / "file.txt") << "x";
            kept = a.path();
        }
        QVERIFY(!fs::exists(kept));
    }
};

QTEST_GUILESS_MAIN(TempDirTest)
#include "TempDirTest.moc"
