#include "app/gui/AppSetup.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace AppSetup {

void setIdentity(QCoreApplication& app) {
    app.setOrganizationName(QStringLiteral("ulmfit-studio"));
    app.setApplicationName(QStringLiteral("ulmfit-studio"));
    app.setApplicationVersion(QStringLiteral(ULMFIT_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("org.ulmfitstudio.Studio")); // Wayland app id
}

bool installTranslations(QCoreApplication& app, const QLocale& locale) {
    // Qt's own strings (standard buttons, file dialogs) from the system's Qt translations.
    auto* qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    else
        delete qt;
    // Ours, embedded by qt_add_translations under :/i18n.
    auto* ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("ulmfit-studio"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        app.installTranslator(ours);
        return true;
    }
    delete ours;
    return false;
}

} // namespace AppSetup
