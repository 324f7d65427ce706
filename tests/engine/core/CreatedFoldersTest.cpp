// CreatedFolders: the folders a failed job created go again, unless something was left in them.
#include "core/CreatedFolders.h"

#include <QtTest>

#include <fstream>

using namespace ulmfit;
namespace fs = std::filesystem;

class CreatedFoldersTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path root() const { return m_dir.path().toStdString(); }

private Q_SLOTS:
    void removesTheEmptyFoldersItCreatedOnly() {
        fs::create_directories(root() / "there");
        {
            CreatedFolders folders(root() / "there" / "a" / "b" / "c");
            QVERIFY(fs::is_directory(root() / "there" / "a" / "b" / "c"));
        }
        QVERIFY(fs::is_directory(root() / "there")); // there before
        QVERIFY(!fs::exists(root() / "there" / "a"));
    }

    void keepsFoldersHoldingSomething() {
        {
            CreatedFolders folders(root() / "partial" / "archives");
            std::ofstream(root() / "partial" / "archives" / "imdb.tgz.part") << "resumable";
        }
        QVERIFY(fs::exists(root() / "partial" / "archives" / "imdb.tgz.part"));
    }

    void keepKeepsEvenEmptyFolders() {
        {
            CreatedFolders folders(root() / "kept" / "empty");
            folders.keep();
        }
        QVERIFY(fs::is_directory(root() / "kept" / "empty"));
    }

    void relativeFoldersToo() {
        const fs::path before = fs::current_path();
        fs::current_path(root());
        {
            CreatedFolders folders("relative/inner");
            QVERIFY(fs::is_directory(root() / "relative" / "inner"));
        }
        QVERIFY(!fs::exists(root() / "relative"));
        fs::current_path(before);
    }
};

QTEST_GUILESS_MAIN(CreatedFoldersTest)
#include "CreatedFoldersTest.moc"
