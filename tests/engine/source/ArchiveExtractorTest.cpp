#include "TestArchives.h"

#include "core/Error.h"
#include "data/source/ArchiveExtractor.h"
#include "data/source/Dataset.h"

#include <QTemporaryDir>
#include <csignal>
#include <sys/resource.h>
#include <QtTest>

namespace fs = std::filesystem;
using namespace testarchives;

namespace {
const fs::path kSample = fs::path(ULMFIT_SHARED_DATA_DIR) / "imdb_sample.tgz";

/// Cancels the token on the first progress event (the extractor reports after the first entry).
class CancelOnProgress : public ulmfit::Observer {
public:
    explicit CancelOnProgress(ulmfit::CancelToken& token) : m_token(token) {}
    void onProgress(const ulmfit::Progress& p) override {
        QCOMPARE(p.task, std::string("extract"));
        m_token.cancel();
    }

private:
    ulmfit::CancelToken& m_token;
};

std::size_t entriesIn(const fs::path& folder) {
    return std::size_t(std::distance(fs::directory_iterator(folder), fs::directory_iterator{}));
}

std::vector<Entry> goodEntries() {
    return {dir("data/"), dir("data/train/"), file("data/train/a.txt", "hello"), file("data/train/b.txt", "world")};
}
} // namespace

class ArchiveExtractorTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path root() const { return fs::path(m_dir.path().toStdString()); }
    fs::path dest() const { return root() / "out" / "dataset"; }

    /// Extraction of `archive` must fail with an error mentioning `needle` and leave nothing behind.
    void expectRefused(const fs::path& archive, const std::string& needle, std::uintmax_t maxBytes = 1ULL << 30) {
        fs::create_directories(dest().parent_path());
        try {
            ulmfit::extractArchive({archive, dest(), maxBytes});
            QFAIL("extraction should have failed");
        } catch (const ulmfit::Error& e) {
            const std::string message = e.what();
            qInfo("%s", message.c_str());
            QVERIFY2(message.find(needle) != std::string::npos, message.c_str());
        }
        QVERIFY(!fs::exists(dest()));
        QCOMPARE(entriesIn(dest().parent_path()), std::size_t(0)); // no temporary folder either
    }

    void expectEntryRefused(std::vector<Entry> entries, const std::string& needle) {
        const fs::path archive = root() / "bad.tar.gz";
        writeTarGz(archive, entries);
        expectRefused(archive, needle);
    }

private Q_SLOTS:
    void init() { fs::remove_all(root() / "out"); }

    void extractsSampleAndStripsTopFolder() {
        ulmfit::extractArchive({kSample, dest()});
        QVERIFY(ulmfit::isCompletelyExtracted(dest()));
        QCOMPARE(entriesIn(dest().parent_path()), std::size_t(1));
        const ulmfit::DatasetIndex index = ulmfit::scanDataset(dest());
        QCOMPARE(index.root, dest());
        QCOMPARE(index.counts.at("train").at("pos"), std::size_t(1000));
        QCOMPARE(index.counts.at("train").at("neg"), std::size_t(1000));
        QCOMPARE(index.counts.at("test").at("pos"), std::size_t(500));
        QCOMPARE(index.counts.at("test").at("neg"), std::size_t(500));
    }
    void existingDestinationIsNotOverwritten() {
        fs::create_directories(dest());
        QVERIFY_THROWS_EXCEPTION(ulmfit::Error, ulmfit::extractArchive({kSample, dest()}));
        QVERIFY(fs::is_empty(dest()));
    }
    void truncatedArchiveFails() {
        const std::string bytes = readBytes(kSample);
        writeBytes(root() / "cut.tgz", bytes.substr(0, bytes.size() / 10));
        expectRefused(root() / "cut.tgz", "truncated");
    }
    void corruptArchiveFails() {
        std::string bytes = readBytes(kSample);
        for (std::size_t i = 200000; i < 204096; ++i)
            bytes[i] = char(bytes[i] ^ 0x5A);
        writeBytes(root() / "corrupt.tgz", bytes);
        expectRefused(root() / "corrupt.tgz", "corrupt");
    }
    void damagedChecksumFails() {
        // Flipped bytes in the gzip trailer (CRC-32): every tar header still parses, only the
        // checksum can tell. A small generated archive keeps this fast.
        writeTarGz(root() / "crc.tar.gz", goodEntries());
        std::string bytes = readBytes(root() / "crc.tar.gz");
        bytes[bytes.size() - 6] = char(bytes[bytes.size() - 6] ^ 0xFF);
        writeBytes(root() / "crc.tar.gz", bytes);
        expectRefused(root() / "crc.tar.gz", "crc.tar.gz");
    }
    void garbageFails() {
        writeBytes(root() / "garbage.tgz", std::string(5000, 'x'));
        expectRefused(root() / "garbage.tgz", "garbage.tgz");
    }
    void failureRemovesTheFoldersItCreated() {
        writeBytes(root() / "garbage.tgz", std::string(5000, 'x'));
        const fs::path deep = root() / "out" / "new" / "deeper" / "dataset";
        fs::create_directories(root() / "out");
        QVERIFY_THROWS_EXCEPTION(ulmfit::Error, ulmfit::extractArchive({root() / "garbage.tgz", deep}));
        QVERIFY(fs::exists(root() / "out")); // there before, so kept
        QCOMPARE(entriesIn(root() / "out"), std::size_t(0));
    }
    void dotDotEntryRefused() {
        auto entries = goodEntries();
        entries.push_back(file("data/../../evil.txt", "x"));
        expectEntryRefused(entries, "'..'");
        QVERIFY(!fs::exists(root() / "evil.txt"));
    }
    void absolutePathRefused() {
        auto entries = goodEntries();
        entries.push_back(file((root() / "abs-evil.txt").string(), "x"));
        expectEntryRefused(entries, "absolute path");
        QVERIFY(!fs::exists(root() / "abs-evil.txt"));
    }
    void escapingSymlinkRefused() {
        auto entries = goodEntries();
        entries.push_back(symlinkEntry("data/train/link", "../../../etc"));
        expectEntryRefused(entries, "symbolic link");
    }
    void absoluteSymlinkRefused() {
        auto entries = goodEntries();
        entries.push_back(symlinkEntry("data/passwd", "/etc/passwd"));
        expectEntryRefused(entries, "symbolic link");
    }
    void chainedSymlinksEscapingRefused() {
        // Each link alone stays inside; b resolves through a (= the root) to the root's parent.
        auto entries = goodEntries();
        entries.push_back(symlinkEntry("data/a", ".."));
        entries.push_back(symlinkEntry("data/b", "a/.."));
        expectEntryRefused(entries, "resolves outside");
    }
    void writingThroughChainedLinksRefused() {
        // data/b resolves outside; a file written below it would land there before any final check.
        auto entries = goodEntries();
        entries.push_back(symlinkEntry("data/a", ".."));
        entries.push_back(symlinkEntry("data/b", "a/.."));
        entries.push_back(file("data/b/escaped.txt", "x"));
        expectEntryRefused(entries, "written through the symbolic link");
        QVERIFY(!fs::exists(root() / "out" / "escaped.txt"));
    }
    void hardlinkThroughLinkRefused() {
        auto entries = goodEntries();
        entries.push_back(symlinkEntry("data/up", "train"));
        entries.push_back(hardlinkEntry("data/h", "data/up/a.txt"));
        expectEntryRefused(entries, "through the symbolic link");
    }
    void escapingHardlinkRefused() {
        auto entries = goodEntries();
        entries.push_back(hardlinkEntry("data/train/hard", "../../../etc/passwd"));
        expectEntryRefused(entries, "hard link");
    }
    void absoluteHardlinkRefused() {
        auto entries = goodEntries();
        entries.push_back(hardlinkEntry("data/train/hard", "/etc/passwd"));
        expectEntryRefused(entries, "hard link");
    }
    void fifoRefused() {
        auto entries = goodEntries();
        entries.push_back(special("data/fifo", AE_IFIFO));
        expectEntryRefused(entries, "FIFO");
    }
    void deviceRefused() {
        auto entries = goodEntries();
        entries.push_back(special("data/dev", AE_IFCHR));
        expectEntryRefused(entries, "device");
    }
    void internalLinksAreKept() {
        auto entries = goodEntries();
        entries.push_back(symlinkEntry("data/train/c.txt", "a.txt"));
        entries.push_back(hardlinkEntry("data/train/d.txt", "data/train/b.txt"));
        writeTarGz(root() / "links.tar.gz", entries);
        ulmfit::extractArchive({root() / "links.tar.gz", dest()});
        QCOMPARE(readBytes(dest() / "train" / "c.txt"), std::string("hello"));
        QCOMPARE(readBytes(dest() / "train" / "d.txt"), std::string("world"));
    }
    void byteLimitStopsExtraction() {
        auto entries = goodEntries();
        entries.push_back(file("data/big.txt", std::string(1 << 20, 'z')));
        writeTarGz(root() / "bomb.tar.gz", entries);
        expectRefused(root() / "bomb.tar.gz", "expands to more than", 512 * 1024);
    }
    void byteLimitCountsAllEntries() {
        std::vector<Entry> entries{dir("data/")};
        for (int i = 0; i < 20; ++i)
            entries.push_back(file("data/f" + std::to_string(i) + ".txt", std::string(1000, 'a')));
        writeTarGz(root() / "many.tar.gz", entries);
        expectRefused(root() / "many.tar.gz", "expands to more than", 10000);
    }
    void diskErrorFailsAndCleansUp() {
        auto entries = goodEntries();
        entries.push_back(file("data/big.txt", std::string(1 << 20, 'z')));
        writeTarGz(root() / "big.tar.gz", entries);
        std::signal(SIGXFSZ, SIG_IGN); // writes past the limit fail with EFBIG, like a full disk
        rlimit old{};
        ::getrlimit(RLIMIT_FSIZE, &old);
        rlimit small = old;
        small.rlim_cur = 500000;
        ::setrlimit(RLIMIT_FSIZE, &small);
        expectRefused(root() / "big.tar.gz", "cannot write");
        ::setrlimit(RLIMIT_FSIZE, &old);
    }
    void cancelMidExtraction() {
        ulmfit::CancelToken token;
        CancelOnProgress observer(token);
        fs::create_directories(dest().parent_path());
        QVERIFY_THROWS_EXCEPTION(ulmfit::Cancelled, ulmfit::extractArchive({kSample, dest()}, &observer, &token));
        QVERIFY(!fs::exists(dest()));
        QCOMPARE(entriesIn(dest().parent_path()), std::size_t(0));
    }
    void flatArchiveIsNotStripped() {
        writeTarGz(root() / "flat.tar.gz", {file("a.txt", "1"), file("b.txt", "2")});
        ulmfit::extractArchive({root() / "flat.tar.gz", dest()});
        QCOMPARE(readBytes(dest() / "a.txt"), std::string("1"));
        QCOMPARE(readBytes(dest() / "b.txt"), std::string("2"));
    }
};

QTEST_APPLESS_MAIN(ArchiveExtractorTest)
#include "ArchiveExtractorTest.moc"
