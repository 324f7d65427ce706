#include "app/bridge/TrainingBridge.h"

#include "core/Error.h"
#include "core/OutputFolderLock.h"
#include "usecase/RecipeRunner.h"

using namespace ulmfit::ui;

TrainingBridge::TrainingBridge(QObject* parent)
    : QObject(parent), m_pause(std::make_shared<ulmfit::PauseGate>()),
      m_worker(std::make_unique<EngineWorker>()) {
    registerTrainingMetaTypes();
}

TrainingBridge::~TrainingBridge() {
    m_pause->resume(); // a paused runner must wake up to see the cancel
    m_worker.reset();
}

RunPlan TrainingBridge::planFor(const ulmfit::Recipe& recipe) {
    RunPlan plan;
    plan.recipeName = QString::fromStdString(recipe.name);
    for (int i = 0; i < int(recipe.stages.size()); ++i) {
        const ulmfit::RecipeStage& stage = recipe.stages.at(i);
        plan.stages.append(StageInfo{i, stage, stage.model == StageModel::Classifier, stage.epochs, 0, 0});
    }
    return plan; // steps per epoch are known only once the corpus is built
}

JobHandle* TrainingBridge::start(const TrainingRequest& request) {
    m_pause->resume();
    Q_EMIT runStarted(planFor(request.recipe));
    ulmfit::RunOptions options;
    options.data = request.dataPath.toStdString();
    options.out = request.outputDir.toStdString();
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

void TrainingBridge::cancel() {
    m_worker->cancel();
    m_pause->resume();
}

void TrainingBridge::setPaused(bool paused) {
    paused ? m_pause->pause() : m_pause->resume();
}
