#pragma once
#include <QLocale>

class QCoreApplication;

/// Process-wide setup done once by main() (and by tests that need it).
namespace AppSetup {
/// Organization/application names (QSettings location), version, window icon.
void setIdentity(QCoreApplication& app);
/// Installs the application's and Qt's own translations for `locale` when available. Returns
/// whether the application's translation was found (English needs none and returns false).
bool installTranslations(QCoreApplication& app, const QLocale& locale = QLocale());
} // namespace AppSetup
