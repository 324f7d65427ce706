// The progress dialog used for getting and opening datasets: amount, rate, time left, cancel.
#include "ui/common/TaskProgressDialog.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace ulmfit::ui;

class DatasetProgressDialogTest : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void showsBytesRateAndTimeLeft() {
        TaskProgressDialog dialog;
        dialog.start("Get IMDb");
        dialog.setProgress({"download", 5e6, 20e6, 1e6, "B", "imdb.tgz"});
        QCOMPARE(dialog.findChild<QLabel*>("progressTask")->text(), QString("Downloading"));
        const QString status = dialog.statusText();
        QVERIFY2(status.contains("5.0 MB of 20.0 MB"), qPrintable(status));
        QVERIFY2(status.contains("1.0 MB/s"), qPrintable(status));
        QVERIFY2(status.contains("00:15 left"), qPrintable(status));
        QCOMPARE(dialog.findChild<QProgressBar*>()->value(), 250);
        QCOMPARE(dialog.findChild<QLabel*>("progressDetail")->text(), QString("imdb.tgz"));
    }

    void unknownTotalShowsABusyBar() {
        TaskProgressDialog dialog;
        dialog.start("Open dataset");
        dialog.setProgress({"scan", 1200, 0, 0, "files", "train/pos"});
        QCOMPARE(dialog.findChild<QProgressBar*>()->maximum(), 0);
        QCOMPARE(dialog.statusText(), QString("1,200 files"));
    }

    void cancelButtonRequestsCancel() {
        TaskProgressDialog dialog;
        dialog.start("Get IMDb");
        QSignalSpy cancel(&dialog, &TaskProgressDialog::cancelRequested);
        auto* button = dialog.findChild<QPushButton*>("progressCancel");
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(cancel.count(), 1);
        QVERIFY(!button->isEnabled()); // until the work has actually stopped
        QVERIFY(dialog.isVisible());
    }
};

QTEST_MAIN(DatasetProgressDialogTest)
#include "DatasetProgressDialogTest.moc"
