// ulmfit-studio: the desktop application. Wiring only; see StudioController.
#include "app/gui/AppSetup.h"
#include "app/gui/StudioController.h"

#include <QApplication>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    AppSetup::setIdentity(app);
    AppSetup::installTranslations(app);
    StudioController studio;
    studio.start();
    return app.exec();
}
