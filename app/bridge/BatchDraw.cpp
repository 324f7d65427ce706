#include "app/bridge/EngineState.h"

#include "data/batch/ClassifierDataLoader.h"
#include "data/batch/LmDataLoader.h"
#include "data/batch/ShowBatch.h"

#include "core/Error.h"

#include <QStringList>

namespace {
// The book's data loaders: LM bs=128, seq_len=80 (chapter 10); classifier bs=64. fastai's
// show_batch cuts texts at trunc_at=150 tokens.
constexpr int kLmBatchSize = 128;
constexpr int kLmSeqLen = 80;
constexpr int kClasBatchSize = 64;
constexpr int kTruncateAt = 150;
constexpr std::uint64_t kSeed = 42;

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

ShownBatch lmBatch(const ulmfit::Corpus& corpus, int rows, int draw) {
    ulmfit::LmDataLoader loader(corpus, ulmfit::splitLmDocuments(corpus).train, kLmBatchSize, kLmSeqLen, true, kSeed);
    loader.startEpoch(draw);
    if (loader.size() == 0)
        throw ulmfit::Error("the dataset is too small for one language-model batch");
    return toShown(ulmfit::showLmBatch(loader.batch(draw % loader.size()), corpus.vocab, rows),
                   BatchKind::LanguageModel);
}

ShownBatch classifierBatch(const ulmfit::Corpus& corpus, int rows, int draw) {
    ulmfit::ClassifierLoaderOptions options;
    options.bs = kClasBatchSize;
    options.seed = kSeed;
    ulmfit::ClassifierDataLoader loader(corpus, ulmfit::labelledDocuments(corpus, ulmfit::Split::Train), options);
    loader.startEpoch(draw);
    if (loader.size() == 0)
        throw ulmfit::Error("the dataset has no labelled training reviews for a classifier batch");
    return toShown(ulmfit::showClasBatch(loader.batch(draw % loader.size()), corpus.vocab, corpus.labelNames, rows),
                   BatchKind::Classifier);
}
} // namespace

ShownBatch drawBatch(const ulmfit::Corpus& corpus, BatchKind kind, int rows, int draw) {
    return kind == BatchKind::LanguageModel ? lmBatch(corpus, rows, draw) : classifierBatch(corpus, rows, draw);
}
