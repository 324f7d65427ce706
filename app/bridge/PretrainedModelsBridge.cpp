#include "app/bridge/PretrainedModelsBridge.h"

#include "pretrained/ItosPickle.h"
#include "zoo/ModelZoo.h"

#include <spdlog/spdlog.h>

using namespace ulmfit::ui;

namespace {
ulmfit::ModelZoo zooAt(const QString& root) {
    ulmfit::ModelZoo zoo(std::filesystem::path(root.toStdString()));
    // Installing counts the vocabulary with the strict pickle reader (it refuses a hostile pickle).
    zoo.setVocabularyCounter([](const std::filesystem::path& pickle) { return ulmfit::readItosPickle(pickle).size(); });
    return zoo;
}

PretrainedModelStatus toStatus(const ulmfit::PretrainedModelInfo& info, const ulmfit::ModelZoo& zoo) {
    PretrainedModelStatus status;
    status.name = QString::fromStdString(info.name);
    status.description = QString::fromStdString(info.description);
    status.folder = QString::fromStdString(zoo.folderFor(info.name).string());
    if (const auto model = zoo.installed(info.name)) {
        status.installed = model->complete;
        status.problem = QString::fromStdString(model->problem);
        status.bytes = static_cast<qint64>(model->bytes);
        if (model->vocabularySize)
            status.vocabularySize = static_cast<int>(*model->vocabularySize);
    }
    return status;
}
} // namespace

PretrainedModelsBridge::PretrainedModelsBridge(const QString& modelsRoot, QObject* parent)
    : QObject(parent), m_root(modelsRoot), m_worker(std::make_unique<EngineWorker>()) {
    qRegisterMetaType<PretrainedModelList>();
}

PretrainedModelsBridge::~PretrainedModelsBridge() = default;

PretrainedModelList PretrainedModelsBridge::models() const {
    PretrainedModelList list;
    try {
        const ulmfit::ModelZoo zoo(std::filesystem::path(m_root.toStdString())); // no counter: the manifest has the size
        for (const auto& info : ulmfit::pretrainedCatalogue())
            list.push_back(toStatus(info, zoo));
    } catch (const std::exception& e) { // e.g. the models folder cannot be created: say so beside each model
        list.clear();
        for (const auto& info : ulmfit::pretrainedCatalogue()) {
            PretrainedModelStatus status;
            status.name = QString::fromStdString(info.name);
            status.description = QString::fromStdString(info.description);
            status.problem = QString::fromStdString(e.what());
            list.push_back(status);
        }
    }
    return list;
}

void PretrainedModelsBridge::cancel() {
    m_worker->cancel();
}

// Runs on the worker: the fresh list goes to the UI thread.
void PretrainedModelsBridge::installed(JobContext& context) {
    const PretrainedModelList list = models();
    context.deliver([this, list] { Q_EMIT modelsChanged(list); });
}

JobHandle* PretrainedModelsBridge::fetch(const QString& name, const PretrainedFetchSource& source) {
    return m_worker->run(QStringLiteral("models-fetch"), [this, name, source](JobContext& context) {
        ulmfit::ModelFetchOptions options;
        options.url = source.url.toStdString();
        options.sha256 = source.sha256.toStdString();
        const auto result = zooAt(m_root).fetch(name.toStdString(), options, context.observer(), context.cancel());
        spdlog::info("{} {} in {}", name.toStdString(), result.alreadyInstalled ? "was already installed" : "installed",
                     result.model.folder.string());
        installed(context);
    });
}

JobHandle* PretrainedModelsBridge::importArchive(const QString& name, const QString& archiveOrFolder) {
    return m_worker->run(QStringLiteral("models-import"), [this, name, archiveOrFolder](JobContext& context) {
        ulmfit::ModelImportOptions options;
        options.replace = true; // the user chose this file over whatever is there
        const auto result = zooAt(m_root).importModel(name.toStdString(), archiveOrFolder.toStdString(), options,
                                                      context.observer(), context.cancel());
        spdlog::info("{} imported from {} into {}", name.toStdString(), archiveOrFolder.toStdString(),
                     result.model.folder.string());
        installed(context);
    });
}
