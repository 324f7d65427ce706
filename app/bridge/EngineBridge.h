#pragma once
#include "app/bridge/EngineWorker.h"
#include "ui/types/DatasetInfo.h"
#include "ui/types/ShownBatch.h"

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

/// The dataset, batch and corpus views' door into the engine. Every call returns at once with the
/// job's handle (its progress and outcome); the work runs on worker threads and answers with
/// queued signals carrying ui/ value types. Dataset, corpus and batch work run in order on one
/// worker; reading and tokenizing single reviews runs on a second one so it never waits behind a
/// long job.
class EngineBridge : public QObject {
    Q_OBJECT
  public:
    explicit EngineBridge(QObject* parent = nullptr);
    ~EngineBridge() override; // cancels and joins both workers

    JobHandle* fetchDataset(const FetchRequest& request); // download (or a local archive), extract, open
    JobHandle* openFolder(const QString& folder);
    JobHandle* showBatch(ulmfit::ui::BatchKind kind, int rows);
    JobHandle* loadReview(const QString& path);
    JobHandle* tokenizeReview(const QString& path);
    // Extracts an archive (into the per-user data folder, reusing an earlier extraction),
    // tokenizes every review and writes the token cache that a training run with this vocabulary
    // then loads instead of tokenizing again. Answers with corpusPrepared.
    JobHandle* prepareCorpus(const QString& dataPath, int maxVocab, int minFreq);
    void cancel(); // the dataset worker's running and queued jobs

    static QString deviceDescription();

  Q_SIGNALS:
    void datasetOpened(const ulmfit::ui::DatasetInfo& info);
    void reviewLoaded(const QString& path, const QString& text);
    void reviewTokenized(const QString& path, const QStringList& tokens);
    void batchReady(const ulmfit::ui::ShownBatch& batch);
    void corpusPrepared(const QString& datasetFolder, const QString& summary);

  private:
    void scanAndDeliver(const QString& folder, JobContext& context);

    std::shared_ptr<EngineState> m_state; // touched only by dataset-worker jobs
    // Declared after m_state: the workers are joined before the state they use is destroyed.
    std::unique_ptr<EngineWorker> m_datasetWorker;
    std::unique_ptr<EngineWorker> m_reviewWorker;
};
