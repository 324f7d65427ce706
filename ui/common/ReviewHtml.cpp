#include "ui/common/ReviewHtml.h"

QString reviewHtml(const QString& text) {
    QString html = text.toHtmlEscaped();
    html.replace(QStringLiteral("&lt;br /&gt;"), QStringLiteral("<br>"));
    return html;
}
