// FileDescriptor closes what it holds, once, whichever way it goes.
#include "core/FileDescriptor.h"

#include <QtTest>

#include <fcntl.h>

namespace {
bool isOpen(int fd) { return ::fcntl(fd, F_GETFD) != -1; }
int openNull() { return ::open("/dev/null", O_RDONLY | O_CLOEXEC); }
} // namespace

class FileDescriptorTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void closesAtTheEndOfItsScope() {
        int raw = -1;
        {
            const ulmfit::FileDescriptor fd(openNull());
            raw = fd.get();
            QVERIFY(fd.valid());
            QVERIFY(isOpen(raw));
        }
        QVERIFY(!isOpen(raw));
    }

    void resetClosesTheOldOne() {
        ulmfit::FileDescriptor fd(openNull());
        const int first = fd.get();
        fd.reset(openNull());
        QVERIFY(fd.valid());
        QVERIFY(fd.get() != first); // opened before the old one closed: a different number
        QVERIFY(!isOpen(first));
        fd.reset();
        QVERIFY(!fd.valid());
    }

    void movingHandsItOver() {
        ulmfit::FileDescriptor a(openNull());
        const int raw = a.get();
        ulmfit::FileDescriptor b(std::move(a));
        QVERIFY(!a.valid()); // NOLINT(bugprone-use-after-move): the moved-from state is the point
        QCOMPARE(b.get(), raw);
        ulmfit::FileDescriptor c;
        c = std::move(b);
        QCOMPARE(c.get(), raw);
        QVERIFY(isOpen(raw));
    }

    void anInvalidOneClosesNothing() {
        ulmfit::FileDescriptor fd(-1);
        QVERIFY(!fd.valid());
        fd.reset(); // no close(-1)
    }
};

QTEST_APPLESS_MAIN(FileDescriptorTest)
#include "FileDescriptorTest.moc"
