// German: the embedded application translation and Qt's own are installed and used.
#include "app/gui/AppSetup.h"
#include "ui/mainwindow/MainWindow.h"

#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QtTest>

using namespace ulmfit::ui;

class TranslationTest : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void germanIsInstalled() {
        QVERIFY(AppSetup::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
        MainWindow window;
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus, QStringList({"&Datei", "&Ansicht", "&Hilfe"}));
        // Qt's own strings (standard buttons) come from qtbase_de.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QString("Abbrechen"));
    }

    void englishNeedsNoTranslation() {
        QVERIFY(!AppSetup::installTranslations(*qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    }
};

QTEST_MAIN(TranslationTest)
#include "TranslationTest.moc"
