#pragma once
// For docs/screenshots: with ULMFIT_SCREENSHOT_DIR set (and an X server, e.g. under xvfb-run)
// saves the screen as <dir>/<name>.png via ImageMagick's `import`. A dialog is grabbed on its own
// (Xvfb has no window manager to frame it over the main window). Without the variable: nothing.
#include <QProcess>
#include <QWidget>
#include <QtTest>

inline bool screenshotsWanted() { return !qEnvironmentVariableIsEmpty("ULMFIT_SCREENSHOT_DIR"); }

inline void screenshot(const QString& name, QWidget* dialog = nullptr) {
    if (!screenshotsWanted())
        return;
    const QString path = qEnvironmentVariable("ULMFIT_SCREENSHOT_DIR") + QLatin1Char('/') + name + QStringLiteral(".png");
    QTest::qWait(1500); // queued replots, lazy text loads
    if (dialog)
        QVERIFY(dialog->grab().save(path));
    else
        QProcess::execute(QStringLiteral("import"), {QStringLiteral("-window"), QStringLiteral("root"), path});
}
