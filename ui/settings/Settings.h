#pragma once
#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace ulmfit::ui {

/// A typed setting: its QSettings key and its default, declared together on one line below.
template <typename T> struct SettingKey {
    const char* key;
    T fallback;
};

/// Every persistent user preference of the desktop application. The engine never reads these:
/// controllers turn them into plain engine config structs.
namespace SettingKeys {
inline const SettingKey<QByteArray> windowGeometry{"window/geometry", {}};
inline const SettingKey<QByteArray> windowState{"window/state", {}};
inline const SettingKey<QString> currentView{"window/currentView", QStringLiteral("dataset")};
inline const SettingKey<QString> datasetFolder{"dataset/folder", {}};
inline const SettingKey<QString> lastBrowseFolder{"dataset/lastBrowseFolder", {}};
inline const SettingKey<QString> imdbUrl{"dataset/imdbUrl", {}}; // empty = the engine's default (fastai's)
inline const SettingKey<QString> imdbSha256{"dataset/imdbSha256", {}};
inline const SettingKey<QStringList> recentModels{"model/recent", {}};
inline const SettingKey<QString> loadedModel{"model/loaded", {}};
inline const SettingKey<int> batchRows{"batches/rows", 6};
inline const SettingKey<int> logLevel{"log/level", 2}; // LogLevel::Info
inline const SettingKey<int> maxRecentModels{"model/maxRecent", 8};
} // namespace SettingKeys

/// Typed facade over QSettings (organization/application names are set in main()).
class Settings {
  public:
    template <typename T> static T get(const SettingKey<T>& key) {
        return QSettings()
            .value(QLatin1String(key.key), QVariant::fromValue(key.fallback))
            .template value<T>();
    }
    template <typename T> static void set(const SettingKey<T>& key, const T& value) {
        QSettings().setValue(QLatin1String(key.key), QVariant::fromValue(value));
    }

    /// Puts `path` first in the recent-models list (no duplicates, capped).
    static QStringList addRecentModel(const QString& path);
};

} // namespace ulmfit::ui
