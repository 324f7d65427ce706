#pragma once
#include <QIcon>

namespace ulmfit::ui {

/// The application's icons from the embedded resources (resources/studio.qrc).
namespace Icons {
QIcon application();
QIcon view(const QString& name); // "dataset", "batches", "train", "predict", "evaluate", "log"
} // namespace Icons

} // namespace ulmfit::ui
