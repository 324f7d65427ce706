#include "common/TokenHtml.h"

#include <QSet>

namespace ulmfit::ui {

namespace TokenHtml {
namespace {
// fastai's defaults.text_spec_tok plus the vocabulary padding token.
const QSet<QString>& specials() {
    static const QSet<QString> tokens{"xxunk", "xxpad",  "xxbos", "xxeos", "xxfld",
                                      "xxrep", "xxwrep", "xxup",  "xxmaj", "xxfake"};
    return tokens;
}
} // namespace

bool isSpecial(const QString& token) {
    return specials().contains(token);
}

QString fromTokens(const QStringList& tokens) {
    QString html;
    html.reserve(tokens.size() * 8);
    for (const QString& token : tokens) {
        if (!html.isEmpty())
            html += QLatin1Char(' ');
        if (isSpecial(token))
            html += QStringLiteral("<span style=\"color:#b3261e;font-weight:600\">%1</span>").arg(token);
        else
            html += token.toHtmlEscaped();
    }
    return html;
}

QString fromTokenText(const QString& spaceJoined) {
    return fromTokens(spaceJoined.split(QLatin1Char(' '), Qt::SkipEmptyParts));
}

} // namespace TokenHtml

} // namespace ulmfit::ui
