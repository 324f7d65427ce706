#include "TestArchives.h"
#include "TestHttpServer.h"

#include "core/Error.h"
#include "data/source/Downloader.h"
#include "data/source/Sha256.h"

#include <QTemporaryDir>
#include <csignal>
#include <sys/resource.h>
#include <QtTest>

namespace fs = std::filesystem;
using Mode = TestHttpServer::Mode;

namespace {
const fs::path kSample = fs::path(ULMFIT_SHARED_DATA_DIR) / "imdb_sample.tgz";

/// Records progress; optionally cancels once some bytes have arrived.
class RecordingObserver : public ulmfit::Observer {
public:
    explicit RecordingObserver(ulmfit::CancelToken* cancelAfterBytes = nullptr) : m_token(cancelAfterBytes) {}
    void onProgress(const ulmfit::Progress& p) override {
        events.push_back(p);
        if (m_token && p.done > 0)
            m_token->cancel();
    }
    std::vector<ulmfit::Progress> events;

private:
    ulmfit::CancelToken* m_token;
};

std::string expectError(const std::function<void()>& work) {
    try {
        work();
    } catch (const ulmfit::Cancelled&) {
        throw;
    } catch (const ulmfit::Error& e) {
        qInfo("%s", e.what());
        return e.what();
    }
    return "no error";
}
} // namespace

class DownloaderTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::string m_body = testarchives::readBytes(kSample);
    TestHttpServer m_server{m_body};

    fs::path dest() const { return fs::path(m_dir.path().toStdString()) / "archives" / "imdb_sample.tgz"; }
    fs::path part() const { return ulmfit::partialDownloadPath(dest()); }
    ulmfit::DownloadOptions options() const {
        ulmfit::DownloadOptions o;
        o.url = m_server.url();
        o.destination = dest();
        o.stallSeconds = 5;
        return o;
    }

private Q_SLOTS:
    void init() {
        fs::remove_all(dest().parent_path());
        m_server.setMode(Mode::Normal);
    }

    void downloadsWithProgress() {
        RecordingObserver observer;
        const auto result = ulmfit::downloadFile(options(), &observer);
        QCOMPARE(result.bytes, std::uintmax_t(m_body.size()));
        QVERIFY(!result.reused && !result.resumed);
        QVERIFY(testarchives::readBytes(dest()) == m_body);
        QVERIFY(!fs::exists(part()));
        QVERIFY(!observer.events.empty());
        const ulmfit::Progress& last = observer.events.back();
        QCOMPARE(last.task, std::string("download"));
        QCOMPARE(last.unit, std::string("B"));
        QCOMPARE(last.done, double(m_body.size()));
        QCOMPARE(last.total, double(m_body.size()));
    }
    void existingFileIsReused() {
        ulmfit::downloadFile(options());
        const auto requests = m_server.ranges().size();
        auto withSum = options();
        withSum.sha256 = ulmfit::sha256File(kSample);
        QVERIFY(ulmfit::downloadFile(withSum).reused);
        QCOMPARE(m_server.ranges().size(), requests);
    }
    void notFoundGivesClearError() {
        m_server.setMode(Mode::NotFound);
        const std::string message = expectError([&] { ulmfit::downloadFile(options()); });
        QVERIFY2(message.find("HTTP 404 Not Found") != std::string::npos, message.c_str());
        QVERIFY(!fs::exists(dest()));
        QVERIFY(!fs::exists(part()));
    }
    void droppedConnectionResumesWithRange() {
        const std::size_t cut = 700000;
        m_server.setMode(Mode::DropAfter, cut);
        const std::string message = expectError([&] { ulmfit::downloadFile(options()); });
        QVERIFY2(message.find("connection") != std::string::npos, message.c_str());
        QVERIFY2(message.find("run again to resume") != std::string::npos, message.c_str());
        QVERIFY(!fs::exists(dest()));
        QCOMPARE(fs::file_size(part()), std::uintmax_t(cut));

        m_server.setMode(Mode::Normal);
        auto withSum = options();
        withSum.sha256 = ulmfit::sha256File(kSample);
        const auto result = ulmfit::downloadFile(withSum);
        QVERIFY(result.resumed);
        QCOMPARE(m_server.ranges().back(), "bytes=" + std::to_string(cut) + "-");
        QVERIFY(testarchives::readBytes(dest()) == m_body);
        QVERIFY(!fs::exists(part()));
    }
    void stalledTransferTimesOut() {
        m_server.setMode(Mode::Stall, 500);
        auto o = options();
        o.stallSeconds = 1;
        o.stallBytesPerSecond = 1000;
        const std::string message = expectError([&] { ulmfit::downloadFile(o); });
        QVERIFY2(message.find("stalled") != std::string::npos, message.c_str());
        QCOMPARE(fs::file_size(part()), std::uintmax_t(500));
    }
    void serverIgnoringRangeRestartsFromZero() {
        fs::create_directories(dest().parent_path());
        testarchives::writeBytes(part(), std::string(5000, 'x'));
        m_server.setMode(Mode::IgnoreRange);
        const auto result = ulmfit::downloadFile(options());
        QVERIFY(!result.resumed);
        QCOMPARE(m_server.ranges().back(), std::string("bytes=5000-"));
        QVERIFY(testarchives::readBytes(dest()) == m_body);
    }
    void completePartialIsFinishedAfter416() {
        fs::create_directories(dest().parent_path());
        testarchives::writeBytes(part(), m_body);
        ulmfit::downloadFile(options());
        QCOMPARE(m_server.ranges().back(), "bytes=" + std::to_string(m_body.size()) + "-");
        QVERIFY(testarchives::readBytes(dest()) == m_body);
    }
    void oversizedPartialStartsOver() {
        fs::create_directories(dest().parent_path());
        testarchives::writeBytes(part(), m_body + "extra bytes from another file");
        ulmfit::downloadFile(options());
        QCOMPARE(m_server.ranges().back(), std::string()); // the second try asks for the whole file
        QVERIFY(testarchives::readBytes(dest()) == m_body);
    }
    void checksumMismatchDeletesDownload() {
        auto wrong = options();
        wrong.sha256 = std::string(64, 'a');
        const std::string message = expectError([&] { ulmfit::downloadFile(wrong); });
        QVERIFY2(message.find("SHA-256") != std::string::npos, message.c_str());
        QVERIFY(!fs::exists(dest()));
        QVERIFY(!fs::exists(part()));
    }
    void failedCheckDeletesDownloadAndBlocksReuse() {
        auto checked = options();
        std::size_t calls = 0;
        checked.check = [&](const fs::path& file, const ulmfit::CancelToken*) -> std::string {
            ++calls;
            return fs::file_size(file) == m_body.size() + 1 ? "" : "its size is not the listed one";
        };
        const std::string message = expectError([&] { ulmfit::downloadFile(checked); });
        QVERIFY2(message.find("its size is not the listed one") != std::string::npos, message.c_str());
        QVERIFY(!fs::exists(dest()));
        QVERIFY(!fs::exists(part()));

        ulmfit::downloadFile(options()); // an unchecked copy is there now...
        checked.check = [&](const fs::path&, const ulmfit::CancelToken*) { return std::string("different"); };
        const auto requests = m_server.ranges().size();
        expectError([&] { ulmfit::downloadFile(checked); }); // ...but failing the check, it is not reused
        QCOMPARE(m_server.ranges().size(), requests + 1);
        QVERIFY(!fs::exists(dest()));
        QCOMPARE(calls, std::size_t(1));
    }
    void malformedChecksumFailsBeforeDownloading() {
        auto wrong = options();
        wrong.sha256 = "abc";
        const auto requests = m_server.ranges().size();
        QVERIFY_THROWS_EXCEPTION(ulmfit::Error, ulmfit::downloadFile(wrong));
        QCOMPARE(m_server.ranges().size(), requests);
    }
    void cancelKeepsPartial() {
        m_server.setMode(Mode::Slow);
        ulmfit::CancelToken token;
        RecordingObserver observer(&token);
        QVERIFY_THROWS_EXCEPTION(ulmfit::Cancelled, ulmfit::downloadFile(options(), &observer, &token));
        QVERIFY(!fs::exists(dest()));
        QVERIFY(fs::exists(part()));
        QVERIFY(fs::file_size(part()) < m_body.size());
    }
    void refusedConnectionGivesClearError() {
        auto o = options();
        o.url = "http://127.0.0.1:1/imdb.tgz"; // port 1: nothing listens there
        const std::string message = expectError([&] { ulmfit::downloadFile(o); });
        QVERIFY2(message.find("cannot connect") != std::string::npos, message.c_str());
        QVERIFY(!fs::exists(part()));
        o.destination = dest().parent_path() / "new" / "archives" / "imdb.tgz";
        expectError([&] { ulmfit::downloadFile(o); });
        QVERIFY(!fs::exists(dest().parent_path() / "new")); // the folders made for it went with it
    }
    void diskErrorGivesClearError() {
        // A file-size limit makes writes fail with EFBIG, as a full disk would fail them.
        std::signal(SIGXFSZ, SIG_IGN);
        rlimit old{};
        ::getrlimit(RLIMIT_FSIZE, &old);
        rlimit small = old;
        small.rlim_cur = 100000;
        ::setrlimit(RLIMIT_FSIZE, &small);
        const std::string message = expectError([&] { ulmfit::downloadFile(options()); });
        ::setrlimit(RLIMIT_FSIZE, &old);
        QVERIFY2(message.find("cannot write") != std::string::npos, message.c_str());
        QVERIFY(!fs::exists(dest()));
    }
    void unwritableDestinationGivesClearError() {
        auto o = options();
        o.destination = "/proc/not/writable/imdb.tgz";
        QVERIFY_THROWS_EXCEPTION(ulmfit::Error, ulmfit::downloadFile(o));
    }
};

QTEST_APPLESS_MAIN(DownloaderTest)
#include "DownloaderTest.moc"
