// The main window: views in canonical side-bar order, switching, menus, status bar, settings.
#include "ui/mainwindow/MainWindow.h"
#include "ui/settings/Settings.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace ulmfit::ui;

class MainWindowTest : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir m_settingsDir;

    static QWidget* page(const QString& name) {
        auto* w = new QLabel(name);
        w->setObjectName(name);
        return w;
    }

  private Q_SLOTS:
    void initTestCase() {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("ulmfit-studio-test"));
        QCoreApplication::setApplicationName(QStringLiteral("MainWindowTest"));
    }

    void knownViewsTakeTheirCanonicalPlace() {
        MainWindow window;
        window.addView("log", "Log", {}, page("logPage"));
        window.addView("dataset", "Dataset", {}, page("datasetPage"));
        window.addView("batches", "Batches", {}, page("batchesPage"));
        QCOMPARE(window.viewIds(), QStringList({"dataset", "batches", "log"}));
        window.addView("evaluate", "Evaluate", {}, page("evaluatePage"));
        window.addView("train", "Train", {}, page("trainPage"));
        window.addView("custom", "Custom", {}, page("customPage"));
        QCOMPARE(window.viewIds(), QStringList({"dataset", "batches", "train", "evaluate", "log", "custom"}));
        window.insertView(1, "first", "First", {}, page("firstPage"));
        QCOMPARE(window.viewIds().at(1), QString("first"));
        QCOMPARE(window.view("train")->objectName(), QString("trainPage"));
        QVERIFY(!window.view("predict"));
    }

    void sideBarSwitchesPages() {
        MainWindow window;
        window.addView("dataset", "Dataset", {}, page("datasetPage"));
        window.addView("log", "Log", {}, page("logPage"));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* sideBar = window.findChild<QListWidget*>("sideBar");
        auto* pages = window.findChild<QStackedWidget*>("pages");
        QVERIFY(sideBar && pages);
        QCOMPARE(window.currentViewId(), QString("dataset"));
        QSignalSpy changed(&window, &MainWindow::currentViewChanged);
        const QRect logRect = sideBar->visualItemRect(sideBar->item(1));
        QTest::mouseClick(sideBar->viewport(), Qt::LeftButton, {}, logRect.center());
        QCOMPARE(window.currentViewId(), QString("log"));
        QCOMPARE(pages->currentWidget()->objectName(), QString("logPage"));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().first().toString(), QString("log"));
        // View menu: one action per view, Ctrl+1.. shortcuts.
        auto* viewAction = window.findChild<QAction*>("actionView_dataset");
        QVERIFY(viewAction);
        QCOMPARE(viewAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_1));
        viewAction->trigger();
        QCOMPARE(pages->currentWidget()->objectName(), QString("datasetPage"));
    }

    void menuActionsEmitRequests() {
        MainWindow window;
        QSignalSpy imdb(&window, &MainWindow::getImdbRequested);
        QSignalSpy folder(&window, &MainWindow::openFolderRequested);
        QSignalSpy archive(&window, &MainWindow::openArchiveRequested);
        window.findChild<QAction*>("actionGetImdb")->trigger();
        window.findChild<QAction*>("actionOpenFolder")->trigger();
        window.findChild<QAction*>("actionOpenArchive")->trigger();
        QCOMPARE(imdb.count() + folder.count() + archive.count(), 3);
        QCOMPARE(window.findChild<QAction*>("actionOpenFolder")->shortcut(),
                 QKeySequence(QKeySequence::Open));
    }

    void recentModelsMenu() {
        MainWindow window;
        auto* recent = window.findChild<QMenu*>("recentModelsMenu");
        QVERIFY(!recent->isEnabled());
        window.setRecentModels({"/models/a.pt", "/models/b.pt"});
        QVERIFY(recent->isEnabled());
        QCOMPARE(recent->actions().size(), 2);
        QSignalSpy chosen(&window, &MainWindow::recentModelRequested);
        recent->actions().at(1)->trigger();
        QCOMPARE(chosen.first().first().toString(), QString("/models/b.pt"));
    }

    void statusBarShowsDeviceDatasetAndModel() {
        MainWindow window;
        window.setDeviceText("CPU (2 threads)");
        window.setDatasetText("/data/imdb (50,000 reviews)");
        QVERIFY(window.findChild<QLabel*>("statusDevice")->text().contains("CPU (2 threads)"));
        QVERIFY(window.findChild<QLabel*>("statusDataset")->text().contains("/data/imdb"));
        QVERIFY(!window.findChild<QLabel*>("statusModel")->text().isEmpty());
    }

    void settingsRememberGeometryAndView() {
        {
            MainWindow window;
            window.addView("dataset", "Dataset", {}, page("datasetPage"));
            window.addView("log", "Log", {}, page("logPage"));
            window.resize(900, 650);
            window.showView("log");
            window.saveSettings();
        }
        MainWindow restored;
        restored.addView("dataset", "Dataset", {}, page("datasetPage"));
        restored.addView("log", "Log", {}, page("logPage"));
        restored.restoreSettings();
        QCOMPARE(restored.currentViewId(), QString("log"));
        QCOMPARE(restored.size(), QSize(900, 650));
        QCOMPARE(Settings::get(SettingKeys::currentView), QString("log"));
    }

    void recentModelsAreCappedAndDeduplicated() {
        Settings::set(SettingKeys::recentModels, QStringList());
        for (int i = 0; i < 12; ++i)
            Settings::addRecentModel(QString("/m/%1.pt").arg(i));
        const QStringList recent = Settings::addRecentModel("/m/5.pt");
        QCOMPARE(recent.size(), Settings::get(SettingKeys::maxRecentModels));
        QCOMPARE(recent.first(), QString("/m/5.pt"));
        QCOMPARE(recent.count("/m/5.pt"), 1);
    }
};

QTEST_MAIN(MainWindowTest)
#include "MainWindowTest.moc"
