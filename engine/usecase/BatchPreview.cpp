#include "usecase/BatchPreview.h"

#include "core/Error.h"
#include "data/batch/ClassifierDataLoader.h"
#include "data/batch/LmDataLoader.h"

namespace ulmfit {

BatchPreviewOptions BatchPreviewOptions::book(Kind kind) {
    BatchPreviewOptions options;
    options.kind = kind;
    options.bs = 128;
    options.seqLen = kind == Kind::LanguageModel ? 80 : 72;
    return options;
}

namespace {
BatchTable lmBatch(const Corpus& corpus, const BatchPreviewOptions& o) {
    LmDataLoader loader(corpus, splitLmDocuments(corpus, 0.1, o.seed).train, o.bs, o.seqLen, true, o.seed);
    loader.startEpoch(o.draw);
    if (loader.size() == 0)
        throw Error("the dataset is too small for one language-model batch of " + std::to_string(o.bs) +
                    " x " + std::to_string(o.seqLen) + " tokens");
    return showLmBatch(loader.batch(o.draw % loader.size()), corpus.vocab, o.rows);
}

BatchTable classifierBatch(const Corpus& corpus, const BatchPreviewOptions& o) {
    ClassifierLoaderOptions options;
    options.bs = o.bs;
    options.seed = o.seed;
    options.maxTokens = o.maxTokens;
    ClassifierDataLoader loader(corpus, labelledDocuments(corpus, Split::Train), options);
    loader.startEpoch(o.draw);
    if (loader.size() == 0)
        throw Error("the dataset has no labelled training reviews for a classifier batch");
    return showClasBatch(loader.batch(o.draw % loader.size()), corpus.vocab, corpus.labelNames, o.rows);
}
} // namespace

BatchTable previewBatch(const Corpus& corpus, const BatchPreviewOptions& options) {
    return options.kind == BatchPreviewOptions::Kind::LanguageModel ? lmBatch(corpus, options)
                                                                    : classifierBatch(corpus, options);
}

} // namespace ulmfit
