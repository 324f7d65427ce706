// ulmfit-studio: the desktop application. Wiring only; see StudioController.
#include "app/gui/AppSetup.h"
#include "app/gui/StudioController.h"
#include "core/BlasKernels.h"

#include <QApplication>

int main(int argc, char** argv) {
    ulmfit::restartWithBestBlasKernels(argv); // before anything else: it may exec this binary again
    QApplication app(argc, argv);
    AppSetup::setIdentity(app);
    AppSetup::installTranslations(app);
    StudioController studio;
    studio.start();
    return app.exec();
}
