#include "app/bridge/EngineState.h"

#include "usecase/BatchPreview.h"

#include <QStringList>

using namespace ulmfit::ui;

namespace {
// fastai's show_batch cuts texts at trunc_at=150 tokens.
constexpr int kTruncateAt = 150;

QString truncated(const std::string& text) {
    QStringList tokens = QString::fromStdString(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (tokens.size() <= kTruncateAt)
        return tokens.join(QLatin1Char(' '));
    return tokens.mid(0, kTruncateAt).join(QLatin1Char(' ')) + QStringLiteral(" …");
}

ShownBatch toShown(const ulmfit::BatchTable& table, BatchKind kind) {
    ShownBatch shown;
    shown.kind = kind;
    for (const std::string& column : table.columns)
        shown.headers << QString::fromStdString(column);
    for (const auto& row : table.rows) {
        QStringList cells;
        for (const std::string& cell : row)
            cells << truncated(cell);
        shown.rows << cells;
    }
    return shown;
}

} // namespace

ShownBatch drawBatch(const ulmfit::Corpus& corpus, BatchKind kind, int rows, int draw) {
    using Kind = ulmfit::BatchPreviewOptions::Kind;
    auto options = ulmfit::BatchPreviewOptions::book(kind == BatchKind::LanguageModel ? Kind::LanguageModel
                                                                                      : Kind::Classifier);
    options.rows = rows;
    options.draw = draw;
    return toShown(ulmfit::previewBatch(corpus, options), kind);
}
