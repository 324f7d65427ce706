#include "app/bridge/EngineBridge.h"

#include "app/bridge/DeviceInfo.h"
#include "app/bridge/EngineState.h"
#include "core/Error.h"
#include "data/source/DatasetFetcher.h"
#include "usecase/DatasetOpening.h"

#include <spdlog/spdlog.h>

using namespace ulmfit::ui;

namespace {
std::filesystem::path toPath(const QString& path) {
    return std::filesystem::path(path.toStdString());
}
} // namespace

EngineBridge::EngineBridge(QObject* parent)
    : QObject(parent), m_state(std::make_shared<EngineState>()),
      m_datasetWorker(std::make_unique<EngineWorker>()), m_reviewWorker(std::make_unique<EngineWorker>()) {
    qRegisterMetaType<DatasetInfo>();
    qRegisterMetaType<ShownBatch>();
}

EngineBridge::~EngineBridge() {
    m_reviewWorker.reset();
    m_datasetWorker.reset(); // joins before m_state goes
}

QString EngineBridge::deviceDescription() {
    return DeviceInfo::description();
}

void EngineBridge::cancel() {
    m_datasetWorker->cancel();
}

// Runs on the dataset worker.
void EngineBridge::scanAndDeliver(const QString& folder, JobContext& context) {
    ulmfit::DatasetIndex index = ulmfit::scanDataset(toPath(folder), context.observer(), context.cancel());
    spdlog::info("opened dataset {}: {} reviews", index.root.string(), index.files.size());
    DatasetInfo info = toDatasetInfo(index);
    m_state->index = std::move(index);
    m_state->corpus.reset(); // batches now come from the new dataset
    m_state->draws = 0;
    context.deliver([this, info] { Q_EMIT datasetOpened(info); });
}

JobHandle* EngineBridge::openFolder(const QString& folder) {
    return m_datasetWorker->run(QStringLiteral("open"),
                                [this, folder](JobContext& context) { scanAndDeliver(folder, context); });
}

JobHandle* EngineBridge::fetchDataset(const FetchRequest& request) {
    const QString task = request.localArchive.isEmpty() ? QStringLiteral("fetch") : QStringLiteral("extract");
    return m_datasetWorker->run(task, [this, request](JobContext& context) {
        ulmfit::FetchOptions options;
        if (!request.url.isEmpty())
            options.url = request.url.toStdString(); // else the engine's default: fastai's IMDb
        options.localArchive = toPath(request.localArchive);
        options.destRoot = toPath(request.destRoot);
        options.sha256 = request.sha256.toStdString();
        const ulmfit::FetchResult result =
            ulmfit::fetchDataset(options, context.observer(), context.cancel());
        spdlog::info("{} {}", result.extracted ? "extracted to" : "reusing the earlier extraction",
                     result.datasetRoot.string());
        scanAndDeliver(QString::fromStdString(result.datasetRoot.string()), context);
    });
}

JobHandle* EngineBridge::showBatch(BatchKind kind, int rows) {
    return m_datasetWorker->run(QStringLiteral("batch"), [this, kind, rows](JobContext& context) {
        if (!m_state->index)
            throw ulmfit::Error("open a dataset first (File > Open dataset folder)");
        if (!m_state->corpus) {
            ulmfit::CorpusLoadResult loaded =
                ulmfit::loadOrBuildCorpus(*m_state->index, {}, context.observer(), context.cancel());
            spdlog::info("corpus: {}", ulmfit::describeCorpus(loaded));
            m_state->corpus = std::make_shared<const ulmfit::Corpus>(std::move(loaded.corpus));
        }
        ShownBatch batch = drawBatch(*m_state->corpus, kind, rows, m_state->draws++);
        context.deliver([this, batch] { Q_EMIT batchReady(batch); });
    });
}

JobHandle* EngineBridge::prepareCorpus(const QString& dataPath, int maxVocab, int minFreq) {
    return m_datasetWorker->run(QStringLiteral("corpus"), [this, dataPath, maxVocab,
                                                           minFreq](JobContext& context) {
        ulmfit::CorpusRequest request;
        request.data = toPath(dataPath);
        request.corpus.vocab = {minFreq, maxVocab};
        const ulmfit::OpenedCorpus opened = ulmfit::openCorpus(request, context.observer(), context.cancel());
        const ulmfit::CorpusLoadResult& loaded = opened.loaded;
        const QString summary =
            tr("%L1 reviews, %L2 tokens, vocabulary of %L3 (%4)")
                .arg(qulonglong(loaded.corpus.size()))
                .arg(qulonglong(loaded.corpus.totalTokens()))
                .arg(qulonglong(loaded.corpus.vocab.size()))
                .arg(loaded.cacheHit ? tr("already in the token cache") : tr("tokens cached for training"));
        const QString folderText = QString::fromStdString(opened.datasetRoot.string());
        context.deliver([this, folderText, summary] { Q_EMIT corpusPrepared(folderText, summary); });
    });
}

JobHandle* EngineBridge::loadReview(const QString& path) {
    return m_reviewWorker->run(QStringLiteral("review"), [this, path](JobContext& context) {
        const QString text = QString::fromStdString(ulmfit::readReviewText(toPath(path)));
        context.deliver([this, path, text] { Q_EMIT reviewLoaded(path, text); });
    });
}

JobHandle* EngineBridge::tokenizeReview(const QString& path) {
    return m_reviewWorker->run(QStringLiteral("tokens"), [this, path](JobContext& context) {
        static const auto tokenizer = ulmfit::CorpusTokenizer::fastai();
        ulmfit::text::TokenList tokens;
        tokenizer->tokenize(ulmfit::readReviewText(toPath(path)), tokens);
        QStringList list;
        list.reserve(qsizetype(tokens.size()));
        for (const std::string_view token : tokens)
            list << QString::fromUtf8(token.data(), qsizetype(token.size()));
        context.deliver([this, path, list] { Q_EMIT reviewTokenized(path, list); });
    });
}
