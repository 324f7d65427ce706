#include "TestHttpServer.h"
#include "TestArchives.h"

#include "core/Error.h"
#include "data/source/Dataset.h"
#include "data/source/DatasetFetcher.h"
#include "data/source/Sha256.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstdlib>

namespace fs = std::filesystem;

namespace {
const fs::path kSample = fs::path(ULMFIT_SHARED_DATA_DIR) / "imdb_sample.tgz";

void verifySampleCounts(const fs::path& root) {
    const ulmfit::DatasetIndex index = ulmfit::scanDataset(root);
    QCOMPARE(index.counts.at("train").at("pos"), std::size_t(1000));
    QCOMPARE(index.counts.at("train").at("neg"), std::size_t(1000));
    QCOMPARE(index.counts.at("test").at("pos"), std::size_t(500));
    QCOMPARE(index.counts.at("test").at("neg"), std::size_t(500));
}
} // namespace

class DatasetFetcherTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    fs::path root() const { return fs::path(m_dir.path().toStdString()) / "data"; }

private Q_SLOTS:
    void init() { fs::remove_all(root()); }

    void namesFromUrlsAndArchives() {
        QCOMPARE(ulmfit::fileNameFromUrl(ulmfit::kImdbUrl), std::string("imdb.tgz"));
        QCOMPARE(ulmfit::fileNameFromUrl("http://h/x/data.tar.gz?sig=1#f"), std::string("data.tar.gz"));
        QVERIFY_THROWS_EXCEPTION(ulmfit::Error, ulmfit::fileNameFromUrl("https://host"));
        QCOMPARE(ulmfit::datasetNameForArchive("imdb.tgz"), std::string("imdb"));
        QCOMPARE(ulmfit::datasetNameForArchive("imdb_sample.tar.gz"), std::string("imdb_sample"));
        QCOMPARE(ulmfit::datasetNameForArchive("reviews.zip"), std::string("reviews"));
    }
    void localArchiveIsExtractedThenReused() {
        ulmfit::FetchOptions options;
        options.localArchive = kSample;
        options.destRoot = root();
        options.sha256 = ulmfit::sha256File(kSample);
        const ulmfit::FetchResult first = ulmfit::fetchDataset(options);
        QCOMPARE(first.datasetRoot, root() / "imdb_sample");
        QVERIFY(first.extracted && !first.downloaded);
        verifySampleCounts(first.datasetRoot);
        const ulmfit::FetchResult second = ulmfit::fetchDataset(options);
        QVERIFY(!second.extracted);
        QCOMPARE(second.datasetRoot, first.datasetRoot);
    }
    void downloadsExtractsAndReuses() {
        TestHttpServer server(testarchives::readBytes(kSample));
        ulmfit::FetchOptions options;
        options.url = server.url();
        options.destRoot = root();
        const ulmfit::FetchResult first = ulmfit::fetchDataset(options);
        QVERIFY(first.downloaded && first.extracted);
        QCOMPARE(first.archive, root() / "archives" / "imdb_sample.tgz");
        QVERIFY(fs::is_regular_file(first.archive));
        verifySampleCounts(first.datasetRoot);
        QCOMPARE(server.ranges().size(), std::size_t(1));
        const ulmfit::FetchResult second = ulmfit::fetchDataset(options);
        QVERIFY(!second.downloaded && !second.extracted);
        QCOMPARE(server.ranges().size(), std::size_t(1)); // nothing downloaded again
    }
    void wrongLocalChecksumExtractsNothing() {
        ulmfit::FetchOptions options;
        options.localArchive = kSample;
        options.destRoot = root();
        options.sha256 = std::string(64, '0');
        QVERIFY_THROWS_EXCEPTION(ulmfit::Error, ulmfit::fetchDataset(options));
        QVERIFY(!fs::exists(root() / "imdb_sample"));
    }
    void brokenLeftoverFolderGivesClearError() {
        fs::create_directories(root() / "imdb_sample" / "train");
        ulmfit::FetchOptions options;
        options.localArchive = kSample;
        options.destRoot = root();
        try {
            ulmfit::fetchDataset(options);
            QFAIL("expected an error");
        } catch (const ulmfit::Error& e) {
            QVERIFY2(std::string(e.what()).find("delete it") != std::string::npos, e.what());
        }
    }
    void defaultRootIsTheUserDataFolder() {
        ::setenv("ULMFIT_DATA_DIR", root().c_str(), 1);
        ulmfit::FetchOptions options;
        options.localArchive = kSample;
        const ulmfit::FetchResult result = ulmfit::fetchDataset(options);
        ::unsetenv("ULMFIT_DATA_DIR");
        QCOMPARE(result.datasetRoot, root() / "imdb_sample");
    }
};

QTEST_APPLESS_MAIN(DatasetFetcherTest)
#include "DatasetFetcherTest.moc"
