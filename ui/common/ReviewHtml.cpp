#include "common/ReviewHtml.h"

namespace ulmfit::ui {

QString reviewHtml(const QString& text) {
    QString html = text.toHtmlEscaped();
    html.replace(QStringLiteral("&lt;br /&gt;"), QStringLiteral("<br>"));
    return html;
}

} // namespace ulmfit::ui
