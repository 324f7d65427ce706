// Weight files and bundles on a full disk: one clear error, the previous file or folder intact,
// nothing half-written. Real writes that really fail: a file-size limit on this process, and a
// tiny tmpfs (when this process may mount one).
#include "SmallTmpfs.h"
#include "TinyModel.h"

#include "core/Error.h"
#include "model/Checkpoint.h"
#include "model/ModelBundle.h"

#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>

using namespace ulmfit;
using namespace ulmfit::test;
namespace fs = std::filesystem;

namespace {
/// Every write past `bytes` fails with EFBIG in this process while the object lives.
class FileSizeLimit {
  public:
    explicit FileSizeLimit(rlim_t bytes) {
        std::signal(SIGXFSZ, SIG_IGN); // else the kernel kills the process instead of failing the write
        ::getrlimit(RLIMIT_FSIZE, &m_old);
        const rlimit limit{bytes, m_old.rlim_max};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() { ::setrlimit(RLIMIT_FSIZE, &m_old); }

  private:
    rlimit m_old{};
};

QString errorOf(const std::function<void()>& action) {
    try {
        action();
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}

int entries(const fs::path& folder) {
    return static_cast<int>(std::distance(fs::directory_iterator(folder), fs::directory_iterator()));
}

QString text(const fs::path& path) {
    return QString::fromStdString(path.string());
}
} // namespace

class DiskFullTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void failingWriterIsOneErrorAndKeepsThePreviousFile() {
        QTemporaryDir dir;
        const fs::path path = fs::path(dir.path().toStdString()) / "lm.pt";
        torch::manual_seed(1);
        LanguageModel previous(tinyConfig());
        saveLanguageModel(previous, path);
        const auto previousSize = fs::file_size(path);

        LanguageModel bigger(tinyConfig(20000)); // over 640 KB of embedding alone
        QString error;
        {
            const FileSizeLimit limit(previousSize + 64 * 1024);
            error = errorOf([&] { saveLanguageModel(bigger, path); });
        }
        QVERIFY2(error.startsWith("writing " + text(path) + " ("), qPrintable(error));
        QVERIFY2(error.contains(") failed") && error.contains("is free there"), qPrintable(error));
        QVERIFY(!error.contains('\n'));
        QCOMPARE(entries(path.parent_path()), 1); // no temporary file left
        LanguageModel reloaded(tinyConfig());
        loadLanguageModel(reloaded, path);
        QVERIFY(torch::equal(reloaded->parameters().front(), previous->parameters().front()));
    }

    void fullTmpfsKeepsThePreviousBundle() {
        test::SmallTmpfs disk(1024 * 1024);
        if (!disk.ok())
            QSKIP("cannot mount a tmpfs here (needs root); the file-size-limit test covers the writer");
        const fs::path folder = disk.path() / "model";
        torch::manual_seed(1);
        saveClassifierBundle(folder, TextClassifier(tinyConfig(30, true), tinyOptions()), tokens(30),
                             {"a", "b", "c"});

        TextClassifier bigger(tinyConfig(40000, true), tinyOptions()); // 1.3 MB of embedding alone
        const QString error = errorOf([&] {
            saveClassifierBundle(folder, bigger, tokens(40000), {"a", "b", "c"});
        });
        QVERIFY2(
            error.startsWith("not enough disk space to write " + text(folder / "model.pt") + ": it needs "),
            qPrintable(error));
        QVERIFY2(error.contains(" is free there"), qPrintable(error));
        QCOMPARE(entries(disk.path()), 1); // the bundle only: no staging folder left behind
        const auto loaded = loadClassifierBundle(folder);
        QCOMPARE(loaded.vocab.size(), std::size_t(30));
    }

  private:
    static std::vector<std::string> tokens(int n) {
        std::vector<std::string> vocab;
        for (int i = 0; i < n; ++i)
            vocab.push_back("t" + std::to_string(i));
        return vocab;
    }
};

QTEST_APPLESS_MAIN(DiskFullTest)
#include "DiskFullTest.moc"
