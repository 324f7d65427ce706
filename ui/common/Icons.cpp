#include "common/Icons.h"

// The resources live in a static library: make sure their initializer is linked and run.
// Q_INIT_RESOURCE must be used outside any namespace.
static void initStudioResources() {
    Q_INIT_RESOURCE(studio);
}

namespace ulmfit::ui {

namespace Icons {
namespace {
void ensureResources() {
    static const bool done = (initStudioResources(), true);
    Q_UNUSED(done);
}
} // namespace

QIcon application() {
    ensureResources();
    return QIcon(QStringLiteral(":/icons/ulmfit-studio.svg"));
}

QIcon view(const QString& name) {
    ensureResources();
    return QIcon(QStringLiteral(":/icons/%1.svg").arg(name));
}

} // namespace Icons

} // namespace ulmfit::ui
