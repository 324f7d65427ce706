#pragma once
#include "app/bridge/EngineWorker.h"
#include "ui/types/PretrainedModels.h"

#include <QObject>

#include <memory>

/// Where a fetch gets its archive: fastai's model zoo with fastai's listed size and MD5 by default;
/// a mirror (or a test's local server) with its own SHA-256.
struct PretrainedFetchSource {
    QString url;
    QString sha256;
};

/// The wizard's door to the per-user pretrained models (the engine's ModelZoo): what is installed,
/// and downloading or importing one on a worker thread. Every job ends with modelsChanged() when it
/// installed something, so whoever shows the list refreshes it.
class PretrainedModelsBridge : public QObject {
    Q_OBJECT
  public:
    /// modelsRoot empty: the per-user models folder (the CLI's `ulmfit models` uses the same).
    explicit PretrainedModelsBridge(const QString& modelsRoot = {}, QObject* parent = nullptr);
    ~PretrainedModelsBridge() override; // cancels and joins the worker

    /// The catalogue with each model's installed state; reads only the models folder (no pickles),
    /// so it is cheap enough for the UI thread.
    ulmfit::ui::PretrainedModelList models() const;

    JobHandle* fetch(const QString& name, const PretrainedFetchSource& source = {});
    /// An archive (.tgz, .zip, ...) or a folder with fastai's two files, for offline machines.
    JobHandle* importArchive(const QString& name, const QString& archiveOrFolder);
    void cancel();

  Q_SIGNALS:
    void modelsChanged(const ulmfit::ui::PretrainedModelList& models);

  private:
    void installed(JobContext& context);

    QString m_root;
    std::unique_ptr<EngineWorker> m_worker;
};
