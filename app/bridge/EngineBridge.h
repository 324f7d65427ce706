#pragma once
#include "app/bridge/EngineWorker.h"
#include "ui/batches/ShownBatch.h"
#include "ui/dataset/DatasetInfo.h"

#include <QObject>
#include <QStringList>

#include <memory>

struct EngineState;

/// Where a dataset comes from: a URL (downloaded; empty = fastai's IMDb) or, offline, an archive
/// already on disk (localArchive). It is extracted to <destRoot>/<archive name> (empty destRoot =
/// the per-user data folder); an earlier complete extraction is reused. sha256 is checked if given.
struct FetchRequest {
    QString url;
    QString localArchive;
    QString destRoot;
    QString sha256;
};

/// The desktop application's only door into the engine. Every call returns at once; the work runs
/// on worker threads and answers with queued signals carrying ui/ value types. Dataset, corpus and
/// batch work run in order on one worker (progress, cancel, failed/cancelled via datasetWorker());
/// reading and tokenizing single reviews runs on a second one so it never waits behind a long job.
class EngineBridge : public QObject {
    Q_OBJECT
public:
    explicit EngineBridge(QObject* parent = nullptr);
    ~EngineBridge() override; // cancels and joins both workers

    EngineWorker* datasetWorker() const { return m_datasetWorker.get(); }
    EngineWorker* reviewWorker() const { return m_reviewWorker.get(); }

    void fetchDataset(const FetchRequest& request); // task "fetch" (download) or "extract" (local archive)
    void openFolder(const QString& folder);         // task "open"
    void showBatch(BatchKind kind, int rows);       // task "batch"
    void loadReview(const QString& path);           // task "review"
    void tokenizeReview(const QString& path);       // task "tokens"
    // Task "corpus": extracts an archive (into the per-user data folder, reusing an earlier
    // extraction), tokenizes every review and writes the token cache that a training run with
    // this vocabulary then loads instead of tokenizing again. Answers with corpusPrepared.
    void prepareCorpus(const QString& dataPath, int maxVocab, int minFreq);
    void cancel(); // the dataset worker's running and queued jobs

    static QString deviceDescription();

Q_SIGNALS:
    void datasetOpened(const DatasetInfo& info);
    void reviewLoaded(const QString& path, const QString& text);
    void reviewTokenized(const QString& path, const QStringList& tokens);
    void batchReady(const ShownBatch& batch);
    void corpusPrepared(const QString& datasetFolder, const QString& summary);

private:
    void scanAndDeliver(const QString& folder, JobContext& context);

    std::shared_ptr<EngineState> m_state; // touched only by dataset-worker jobs
    // Declared after m_state: the workers are joined before the state they use is destroyed.
    std::unique_ptr<EngineWorker> m_datasetWorker;
    std::unique_ptr<EngineWorker> m_reviewWorker;
};
