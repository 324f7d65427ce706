#include "settings/Settings.h"

namespace ulmfit::ui {

QStringList Settings::addRecentModel(const QString& path) {
    QStringList recent = get(SettingKeys::recentModels);
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > get(SettingKeys::maxRecentModels))
        recent.removeLast();
    set(SettingKeys::recentModels, recent);
    return recent;
}

} // namespace ulmfit::ui
