#include "train/RecipeRunner.h"

#include "core/StdFilesystemBinding.h"
#include "data/batch/ClassifierDataLoader.h"
#include "data/batch/LmDataLoader.h"
#include "data/corpus/CorpusBuilder.h"
#include "data/source/DatasetFetcher.h"
#include "model/Checkpoint.h"
#include "model/ModelBundle.h"
#include "model/ParameterGroups.h"
#include "train/Callbacks.h"
#include "train/Device.h"
#include "train/Learner.h"
#include "train/LrFinder.h"
#include "train/MixedPrecision.h"
#include "train/ModelAdapters.h"
#include "train/OneCycleScheduler.h"
#include "train/Recorder.h"
#include "train/TrainingCheckpoint.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <fstream>
#include <optional>

namespace fs = std::filesystem;

namespace ulmfit {

namespace {
/// Saves a checkpoint after every completed epoch.
class CheckpointCallback : public Callback {
public:
    CheckpointCallback(TrainingCheckpoint& checkpoint, int stage, std::string phase)
        : m_checkpoint(checkpoint), m_stage(stage), m_phase(std::move(phase)) {}
    int order() const override { return 100; }
    void afterEpoch(Learner& learn) override {
        m_checkpoint.save({m_stage, learn.epoch + 1, m_phase}, *learn.model().module, learn.optimizer());
    }

private:
    TrainingCheckpoint& m_checkpoint;
    int m_stage;
    std::string m_phase;
};

/// One model's share of the recipe: its adapter, loaders and freezing function.
struct Phase {
    std::string name; // "lm" / "classifier"
    RecipeStage::Model kind;
    LearnerModel model;
    BatchSource* train;
    BatchSource* valid;
    std::function<void(int)> freezeTo;
};

void message(Observer* observer, const std::string& text) {
    if (observer)
        observer->onMessage(text);
}
} // namespace

class RecipeRunner::Impl {
public:
    Impl(Recipe recipe, RunOptions options)
        : m_recipe(std::move(recipe)), m_options(std::move(options)), m_checkpoint(m_options.out / "checkpoint") {}

    RunResult run();
    LrFindResult lrFind(RecipeStage::Model model);

private:
    void prepare();
    fs::path datasetFolder();
    void announceResume(const std::optional<TrainingProgress>& resume) const;
    void checkResumedRecipe() const;
    LanguageModel makeLanguageModel();
    TextClassifier makeClassifier(bool withEncoder);
    void runLanguageModel(const std::optional<TrainingProgress>& resume);
    void runClassifier(const std::optional<TrainingProgress>& resume);
    void runPhase(Phase& phase, const std::optional<TrainingProgress>& resume);
    void runStage(Learner& learn, Phase& phase, int stageIndex, int startEpoch);
    std::vector<std::shared_ptr<Callback>> stageCallbacks(const Phase& phase, int stageIndex, bool lrFind);
    RecipeStage effectiveStage(int stageIndex) const;
    std::unique_ptr<LmDataLoader> lmLoader(bool valid) const;
    std::unique_ptr<ClassifierDataLoader> classifierLoader(bool valid) const;

    Recipe m_recipe;
    RunOptions m_options;
    TrainingCheckpoint m_checkpoint;
    torch::Device m_device{torch::kCPU};
    std::unique_ptr<Corpus> m_corpus;
    long long m_globalStep = 0;
    RunResult m_result;
};

fs::path RecipeRunner::Impl::datasetFolder() {
    if (!fs::is_regular_file(m_options.data))
        return m_options.data;
    FetchOptions fetch;
    fetch.localArchive = m_options.data;
    fetch.destRoot = m_options.out / "data";
    return fetchDataset(fetch, m_options.observer, m_options.cancel).datasetRoot;
}

void RecipeRunner::Impl::prepare() {
    if (m_corpus)
        return;
    if (const auto foreign = foreignStdFilesystemSymbols(); !foreign.empty())
        message(m_options.observer, "warning: " + explainForeignStdFilesystem(foreign));
    fs::create_directories(m_options.out);
    m_device = chooseDevice(m_options.device.empty() ? m_recipe.device : m_options.device);
    if (m_device.is_cpu())
        configureCpuThreads();
    const DatasetIndex index = scanDataset(datasetFolder(), m_options.observer, m_options.cancel);
    CorpusOptions corpusOptions;
    corpusOptions.vocab = m_recipe.vocab;
    corpusOptions.cacheDir = m_options.cacheDir;
    auto loaded = loadOrBuildCorpus(index, corpusOptions, m_options.observer, m_options.cancel);
    message(m_options.observer, std::string("corpus: ") + std::to_string(loaded.corpus.size()) + " documents, " +
                                    std::to_string(loaded.corpus.vocab.size()) + " tokens in the vocabulary" +
                                    (loaded.cacheHit ? " (token cache)" : ""));
    m_corpus = std::make_unique<Corpus>(std::move(loaded.corpus));
}

std::unique_ptr<LmDataLoader> RecipeRunner::Impl::lmLoader(bool valid) const {
    auto split = splitLmDocuments(*m_corpus, m_recipe.lmValidPct, m_recipe.seed);
    // The split is a seeded permutation, so its first documents are a random subset.
    if (m_recipe.lmMaxDocs > 0 && split.train.size() > static_cast<std::size_t>(m_recipe.lmMaxDocs))
        split.train.resize(m_recipe.lmMaxDocs);
    const std::size_t maxValid = std::max<std::size_t>(1, m_recipe.lmMaxDocs / 9);
    if (m_recipe.lmMaxDocs > 0 && split.valid.size() > maxValid)
        split.valid.resize(maxValid);
    return std::make_unique<LmDataLoader>(*m_corpus, valid ? split.valid : split.train, m_recipe.lmBatchSize,
                                          m_recipe.seqLen, !valid, m_recipe.seed);
}

std::unique_ptr<ClassifierDataLoader> RecipeRunner::Impl::classifierLoader(bool valid) const {
    ClassifierLoaderOptions options;
    options.bs = m_recipe.classifierBatchSize;
    options.shuffle = !valid;
    options.dropLast = !valid;
    options.seed = m_recipe.seed;
    options.maxTokens = m_recipe.maxDocTokens;
    return std::make_unique<ClassifierDataLoader>(
        *m_corpus, labelledDocuments(*m_corpus, valid ? Split::Test : Split::Train), options);
}

LanguageModel RecipeRunner::Impl::makeLanguageModel() {
    torch::manual_seed(m_recipe.seed);
    LanguageModel model(recipeLmConfig(m_recipe, static_cast<int64_t>(m_corpus->vocab.size())));
    if (!m_recipe.pretrainedEncoder.empty())
        loadEncoder(model->encoder, m_recipe.pretrainedEncoder);
    model->to(m_device);
    return model;
}

TextClassifier RecipeRunner::Impl::makeClassifier(bool withEncoder) {
    torch::manual_seed(m_recipe.seed);
    ClassifierOptions options;
    options.nClasses = static_cast<int64_t>(m_corpus->labelNames.size());
    options.seqLen = m_recipe.seqLen;
    options.maxLen = static_cast<int64_t>(m_recipe.seqLen) * 20;
    TextClassifier model(recipeClassifierConfig(m_recipe, static_cast<int64_t>(m_corpus->vocab.size())), options);
    if (withEncoder)
        loadEncoder(model->awdLstm(), m_options.out / "encoder.pt");
    model->to(m_device);
    return model;
}

RecipeStage RecipeRunner::Impl::effectiveStage(int stageIndex) const {
    RecipeStage stage = m_recipe.stages.at(stageIndex);
    // Random-init LM: freezing would train only the tied embedding/decoder on a random body.
    if (stage.model == RecipeStage::Model::LanguageModel && m_recipe.pretrainedEncoder.empty())
        stage.freezeTo = 0;
    return stage;
}

std::vector<std::shared_ptr<Callback>> RecipeRunner::Impl::stageCallbacks(const Phase& phase, int stageIndex,
                                                                          bool lrFind) {
    std::vector<std::shared_ptr<Callback>> callbacks{
        std::make_shared<ModelResetter>(), std::make_shared<RnnRegularizer>(m_recipe.arAlpha, m_recipe.tarBeta),
        std::make_shared<ControlCallback>(m_options.cancel, m_options.pause)};
    if (m_recipe.clip > 0)
        callbacks.push_back(std::make_shared<GradientClip>(m_recipe.clip));
    if (m_device.is_cuda() && m_recipe.mixedPrecision)
        callbacks.push_back(std::make_shared<MixedPrecision>());
    if (lrFind)
        return callbacks;
    callbacks.push_back(std::make_shared<DivergenceGuard>(phase.name));
    callbacks.push_back(std::make_shared<OneCycleScheduler>(effectiveStage(stageIndex).lr));
    callbacks.push_back(std::make_shared<CheckpointCallback>(m_checkpoint, stageIndex, phase.name));
    return callbacks;
}

void RecipeRunner::Impl::runStage(Learner& learn, Phase& phase, int stageIndex, int startEpoch) {
    const RecipeStage stage = effectiveStage(stageIndex);
    const int stageCount = static_cast<int>(m_recipe.stages.size());
    phase.freezeTo(stage.freezeTo);
    StageEvent event{StageEvent::Kind::Started, stageIndex, stageCount, phase.name, stage.describe()};
    if (m_options.observer)
        m_options.observer->onStage(event);
    auto callbacks = stageCallbacks(phase, stageIndex, false);
    auto recorder = std::make_shared<Recorder>(
        m_options.observer, Recorder::StageInfo{stageIndex, phase.name, phase.kind == RecipeStage::Model::LanguageModel},
        &m_globalStep);
    callbacks.push_back(recorder);
    for (const auto& callback : callbacks)
        learn.addCallback(callback);
    try {
        learn.fit(stage.epochs, startEpoch);
    } catch (...) {
        for (const auto& callback : callbacks)
            learn.removeCallback(callback.get());
        throw;
    }
    for (const auto& callback : callbacks)
        learn.removeCallback(callback.get());
    const auto& epochs = recorder->epochs();
    m_result.epochs.insert(m_result.epochs.end(), epochs.begin(), epochs.end());
    event.kind = StageEvent::Kind::Finished;
    if (m_options.observer)
        m_options.observer->onStage(event);
}

void RecipeRunner::Impl::runPhase(Phase& phase, const std::optional<TrainingProgress>& resume) {
    DiscriminativeAdam::Options adam;
    adam.weightDecay = m_recipe.weightDecay;
    Learner learn(phase.model, *phase.train, phase.valid, m_device, adam);
    const bool resuming = resume && resume->phase == phase.name;
    if (resuming)
        m_checkpoint.load(*phase.model.module, &learn.optimizer());
    for (int s = 0; s < static_cast<int>(m_recipe.stages.size()); ++s) {
        if (m_recipe.stages[s].model != phase.kind || (resuming && s < resume->stage))
            continue;
        const int start = resuming && s == resume->stage ? resume->epochsDone : 0;
        if (start < m_recipe.stages[s].epochs)
            runStage(learn, phase, s, start);
    }
}

void RecipeRunner::Impl::runLanguageModel(const std::optional<TrainingProgress>& resume) {
    auto model = makeLanguageModel();
    auto train = lmLoader(false), valid = lmLoader(true);
    LoaderSource trainSource(*train), validSource(*valid);
    Phase phase{"lm", RecipeStage::Model::LanguageModel, learnerModel(model), &trainSource, &validSource,
                [model](int n) { freezeTo(model, n); }};
    runPhase(phase, resume);
    saveEncoder(model->encoder, m_result.encoder);
    message(m_options.observer, "saved the encoder to " + m_result.encoder.string());
    saveLanguageModelBundle(m_result.languageModelDir, model, m_corpus->vocab.itos());
    message(m_options.observer, "saved the language model to " + m_result.languageModelDir.string());
}

void RecipeRunner::Impl::runClassifier(const std::optional<TrainingProgress>& resume) {
    auto model = makeClassifier(true);
    auto train = classifierLoader(false), valid = classifierLoader(true);
    LoaderSource trainSource(*train), validSource(*valid);
    Phase phase{"classifier", RecipeStage::Model::Classifier, learnerModel(model), &trainSource, &validSource,
                [model](int n) { freezeTo(model, n); }};
    runPhase(phase, resume);
    saveClassifierBundle(m_result.classifierDir, model, m_corpus->vocab.itos(), m_corpus->labelNames);
    message(m_options.observer, "saved the classifier to " + m_result.classifierDir.string());
}

void RecipeRunner::Impl::announceResume(const std::optional<TrainingProgress>& resume) const {
    if (!m_options.resume)
        return;
    message(m_options.observer, resume ? "resuming after stage " + std::to_string(resume->stage + 1) + ", epoch " +
                                             std::to_string(resume->epochsDone)
                                       : std::string("no checkpoint to resume from: starting from the beginning"));
}

// Called only when there is a checkpoint to resume from. Continuing it under another recipe
// would silently mix two trainings (and a different model size would fail deep inside loading):
// refuse, naming what differs. The device may change between the two runs.
void RecipeRunner::Impl::checkResumedRecipe() const {
    const fs::path stored = m_options.out / "recipe.json";
    if (!fs::exists(stored))
        return;
    std::ifstream in(stored);
    nlohmann::json before = nlohmann::json::parse(in, nullptr, false);
    nlohmann::json now = m_recipe;
    if (before.is_discarded())
        throw Error(stored.string() + " is unreadable, so --resume cannot check that the recipe is the same; "
                                      "train into a new --out folder");
    before.erase("device");
    now.erase("device");
    if (before == now)
        return;
    std::string field = "stages";
    for (auto it = now.begin(); it != now.end(); ++it)
        if (!before.contains(it.key()) || before.at(it.key()) != it.value()) {
            field = it.key();
            break;
        }
    throw Error("cannot resume in " + m_options.out.string() + ": that run used a different recipe ('" + field +
                "' differs). Resume with --recipe " + stored.string() + ", or train into a new --out folder.");
}

RunResult RecipeRunner::Impl::run() {
    const auto start = std::chrono::steady_clock::now();
    const auto resume = m_options.resume ? m_checkpoint.progress() : std::nullopt;
    if (resume)
        checkResumedRecipe();
    prepare();
    saveRecipe(m_recipe, m_options.out / "recipe.json");
    m_result.encoder = m_options.out / "encoder.pt";
    m_result.classifierDir = m_options.out / "classifier";
    m_result.languageModelDir = m_options.out / "lm";
    announceResume(resume);
    try {
        if (!(resume && resume->phase == "classifier"))
            runLanguageModel(resume);
        runClassifier(resume);
    } catch (const TrainingDiverged& e) {
        const auto kept = m_checkpoint.progress();
        throw TrainingDiverged(std::string(e.what()) +
                               (kept ? " The last good checkpoint (stage " + std::to_string(kept->stage + 1) +
                                           ", epoch " + std::to_string(kept->epochsDone) + ") is kept in " +
                                           m_checkpoint.dir().string() + "; rerun with --resume."
                                     : std::string(" No epoch had completed, so there is no checkpoint.")));
    }
    for (auto it = m_result.epochs.rbegin(); it != m_result.epochs.rend(); ++it)
        if (it->stageName == "classifier") {
            m_result.accuracy = it->accuracy;
            break;
        }
    m_result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return m_result;
}

LrFindResult RecipeRunner::Impl::lrFind(RecipeStage::Model kind) {
    prepare();
    int stageIndex = -1;
    for (int s = 0; s < static_cast<int>(m_recipe.stages.size()) && stageIndex < 0; ++s)
        if (m_recipe.stages[s].model == kind)
            stageIndex = s;
    if (stageIndex < 0)
        throw Error("the recipe has no " + std::string(kind == RecipeStage::Model::LanguageModel ? "lm" : "classifier") +
                    " stage to run lr_find on");
    const bool lm = kind == RecipeStage::Model::LanguageModel;
    LanguageModel languageModel{nullptr};
    TextClassifier classifier{nullptr};
    std::unique_ptr<LmDataLoader> lmTrain;
    std::unique_ptr<ClassifierDataLoader> classifierTrain;
    std::unique_ptr<BatchSource> source;
    Phase phase{lm ? "lm" : "classifier", kind, {}, nullptr, nullptr, {}};
    if (lm) {
        languageModel = makeLanguageModel();
        lmTrain = lmLoader(false);
        source = std::make_unique<LoaderSource<LmDataLoader>>(*lmTrain);
        phase.model = learnerModel(languageModel);
        freezeTo(languageModel, effectiveStage(stageIndex).freezeTo);
    } else {
        classifier = makeClassifier(fs::exists(m_options.out / "encoder.pt"));
        classifierTrain = classifierLoader(false);
        source = std::make_unique<LoaderSource<ClassifierDataLoader>>(*classifierTrain);
        phase.model = learnerModel(classifier);
        freezeTo(classifier, effectiveStage(stageIndex).freezeTo);
    }
    Learner learn(phase.model, *source, nullptr, m_device);
    for (const auto& callback : stageCallbacks(phase, stageIndex, true))
        learn.addCallback(callback);
    const LrFindResult result = ulmfit::lrFind(learn);
    if (m_options.observer)
        m_options.observer->onLrFind(result);
    return result;
}

RecipeRunner::RecipeRunner(Recipe recipe, RunOptions options)
    : m_impl(std::make_unique<Impl>(std::move(recipe), std::move(options))) {}
RecipeRunner::~RecipeRunner() = default;
RunResult RecipeRunner::run() { return m_impl->run(); }
LrFindResult RecipeRunner::lrFind(RecipeStage::Model model) { return m_impl->lrFind(model); }

} // namespace ulmfit
