#pragma once
#include <QString>
#include <QStringList>

namespace ulmfit::ui {

/// Rich text for fastai tokens: special tokens (xxbos, xxmaj, ...) are highlighted so a reader
/// sees what the tokenizer added.
namespace TokenHtml {
bool isSpecial(const QString& token);
QString fromTokens(const QStringList& tokens);
QString fromTokenText(const QString& spaceJoined); // show_batch text: tokens joined by spaces
} // namespace TokenHtml

} // namespace ulmfit::ui
