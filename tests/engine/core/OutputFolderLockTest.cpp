// One run per output folder: a second holder is refused by name and pid; a killed holder frees it.
#include "core/OutputFolderLock.h"
#include "core/Error.h"

#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <optional>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {
QString lockError(const fs::path& folder) {
    try {
        OutputFolderLock lock(folder);
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}
} // namespace

class OutputFolderLockTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void secondHolderIsRefusedWithFolderAndPid() {
        QTemporaryDir dir;
        const fs::path folder = fs::path(dir.path().toStdString()) / "run";
        std::optional<OutputFolderLock> first(std::in_place, folder);
        QVERIFY(fs::is_directory(folder));
        const QString error = lockError(folder);
        QCOMPARE(error,
                 QString("the output folder %1 is in use by another run (pid %2); wait for it to finish or "
                         "choose another folder")
                     .arg(QString::fromStdString(folder.string()))
                     .arg(::getpid()));
        first.reset();
        QVERIFY(!fs::exists(folder / OutputFolderLock::kFileName)); // nothing left behind
        QVERIFY2(lockError(folder).isEmpty(), "the folder is free again once the first holder is gone");
    }

    void killedHolderLeavesTheFolderFree() {
        QTemporaryDir dir;
        const fs::path folder = fs::path(dir.path().toStdString()) / "run";
        int ready[2];
        QCOMPARE(::pipe(ready), 0);
        const pid_t child = ::fork();
        if (child == 0) { // the "run": take the lock, say so, and wait to be killed
            OutputFolderLock lock(folder);
            const char byte = 1;
            static_cast<void>(::write(ready[1], &byte, 1));
            for (;;)
                ::pause();
        }
        QVERIFY(child > 0);
        char byte = 0;
        QCOMPARE(::read(ready[0], &byte, 1), ssize_t(1));
        QVERIFY(lockError(folder).contains(QString("(pid %1)").arg(child)));

        ::kill(child, SIGKILL); // no destructor runs: the lock file stays, the lock does not
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(WIFSIGNALED(status));
        QVERIFY(fs::exists(folder / OutputFolderLock::kFileName));
        QCOMPARE(lockError(folder), QString());
        ::close(ready[0]);
        ::close(ready[1]);
    }

    void aFileInTheWayIsAClearError() {
        QTemporaryDir dir;
        const fs::path file = fs::path(dir.path().toStdString()) / "plain-file";
        std::ofstream(file) << "x";
        QVERIFY(lockError(file).startsWith("cannot create the output folder " +
                                           QString::fromStdString(file.string())));
    }
};

QTEST_APPLESS_MAIN(OutputFolderLockTest)
#include "OutputFolderLockTest.moc"
