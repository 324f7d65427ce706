#include "core/Error.h"
#include "data/source/Dataset.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace fs = std::filesystem;

namespace {
void writeFile(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
}

/// A tiny fastai-layout dataset: 3 train/pos, 2 train/neg (+1 empty), 1 test/pos, 1 test/neg, 2 unsup.
void makeDataset(const fs::path& root, bool withUnsup) {
    writeFile(root / "train/pos/10_9.txt", "great");
    writeFile(root / "train/pos/2_7.txt", "good");
    writeFile(root / "train/pos/3_10.txt", "superb");
    writeFile(root / "train/neg/4_1.txt", "awful");
    writeFile(root / "train/neg/5_3.txt", "bad\xFF\xFE bytes");
    writeFile(root / "train/neg/6_2.txt", "");
    writeFile(root / "train/urls_pos.txt", "not a review");
    writeFile(root / "test/pos/7_8.txt", "fine");
    writeFile(root / "test/neg/8_4.txt", "meh");
    writeFile(root / "test/neg/notes.md", "ignored: not .txt");
    if (withUnsup) {
        writeFile(root / "unsup/9_0.txt", "unlabelled");
        writeFile(root / "unsup/11_0.txt", "more");
    }
}
} // namespace

class DatasetScanTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path root() const { return fs::path(m_dir.path().toStdString()); }

private Q_SLOTS:
    void init() { fs::remove_all(root() / "ds"); }

    void countsLabelsAndRatings() {
        makeDataset(root() / "ds" / "imdb", false);
        const ulmfit::DatasetIndex index = ulmfit::scanDataset(root() / "ds"); // parent folder works too
        QCOMPARE(index.root, root() / "ds" / "imdb");
        QCOMPARE(index.labels, (std::vector<std::string>{"neg", "pos"}));
        QCOMPARE(index.counts.at("train").at("pos"), std::size_t(3));
        QCOMPARE(index.counts.at("train").at("neg"), std::size_t(2));
        QCOMPARE(index.counts.at("test").at("pos"), std::size_t(1));
        QCOMPARE(index.counts.at("test").at("neg"), std::size_t(1));
        QCOMPARE(index.count("train"), std::size_t(5));
        QCOMPARE(index.count("unsup"), std::size_t(0));
        QCOMPARE(index.files.size(), std::size_t(7));
        // Deterministic order: split (train, test), label (sorted), file name.
        const ulmfit::ReviewFile& first = index.files.front();
        QCOMPARE(first.split, std::string("train"));
        QCOMPARE(first.label, std::string("neg"));
        QCOMPARE(first.path.filename().string(), std::string("4_1.txt"));
        QCOMPARE(first.rating, 1);
        QCOMPARE(first.bytes, std::uintmax_t(5));
        QCOMPARE(index.files[4].path.filename().string(), std::string("3_10.txt"));
        QCOMPARE(index.files[4].rating, 10);
    }
    void emptyFileIsReportedNotListed() {
        makeDataset(root() / "ds", false);
        const ulmfit::DatasetIndex index = ulmfit::scanDataset(root() / "ds");
        QCOMPARE(index.emptyFiles.size(), std::size_t(1));
        QCOMPARE(index.emptyFiles.front().filename().string(), std::string("6_2.txt"));
        for (const auto& file : index.files)
            QVERIFY(file.bytes > 0);
    }
    void unsupIsIncludedWithEmptyLabel() {
        makeDataset(root() / "ds", true);
        const ulmfit::DatasetIndex index = ulmfit::scanDataset(root() / "ds");
        QCOMPARE(index.count("unsup"), std::size_t(2));
        QCOMPARE(index.files.back().split, std::string("unsup"));
        QCOMPARE(index.files.back().label, std::string());
        QCOMPARE(index.files.back().rating, 0);
        QCOMPARE(index.labels, (std::vector<std::string>{"neg", "pos"})); // unsup adds no label
    }
    void missingTrainGivesClearError() {
        writeFile(root() / "ds/test/pos/1_8.txt", "x");
        try {
            ulmfit::scanDataset(root() / "ds");
            QFAIL("expected an error");
        } catch (const ulmfit::Error& e) {
            QVERIFY2(std::string(e.what()).find("train/ and test/") != std::string::npos, e.what());
        }
    }
    void splitWithoutLabelFoldersGivesClearError() {
        writeFile(root() / "ds/train/1_8.txt", "x");
        writeFile(root() / "ds/test/pos/1_8.txt", "x");
        QVERIFY_THROWS_EXCEPTION(ulmfit::Error, ulmfit::scanDataset(root() / "ds"));
    }
    void missingFolderGivesClearError() {
        QVERIFY_THROWS_EXCEPTION(ulmfit::Error, ulmfit::scanDataset(root() / "nope"));
    }
    void fileGivenAsFolderSaysSo() { // an archive named where its extracted folder belongs, say
        writeFile(root() / "ds.tgz", "not a folder");
        try {
            ulmfit::scanDataset(root() / "ds.tgz");
            QFAIL("expected an error");
        } catch (const ulmfit::Error& e) {
            QVERIFY2(std::string(e.what()).find("ds.tgz is a file, not a dataset folder") !=
                         std::string::npos,
                     e.what());
        }
    }
    void readReviewReplacesInvalidUtf8() {
        makeDataset(root() / "ds", false);
        QCOMPARE(ulmfit::readReviewText(root() / "ds/train/neg/5_3.txt"),
                 std::string("bad\xEF\xBF\xBD\xEF\xBF\xBD bytes"));
        QVERIFY_THROWS_EXCEPTION(ulmfit::Error, ulmfit::readReviewText(root() / "ds/missing.txt"));
    }
};

QTEST_APPLESS_MAIN(DatasetScanTest)
#include "DatasetScanTest.moc"
