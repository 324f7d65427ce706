#include "app/bridge/TrainingBridge.h"

#include "core/Error.h"
#include "core/OutputFolderLock.h"
#include "core/Paths.h"
#include "usecase/RecipeRunner.h"
#include "usecase/RunFolder.h"

#include <algorithm>

using namespace ulmfit::ui;

TrainingBridge::TrainingBridge(QObject* parent)
    : QObject(parent), m_pause(std::make_shared<ulmfit::PauseGate>()),
      m_worker(std::make_unique<EngineWorker>()) {
    registerTrainingMetaTypes();
    connect(m_worker.get(), &EngineWorker::busyChanged, this, &TrainingBridge::busyChanged);
}

TrainingBridge::~TrainingBridge() {
    m_pause->resume(); // a paused runner must wake up to see the cancel
    m_worker.reset();
}

RunPlan TrainingBridge::planFor(const ulmfit::Recipe& recipe) {
    RunPlan plan;
    plan.recipeName = QString::fromStdString(recipe.name);
    // A bidirectional run trains the whole recipe once per direction, one after the other.
    const int members = std::max<int>(1, int(recipe.directions.size()));
    for (int m = 0; m < members; ++m)
        for (int i = 0; i < int(recipe.stages.size()); ++i) {
            const ulmfit::RecipeStage& stage = recipe.stages.at(i);
            const int index = m * int(recipe.stages.size()) + i;
            plan.stages.append(StageInfo{index, stage, stage.model == StageModel::Classifier, stage.epochs, 0, 0});
        }
    return plan; // steps per epoch are known only once the corpus is built
}

ulmfit::Recipe TrainingBridge::runRecipe(const QString& folder) {
    return ulmfit::RunFolder{folder.toStdString()}.readRecipe();
}

QString TrainingBridge::runDataset(const QString& folder, QString* why) {
    try {
        return QString::fromStdString(ulmfit::RunFolder{folder.toStdString()}.datasetToResume().string());
    } catch (const ulmfit::Error& e) {
        *why = QString::fromStdString(e.what());
        return {};
    }
}

QString TrainingBridge::finishedRunNote(const ulmfit::Recipe& recipe, const QString& folder) {
    return QString::fromStdString(ulmfit::finishedRunNote(recipe, folder.toStdString()));
}

JobHandle* TrainingBridge::start(const TrainingRequest& request) {
    m_pause->resume();
    Q_EMIT runStarted(planFor(request.recipe));
    ulmfit::RunOptions options;
    options.data = request.dataPath.toStdString();
    options.out = request.outputDir.toStdString();
    options.resume = request.resume;
    auto pause = m_pause;
    JobHandle* job = m_worker->run(QStringLiteral("train"), [this, options, recipe = request.recipe,
                                                             pause](JobContext& context) mutable {
        const ulmfit::OutputFolderLock lock(options.out); // a second run on the same folder is refused
        TrainingEventForwarder forwarder(this, context, EngineWorker::kMinimumProgressIntervalMs);
        options.observer = &forwarder;
        options.cancel = context.cancel();
        options.pause = pause.get();
        const ulmfit::RunResult result = ulmfit::RecipeRunner(recipe, options).run();
        forwarder.flush();
        const QString out = QString::fromStdString(options.out.string());
        context.deliver([this, out, accuracy = result.accuracy] { Q_EMIT runFinished(out, accuracy); });
    });
    // Until the first stage, the job's progress is the data being extracted, scanned and tokenized.
    connect(job, &JobHandle::progressed, this, [this](const ProgressBatch& points) {
        if (!points.isEmpty())
            Q_EMIT preparing(points.constLast());
    });
    connect(job, &JobHandle::cancelled, this, &TrainingBridge::runCancelled);
    connect(job, &JobHandle::failed, this, &TrainingBridge::runFailed);
    return job;
}

namespace {
LrFinderCurve toCurve(const ulmfit::LrFindResult& result, ulmfit::RecipeStage::Model model, int stage) {
    LrFinderCurve curve;
    curve.model = model;
    curve.stage = stage;
    curve.lrs = QVector<double>(result.lrs.begin(), result.lrs.end());
    curve.losses = QVector<double>(result.losses.begin(), result.losses.end());
    if (result.suggestion > 0)
        curve.suggestion = result.suggestion;
    if (result.minLossLr > 0)
        curve.minLossLr = result.minLossLr;
    return curve;
}

// The range test needs only progress; messages go to the log.
class LrFindObserver : public ulmfit::TrainingObserver {
  public:
    explicit LrFindObserver(ulmfit::Observer* progress) : m_progress(progress) {}
    void onProgress(const ulmfit::Progress& progress) override { m_progress->onProgress(progress); }

  private:
    ulmfit::Observer* m_progress;
};
} // namespace

JobHandle* TrainingBridge::findLearningRate(const TrainingRequest& request, ulmfit::RecipeStage::Model model,
                                            int stage) {
    m_pause->resume();
    ulmfit::RunOptions options;
    options.data = request.dataPath.toStdString();
    options.out = request.outputDir.isEmpty() ? ulmfit::userDataDir() / "lr-find"
                                              : std::filesystem::path(request.outputDir.toStdString());
    return m_worker->run(QStringLiteral("lr-find"), [this, options, recipe = request.recipe, model,
                                                     stage](JobContext& context) mutable {
        const ulmfit::OutputFolderLock lock(options.out);
        LrFindObserver observer(context.observer());
        options.observer = &observer;
        options.cancel = context.cancel();
        const ulmfit::LrFindResult result = ulmfit::RecipeRunner(recipe, options).lrFind(model, stage);
        context.deliver([this, curve = toCurve(result, model, stage)] { Q_EMIT lrFound(curve); });
    });
}

void TrainingBridge::cancel() {
    m_worker->cancel();
    m_pause->resume();
}

void TrainingBridge::setPaused(bool paused) {
    paused ? m_pause->pause() : m_pause->resume();
}
