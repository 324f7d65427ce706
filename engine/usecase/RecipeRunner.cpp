#include "usecase/RecipeRunner.h"

#include "core/StdFilesystemBinding.h"
#include "infer/Evaluator.h"
#include "model/ModelBundle.h"
#include "model/ParameterGroups.h"
#include "train/Callbacks.h"
#include "train/Device.h"
#include "train/Learner.h"
#include "train/ModelAdapters.h"
#include "train/OneCycleScheduler.h"
#include "train/Recorder.h"
#include "train/TrainingCheckpoint.h"
#include "usecase/DatasetOpening.h"
#include "usecase/RecipeData.h"
#include "usecase/RecipeLrFinder.h"
#include "usecase/RecipeModels.h"
#include "usecase/RecipePhase.h"
#include "usecase/RunCheckpoints.h"
#include "usecase/RunFolder.h"

#include <algorithm>
#include <chrono>
#include <optional>

namespace fs = std::filesystem;

namespace ulmfit {

namespace {
void message(Observer* observer, const std::string& text) {
    if (observer)
        observer->onMessage(text);
}

// From random weights the book's fine-tuning rates fit badly: the user should know before hours of training.
std::string scratchWarning(const Recipe& recipe) {
    if (!fineTunesFromScratch(recipe))
        return {};
    return "warning: this recipe's language-model stages are fine-tuning stages for a pretrained model (a frozen "
           "first stage), but it starts from random weights: every layer group trains instead, and the language "
           "model and the classifier end well below the book's (about 94.8 % needs the WikiText-103 start). Get it "
           "with `ulmfit models fetch wt103-fwd` and train with --pretrained wt103-fwd";
}
} // namespace

/// The tokens a run trains on, shared by the members of a bidirectional run: loaded once, and
/// reversed in place for a backward member (fastai's backwards=True), back for a forward one.
/// (Outside the anonymous namespace: RecipeRunner::Impl, which has external linkage, holds one.)
struct SharedCorpus {
    std::unique_ptr<Corpus> corpus;
    bool reversed = false;
    void orient(Direction direction) {
        if (reversed != (direction == Direction::Backward)) {
            corpus->reverseDocuments();
            reversed = !reversed;
        }
    }
};

namespace {
/// A bidirectional run reports as one run: the second member's stages follow the first's (stage
/// indices and training steps offset), so a front end's plan and plots run on without restarting.
class MemberObserver : public TrainingObserver {
  public:
    MemberObserver(TrainingObserver* target, int stageOffset, int stageCount)
        : m_target(target), m_stageOffset(stageOffset), m_stageCount(stageCount) {}
    long long lastStep = 0; // the member's steps so far, for the next member's offset
    long long stepOffset = 0;

    void onProgress(const Progress& p) override { m_target->onProgress(p); }
    void onMessage(const std::string& text) override { m_target->onMessage(text); }
    void onStage(const StageEvent& e) override {
        StageEvent shifted = e;
        shifted.stageIndex += m_stageOffset;
        shifted.stageCount = m_stageCount;
        m_target->onStage(shifted);
    }
    void onBatch(const BatchEvent& e) override {
        BatchEvent shifted = e;
        shifted.stageIndex += m_stageOffset;
        shifted.globalStep += stepOffset;
        lastStep = e.globalStep;
        m_target->onBatch(shifted);
    }
    void onEpoch(const EpochEvent& e) override {
        EpochEvent shifted = e;
        shifted.stageIndex += m_stageOffset;
        m_target->onEpoch(shifted);
    }
    void onLrFind(const LrFindResult& r) override { m_target->onLrFind(r); }

  private:
    TrainingObserver* m_target;
    int m_stageOffset, m_stageCount;
};

/// A member of a bidirectional run: the recipe for one direction, from that direction's pretrained model.
Recipe memberRecipe(const Recipe& recipe, Direction direction) {
    Recipe member = recipe;
    member.directions = {direction};
    member.pretrained = pretrainedFor(recipe, direction);
    return member;
}

// Whether the bundle in `folder` was saved after the checkpoint's last save.
bool savedAfter(const fs::path& folder, const TrainingCheckpoint& checkpoint) {
    std::error_code ec;
    const auto saved = fs::last_write_time(folder / bundle::kConfigFile, ec);
    if (ec)
        return false;
    const auto progress = fs::last_write_time(checkpoint.progressFile(), ec);
    return !ec && saved >= progress;
}

// What resuming the finished training of `folder` would tell: where its classifier is, when it was
// saved after the last checkpoint (`progress`); empty when something is left to do.
std::string finishedNote(const Recipe& recipe, const RunFolder& folder, const TrainingCheckpoint& checkpoint,
                         const TrainingProgress& progress) {
    if (!trainingFinished(recipe, progress) || !savedAfter(folder.classifier(), checkpoint))
        return {};
    return "the run in " + folder.root.string() + " has already finished: its classifier is in " +
           folder.classifier().string() +
           " (ulmfit evaluate, or the Evaluate page, scores it); to train again, choose a new output folder";
}
} // namespace

class RecipeRunner::Impl {
  public:
    Impl(Recipe recipe, RunOptions options, std::shared_ptr<SharedCorpus> shared = nullptr)
        : m_recipe(std::move(recipe)), m_options(std::move(options)), m_folder{m_options.out},
          m_checkpoint(m_folder.checkpoints()), m_shared(std::move(shared)), m_member(m_shared != nullptr) {
        if (m_recipe.directions.size() == 1)
            m_folder.direction = m_recipe.directions.front();
    }

    RunResult run();
    LrFindResult lrFind(RecipeStage::Model model, int stage);

  private:
    void prepare();
    void saveRunRecords() const;
    double testAccuracy();
    RunResult runBidirectional();
    void runLanguageModel(const std::optional<TrainingProgress>& resume);
    void runClassifier(const std::optional<TrainingProgress>& resume);
    void runPhase(RecipePhase& phase, const std::optional<TrainingProgress>& resume);
    void runStage(Learner& learn, RecipePhase& phase, int stageIndex, int startEpoch, int startBatch);
    std::vector<std::shared_ptr<Callback>> stageCallbacks(const RecipePhase& phase, int stageIndex);
    int64_t vocabSize() const { return static_cast<int64_t>(m_corpus->vocab.size()); }

    Recipe m_recipe;
    RunOptions m_options;
    RunFolder m_folder;
    TrainingCheckpoint m_checkpoint;
    torch::Device m_device{torch::kCPU};
    std::shared_ptr<SharedCorpus> m_shared;
    bool m_member;              // of a bidirectional run, in its fwd/ or bwd/ folder
    Corpus* m_corpus = nullptr; // m_shared's, oriented for this run's direction
    long long m_globalStep = 0;
    RunResult m_result;
};

void RecipeRunner::Impl::prepare() {
    if (m_corpus)
        return;
    if (m_shared) { // a member of a bidirectional run: the tokens are loaded
        m_device = chooseDevice(m_options.device.empty() ? m_recipe.device : m_options.device);
        m_shared->orient(m_recipe.directions.front());
        m_corpus = m_shared->corpus.get();
        return;
    }
    if (const auto foreign = foreignStdFilesystemSymbols(); !foreign.empty())
        message(m_options.observer, "warning: " + explainForeignStdFilesystem(foreign));
    fs::create_directories(m_options.out);
    if (m_options.data.empty()) { // resuming with the run's folder alone
        if (!m_options.resume)
            throw Error("no dataset given: choose the dataset folder (train/, test/) or archive to train on");
        m_options.data = m_folder.datasetToResume();
    }
    m_device = chooseDevice(m_options.device.empty() ? m_recipe.device : m_options.device);
    const PrecisionChoice precision = precisionFor(m_device.is_cuda(), m_recipe.mixedPrecision);
    if (m_device.is_cpu())
        configureCpu(precision.precision);
    message(m_options.observer, "training on " + m_device.str() + " in " + precision.summary());
    CorpusRequest request;
    request.data = m_options.data;
    request.extractRoot = m_folder.extractedData(); // an archive is extracted beside the run
    request.corpus.vocab = m_recipe.vocab;
    request.corpus.cacheDir = m_options.cacheDir;
    OpenedCorpus opened = openCorpus(request, m_options.observer, m_options.cancel);
    message(m_options.observer, "corpus: " + describeCorpus(opened.loaded));
    m_shared = std::make_shared<SharedCorpus>();
    m_shared->corpus = std::make_unique<Corpus>(std::move(opened.loaded.corpus));
    m_corpus = m_shared->corpus.get();
    if (m_recipe.directions.size() == 1)
        m_shared->orient(m_recipe.directions.front());
}

std::vector<std::shared_ptr<Callback>> RecipeRunner::Impl::stageCallbacks(const RecipePhase& phase,
                                                                          int stageIndex) {
    auto callbacks = recipeCallbacks(m_recipe, m_device, m_options.cancel, m_options.pause);
    callbacks.push_back(std::make_shared<DivergenceGuard>(phase.name));
    callbacks.push_back(std::make_shared<OneCycleScheduler>(effectiveStage(m_recipe, stageIndex).lr));
    callbacks.push_back(
        std::make_shared<CheckpointCallback>(m_checkpoint, stageIndex, phase.name, m_recipe.checkpointMinutes));
    return callbacks;
}

void RecipeRunner::Impl::runStage(Learner& learn, RecipePhase& phase, int stageIndex, int startEpoch,
                                  int startBatch) {
    const RecipeStage stage = effectiveStage(m_recipe, stageIndex);
    const int stageCount = static_cast<int>(m_recipe.stages.size());
    phase.freezeTo(stage.freezeTo);
    // fastai's freeze_to / unfreeze clear the optimizer state: each stage starts Adam afresh (a stage
    // resumed in its middle keeps the state its checkpoint restored).
    if (startEpoch == 0 && startBatch == 0)
        learn.optimizer().clearState();
    StageEvent event{StageEvent::Kind::Started, stageIndex, stageCount, phase.name, stage};
    if (m_options.observer)
        m_options.observer->onStage(event);
    auto callbacks = stageCallbacks(phase, stageIndex);
    auto recorder = std::make_shared<Recorder>(
        m_options.observer,
        Recorder::StageInfo{stageIndex, phase.name, phase.kind == RecipeStage::Model::LanguageModel},
        &m_globalStep);
    callbacks.push_back(recorder);
    for (const auto& callback : callbacks)
        learn.addCallback(callback);
    const auto removeCallbacks = [&] {
        for (const auto& callback : callbacks)
            learn.removeCallback(callback.get());
    };
    try {
        learn.fit(stage.epochs, startEpoch, startBatch);
    } catch (...) {
        removeCallbacks();
        throw;
    }
    removeCallbacks();
    const auto& epochs = recorder->epochs();
    m_result.epochs.insert(m_result.epochs.end(), epochs.begin(), epochs.end());
    event.kind = StageEvent::Kind::Finished;
    if (m_options.observer)
        m_options.observer->onStage(event);
}

void RecipeRunner::Impl::runPhase(RecipePhase& phase, const std::optional<TrainingProgress>& resume) {
    DiscriminativeAdam::Options adam;
    adam.weightDecay = m_recipe.weightDecay;
    Learner learn(phase.model, *phase.train, phase.valid, m_device, adam);
    const bool resuming = resume && resume->phase == phase.name;
    if (resuming)
        m_checkpoint.load(*phase.model.module, &learn.optimizer());
    for (int s = 0; s < static_cast<int>(m_recipe.stages.size()); ++s) {
        if (m_recipe.stages[s].model != phase.kind || (resuming && s < resume->stage))
            continue;
        const bool resumedStage = resuming && s == resume->stage;
        const int start = resumedStage ? resume->epochsDone : 0;
        if (start < m_recipe.stages[s].epochs)
            runStage(learn, phase, s, start, resumedStage ? resume->batchesDone : 0);
    }
}

void RecipeRunner::Impl::runLanguageModel(const std::optional<TrainingProgress>& resume) {
    std::string start;
    auto model = buildRecipeLanguageModel(m_recipe, m_corpus->vocab.itos(), m_device, &start);
    if (!start.empty())
        message(m_options.observer, start);
    auto train = recipeLmLoader(m_recipe, *m_corpus, false),
         valid = recipeLmLoader(m_recipe, *m_corpus, true);
    LoaderSource trainSource(*train), validSource(*valid);
    RecipePhase phase{"lm",         RecipeStage::Model::LanguageModel,     learnerModel(model), &trainSource,
                      &validSource, [model](int n) { freezeTo(model, n); }};
    runPhase(phase, resume);
    m_folder.saveLanguageModel(model, m_corpus->vocab.itos(), m_options.observer);
}

void RecipeRunner::Impl::runClassifier(const std::optional<TrainingProgress>& resume) {
    auto model =
        buildRecipeClassifier(m_recipe, vocabSize(), static_cast<int64_t>(m_corpus->labelNames.size()),
                              m_folder.encoder(), m_device);
    auto train = recipeClassifierLoader(m_recipe, *m_corpus, false);
    auto valid = recipeClassifierLoader(m_recipe, *m_corpus, true);
    LoaderSource trainSource(*train), validSource(*valid);
    RecipePhase phase{"classifier", RecipeStage::Model::Classifier,        learnerModel(model), &trainSource,
                      &validSource, [model](int n) { freezeTo(model, n); }};
    runPhase(phase, resume);
    m_folder.saveClassifier(model, m_corpus->vocab.itos(), m_corpus->labelNames, m_options.observer);
}

// What --resume needs besides the checkpoint: the recipe, and the dataset (the run's own, not a
// member's, and not an lr-find's, which uses the run folder only to read its encoder).
void RecipeRunner::Impl::saveRunRecords() const {
    m_folder.saveRecipe(m_recipe);
    if (!m_member)
        m_folder.saveDataset(m_options.data);
}

// The saved classifier's accuracy on the test split.
double RecipeRunner::Impl::testAccuracy() {
    m_shared->orient(Direction::Forward); // the predictor reads documents in reading order
    Predictor classifier(m_folder.classifier(), m_device);
    return evaluateCorpus(classifier, *m_corpus, m_corpus->indicesOf(Split::Test), {}, m_options.observer,
                          m_options.cancel)
        .accuracy;
}

// The ULMFiT paper's ensemble: each direction's whole recipe in <out>/fwd and <out>/bwd on the
// same tokens, then <out>/classifier averages the two classifiers, scored on the test split.
RunResult RecipeRunner::Impl::runBidirectional() {
    const auto start = std::chrono::steady_clock::now();
    prepare();
    saveRunRecords();
    RunResult result;
    std::vector<fs::path> members;
    const int stagesPerMember = static_cast<int>(m_recipe.stages.size());
    const int stageCount = stagesPerMember * static_cast<int>(m_recipe.directions.size());
    long long steps = 0;
    for (std::size_t m = 0; m < m_recipe.directions.size(); ++m) {
        const Direction direction = m_recipe.directions[m];
        RunOptions options = m_options;
        options.out = m_options.out / directionName(direction);
        std::optional<MemberObserver> observer;
        if (m_options.observer) {
            observer.emplace(m_options.observer, static_cast<int>(m) * stagesPerMember, stageCount);
            observer->stepOffset = steps;
            options.observer = &*observer;
        }
        message(m_options.observer, std::string("training the ") +
                                        (direction == Direction::Backward ? "backward" : "forward") + " model in " +
                                        options.out.string());
        Impl member(memberRecipe(m_recipe, direction), options, m_shared);
        const RunResult own = member.run();
        if (observer)
            steps += observer->lastStep;
        result.epochs.insert(result.epochs.end(), own.epochs.begin(), own.epochs.end());
        if (result.encoder.empty()) {
            result.encoder = own.encoder;
            result.languageModelDir = own.languageModelDir;
        }
        members.push_back(own.classifierDir);
    }
    saveEnsembleBundle(m_folder.classifier(), members);
    message(m_options.observer, "saved the ensemble to " + m_folder.classifier().string());
    result.classifierDir = m_folder.classifier();
    m_shared->orient(Direction::Forward); // the predictor reads documents in reading order
    Predictor ensemble(result.classifierDir, m_device);
    const auto evaluation = evaluateCorpus(ensemble, *m_corpus, m_corpus->indicesOf(Split::Test), {},
                                           m_options.observer, m_options.cancel);
    result.accuracy = evaluation.accuracy;
    for (const auto& member : evaluation.members)
        result.memberAccuracies.emplace_back(member.name, member.accuracy);
    message(m_options.observer, "ensemble accuracy on the test split: " + std::to_string(evaluation.accuracy));
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

RunResult RecipeRunner::Impl::run() {
    if (m_recipe.directions.size() > 1)
        return runBidirectional();
    const auto start = std::chrono::steady_clock::now();
    const auto resume = m_options.resume ? m_checkpoint.progress() : std::nullopt;
    const bool trainedAlready = resume && trainingFinished(m_recipe, *resume);
    if (resume) {
        checkResumedRecipe(m_recipe, m_folder.recipe(), m_folder.root);
        if (const std::string note = m_member ? std::string() : finishedNote(m_recipe, m_folder, m_checkpoint, *resume);
            !note.empty())
            throw Error(note);
    }
    prepare();
    if (const std::string warning = scratchWarning(m_recipe); !warning.empty())
        message(m_options.observer, warning);
    saveRunRecords();
    m_result.encoder = m_folder.encoder();
    m_result.classifierDir = m_folder.classifier();
    m_result.languageModelDir = m_folder.languageModel();
    if (m_options.resume)
        message(m_options.observer, resumeNote(resume));
    try {
        if (!(resume && resume->phase == "classifier"))
            runLanguageModel(resume);
        runClassifier(resume);
    } catch (const TrainingDiverged& e) {
        throw TrainingDiverged(std::string(e.what()) + " " + keptCheckpointNote(m_checkpoint));
    }
    const auto lastClassifierEpoch =
        std::find_if(m_result.epochs.rbegin(), m_result.epochs.rend(),
                     [](const EpochEvent& e) { return e.stageName == "classifier"; });
    if (lastClassifierEpoch != m_result.epochs.rend())
        m_result.accuracy = lastClassifierEpoch->accuracy;
    else if (trainedAlready && !m_member) // killed after the last epoch, before the classifier was saved
        m_result.accuracy = testAccuracy();
    m_result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return m_result;
}

LrFindResult RecipeRunner::Impl::lrFind(RecipeStage::Model kind, int stage) {
    prepare();
    LrFindRequest request;
    request.recipe = &m_recipe;
    request.corpus = m_corpus;
    request.kind = kind;
    request.stage = stage;
    request.device = m_device;
    request.encoder = m_folder.encoder();
    request.cancel = m_options.cancel;
    request.pause = m_options.pause;
    request.observer = m_options.observer;
    const LrFindResult result = recipeLrFind(request);
    if (m_options.observer)
        m_options.observer->onLrFind(result);
    return result;
}

std::string finishedRunNote(const Recipe& recipe, const fs::path& out) {
    const RunFolder folder{out};
    const TrainingCheckpoint checkpoint(folder.checkpoints());
    const auto progress = checkpoint.progress();
    return progress ? finishedNote(recipe, folder, checkpoint, *progress) : std::string();
}

RecipeRunner::RecipeRunner(Recipe recipe, RunOptions options)
    : m_impl(std::make_unique<Impl>(std::move(recipe), std::move(options))) {}
RecipeRunner::~RecipeRunner() = default;
RunResult RecipeRunner::run() {
    return m_impl->run();
}
LrFindResult RecipeRunner::lrFind(RecipeStage::Model model, int stage) {
    return m_impl->lrFind(model, stage);
}

} // namespace ulmfit
