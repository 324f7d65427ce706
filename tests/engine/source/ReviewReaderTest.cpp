// ReviewReader: the corpus builder's file reader (folder kept open between files, buffer reused).
#include "core/Error.h"
#include "data/source/Dataset.h"
#include "data/source/ReviewReader.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {
void writeBytes(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
}
} // namespace

class ReviewReaderTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path root() const { return fs::path(m_dir.path().toStdString()); }

private Q_SLOTS:
    void readsFilesAcrossFoldersInAnyOrder() {
        writeBytes(root() / "train/pos/1_9.txt", "first");
        writeBytes(root() / "train/pos/2_8.txt", "second");
        writeBytes(root() / "test/neg/3_1.txt", "");
        ReviewReader reader;
        QCOMPARE(reader.read(root() / "train/pos/1_9.txt"), std::string_view("first"));
        QCOMPARE(reader.read(root() / "train/pos/2_8.txt"), std::string_view("second"));
        QCOMPARE(reader.read(root() / "test/neg/3_1.txt"), std::string_view(""));
        QCOMPARE(reader.read(root() / "train/pos/1_9.txt"), std::string_view("first")); // back again
    }

    void aFileLargerThanTheBufferIsReadWhole() {
        std::string big(300000, 'x');
        big[123456] = 'y';
        writeBytes(root() / "big/a.txt", big);
        writeBytes(root() / "big/b.txt", "short");
        ReviewReader reader;
        QCOMPARE(reader.read(root() / "big/a.txt"), std::string_view(big));
        QCOMPARE(reader.read(root() / "big/b.txt"), std::string_view("short")); // not the big file's tail
    }

    void invalidUtf8BecomesReplacementCharacters() {
        writeBytes(root() / "bad/a.txt", "ok \xFF end");
        writeBytes(root() / "bad/b.txt", "caf\xC3\xA9");
        ReviewReader reader;
        QCOMPARE(reader.read(root() / "bad/a.txt"), std::string_view("ok \xEF\xBF\xBD end"));
        QCOMPARE(reader.read(root() / "bad/b.txt"), std::string_view("caf\xC3\xA9"));
        QCOMPARE(readReviewText(root() / "bad/a.txt"), std::string("ok \xEF\xBF\xBD end"));
    }

    void aMissingFileOrFolderIsAnErrorNamingIt() {
        writeBytes(root() / "gone/a.txt", "here");
        ReviewReader reader;
        QCOMPARE(reader.read(root() / "gone/a.txt"), std::string_view("here"));
        try {
            reader.read(root() / "gone/missing.txt");
            QFAIL("no error for a missing file");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("missing.txt") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(Error, reader.read(root() / "nowhere/a.txt"));
        QCOMPARE(reader.read(root() / "gone/a.txt"), std::string_view("here")); // still usable
    }

    void aFolderReplacedBetweenReadersIsReadAfresh() {
        // Each reader opens the folder anew, so a dataset extracted again over the old one is read
        // from the new files, never from the old folder a previous build kept open.
        writeBytes(root() / "again/a.txt", "old");
        QCOMPARE(ReviewReader().read(root() / "again/a.txt"), std::string_view("old"));
        fs::rename(root() / "again", root() / "again-old");
        writeBytes(root() / "again/a.txt", "new");
        QCOMPARE(ReviewReader().read(root() / "again/a.txt"), std::string_view("new"));
    }

    void relativePathsReadFromTheCurrentFolder() {
        writeBytes(root() / "cwd/inner/b.txt", "inner");
        writeBytes(root() / "cwd/a.txt", "here");
        const auto previous = fs::current_path();
        fs::current_path(root() / "cwd");
        ReviewReader reader;
        const std::string a(reader.read("a.txt")), b(reader.read("inner/b.txt")), again(reader.read("a.txt"));
        fs::current_path(previous);
        QCOMPARE(a, std::string("here"));
        QCOMPARE(b, std::string("inner"));
        QCOMPARE(again, std::string("here"));
    }

    void aDirectoryIsNotAReview() {
        fs::create_directories(root() / "dirs/sub.txt");
        ReviewReader reader;
        QVERIFY_THROWS_EXCEPTION(Error, reader.read(root() / "dirs/sub.txt"));
    }
};

QTEST_APPLESS_MAIN(ReviewReaderTest)
#include "ReviewReaderTest.moc"
