#include "app/bridge/TrainingBridge.h"

#include "app/bridge/RecipeConversion.h"
#include "app/bridge/TrainingEventForwarder.h"
#include "core/Error.h"
#include "train/RecipeRunner.h"
#include "ui/wizard/RecipeSpec.h"

using namespace ulmfit::ui;

TrainingBridge::TrainingBridge(QObject* parent)
    : QObject(parent), m_pause(std::make_shared<ulmfit::PauseGate>()), m_worker(std::make_unique<EngineWorker>()) {
    registerTrainingMetaTypes();
    const QString task = QString::fromLatin1(kTask);
    connect(m_worker.get(), &EngineWorker::cancelled, this, [this, task](const QString& t) {
        if (t == task)
            Q_EMIT runCancelled();
    });
    connect(m_worker.get(), &EngineWorker::failed, this, [this, task](const QString& t, const QString& error) {
        if (t == task)
            Q_EMIT runFailed(error);
    });
}

TrainingBridge::~TrainingBridge() {
    m_pause->resume(); // a paused runner must wake up to see the cancel
    m_worker.reset();
}

RunPlan TrainingBridge::planFor(const RecipeSpec& recipe) {
    RunPlan plan;
    plan.recipeName = recipe.name;
    for (int i = 0; i < recipe.stages.size(); ++i) {
        const StageSpec& stage = recipe.stages.at(i);
        const bool classifier = stage.model == StageModel::Classifier;
        const QString title = (classifier ? tr("Classifier: %1") : tr("Language model: %1")).arg(describeStage(stage));
        plan.stages.append(StageInfo{i, title, classifier, stage.epochs, 0, 0});
    }
    return plan; // steps per epoch are known only once the corpus is built
}

void TrainingBridge::start(const TrainingRequest& request) {
    m_pause->resume();
    Q_EMIT runStarted(planFor(request.recipe));
    ulmfit::RunOptions options;
    options.data = request.dataPath.toStdString();
    options.out = request.outputDir.toStdString();
    ulmfit::Recipe recipe = toEngineRecipe(request.recipe);
    auto pause = m_pause;
    m_worker->run(QString::fromLatin1(kTask), [this, options, recipe, pause](JobContext& context) mutable {
        TrainingEventForwarder forwarder(this, context, EngineWorker::kMinimumProgressIntervalMs);
        options.observer = &forwarder;
        options.cancel = context.cancel();
        options.pause = pause.get();
        ulmfit::RecipeRunner runner(recipe, options);
        const ulmfit::RunResult result = runner.run();
        forwarder.flush();
        const QString out = QString::fromStdString(options.out.string());
        context.deliver([this, out, accuracy = result.accuracy] { Q_EMIT runFinished(out, accuracy); });
    });
}

void TrainingBridge::cancel() {
    m_worker->cancel();
    m_pause->resume();
}

void TrainingBridge::setPaused(bool paused) {
    paused ? m_pause->pause() : m_pause->resume();
}
