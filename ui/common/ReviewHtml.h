#pragma once
#include <QString>

namespace ulmfit::ui {

/// A review as rich text: IMDb reviews keep the site's `<br />` line breaks, shown as breaks;
/// everything else is escaped and shown as typed.
QString reviewHtml(const QString& text);

} // namespace ulmfit::ui
