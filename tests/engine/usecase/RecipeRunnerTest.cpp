// RecipeRunner end to end on a tiny synthetic dataset: outputs, events, checkpoint + resume,
// divergence keeping the last good checkpoint, lr_find.
#include "data/source/SyntheticReviews.h"

#include "core/Error.h"
#include "infer/Predictor.h"
#include "model/ModelBundle.h"
#include "pretrained/FastaiModels.h"
#include "recipe/RecipeJson.h"
#include "train/Callbacks.h"
#include "train/TrainingCheckpoint.h"
#include "usecase/RecipeRunner.h"
#include "usecase/RunFolder.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {
Recipe tinyRecipe() {
    using M = RecipeStage::Model;
    Recipe recipe;
    recipe.name = "tiny";
    recipe.embSize = 16;
    recipe.hiddenSize = 24;
    recipe.nLayers = 2;
    recipe.vocab.minFreq = 1;
    recipe.lmBatchSize = 4;
    recipe.lmSeqLen = 8;
    recipe.seqLen = 8;
    recipe.classifierBatchSize = 8;
    recipe.device = "cpu";
    recipe.stages = {{M::LanguageModel, 0, 2, LearningRate::plain(1e-2)},
                     {M::Classifier, -1, 1, LearningRate::plain(2e-2)},
                     {M::Classifier, 0, 2, LearningRate::slice(1e-3, 1e-2)}};
    return recipe;
}

struct Events : TrainingObserver {
    std::vector<std::string> stages;
    std::vector<EpochEvent> epochs;
    int batches = 0;
    std::function<void(const EpochEvent&)> onEpochHook;
    void onStage(const StageEvent& e) override {
        stages.push_back((e.kind == StageEvent::Kind::Started ? "start " : "end ") + stageTitle(e.stage));
    }
    void onBatch(const BatchEvent&) override { ++batches; }
    void onEpoch(const EpochEvent& e) override {
        epochs.push_back(e);
        if (onEpochHook)
            onEpochHook(e);
    }
};
} // namespace

class RecipeRunnerTest : public QObject {
    Q_OBJECT
  private:
    QTemporaryDir m_dir;
    fs::path m_data;

    RunOptions options(const std::string& out, TrainingObserver* observer,
                       const CancelToken* cancel = nullptr) {
        RunOptions o;
        o.data = m_data;
        o.out = fs::path(m_dir.path().toStdString()) / out;
        o.cacheDir = fs::path(m_dir.path().toStdString()) / "cache";
        o.observer = observer;
        o.cancel = cancel;
        return o;
    }

  private Q_SLOTS:
    void initTestCase() {
        m_data = fs::path(m_dir.path().toStdString()) / "reviews";
        writeSyntheticReviews(m_data);
    }

    void runsEveryStageAndSavesTheBundle() {
        Events events;
        const RunResult result = RecipeRunner(tinyRecipe(), options("full", &events)).run();
        QCOMPARE(events.epochs.size(), std::size_t(5));
        QCOMPARE(result.epochs.size(), std::size_t(5));
        QVERIFY(events.epochs[0].hasPerplexity && !events.epochs[4].hasPerplexity);
        QCOMPARE(events.stages.front(),
                 std::string("start Language model: unfreeze(); fit_one_cycle(2, 1e-2)"));
        QCOMPARE(events.stages.back(),
                 std::string("end Classifier: unfreeze(); fit_one_cycle(2, slice(1e-3, 1e-2))"));
        QVERIFY(events.batches > 0);
        QVERIFY(fs::exists(result.encoder));
        QVERIFY(fs::exists(result.classifierDir / "model.pt"));
        QVERIFY(fs::exists(result.classifierDir / "config.json"));
        // The fine-tuned LM is kept for text generation, loadable with its vocabulary.
        const auto lm = loadLanguageModelBundle(result.languageModelDir);
        QVERIFY(!lm.vocab.empty());
        QVERIFY(lm.model->config().vocabSize == static_cast<int64_t>(lm.vocab.size()));
        QVERIFY(fs::exists(fs::path(m_dir.path().toStdString()) / "full" / "recipe.json"));
        QVERIFY(result.accuracy >= 0.0 && result.accuracy <= 1.0);
        const auto progress =
            TrainingCheckpoint(fs::path(m_dir.path().toStdString()) / "full" / "checkpoint").progress();
        QVERIFY(progress && progress->stage == 2 && progress->epochsDone == 2 &&
                progress->phase == "classifier");
    }

    void resumeContinuesFromTheNextEpoch() {
        CancelToken cancel;
        Events first;
        first.onEpochHook = [&](const EpochEvent& e) {
            if (e.stageIndex == 1)
                cancel.cancel(); // stop during the classifier's second stage
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 RecipeRunner(tinyRecipe(), options("resume", &first, &cancel)).run());
        QCOMPARE(first.epochs.size(), std::size_t(3));
        const RunFolder folder{fs::path(m_dir.path().toStdString()) / "resume"};
        QCOMPARE(folder.readDataset().value_or(""), fs::absolute(m_data));
        Events second;
        auto o = options("resume", &second);
        o.resume = true;
        o.data.clear(); // the run's folder says which dataset
        const RunResult result = RecipeRunner(tinyRecipe(), o).run();
        QCOMPARE(second.epochs.size(), std::size_t(2)); // the last stage's two epochs only
        QCOMPARE(first.epochs.size() + second.epochs.size(), std::size_t(5));
        QCOMPARE(second.epochs.front().stageIndex, 2);
        QVERIFY(fs::exists(result.classifierDir / "model.pt"));
    }

    void resumingAFinishedRunSaysSoOrSavesWhatIsMissing() {
        Events first;
        const RunResult finished = RecipeRunner(tinyRecipe(), options("finished", &first)).run();
        auto o = options("finished", nullptr);
        o.resume = true;
        try {
            RecipeRunner(tinyRecipe(), o).run();
            QFAIL("resumed a finished run");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("has already finished"), e.what());
        }
        // Killed after the last epoch's checkpoint, before the classifier was saved: resuming saves
        // it and scores it on the test split, as the last epoch did (no longer 0).
        fs::remove_all(finished.classifierDir);
        Events second;
        o.observer = &second;
        const RunResult resumed = RecipeRunner(tinyRecipe(), o).run();
        QVERIFY(second.epochs.empty());
        QVERIFY(fs::exists(resumed.classifierDir / "config.json"));
        QVERIFY2(std::abs(resumed.accuracy - finished.accuracy) < 0.02,
                 qPrintable(QString("%1 vs %2").arg(resumed.accuracy).arg(finished.accuracy)));
    }

    void resumeRefusesADifferentRecipe() {
        CancelToken cancel;
        Events first;
        first.onEpochHook = [&](const EpochEvent&) { cancel.cancel(); };
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 RecipeRunner(tinyRecipe(), options("other", &first, &cancel)).run());
        Recipe changed = tinyRecipe();
        changed.maxDocTokens += 7;
        Events second;
        auto o = options("other", &second);
        o.resume = true;
        try {
            RecipeRunner(changed, o).run();
            QFAIL("resumed under a different recipe");
        } catch (const Error& e) {
            const QString message = QString::fromStdString(e.what());
            QVERIFY2(message.contains("max_doc_tokens") && message.contains("recipe.json"),
                     qPrintable(message));
        }
        Recipe otherDevice = tinyRecipe();
        otherDevice.device = "auto"; // the device may change between the two runs
        RecipeRunner(otherDevice, o).run();
    }

    void resumeInsideAStageStartsAtTheNextEpoch() {
        CancelToken cancel;
        Events first;
        first.onEpochHook = [&](const EpochEvent& e) {
            if (e.stageIndex == 0 && e.epoch == 0)
                cancel.cancel();
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 RecipeRunner(tinyRecipe(), options("mid", &first, &cancel)).run());
        Events second;
        auto o = options("mid", &second);
        o.resume = true;
        RecipeRunner(tinyRecipe(), o).run();
        QCOMPARE(second.epochs.size(), std::size_t(4));
        QCOMPARE(second.epochs.front().stageIndex, 0);
        QCOMPARE(second.epochs.front().epoch, 1);
    }

    void divergenceStopsAndKeepsTheLastGoodCheckpoint() {
        Recipe recipe = tinyRecipe();
        recipe.stages.insert(recipe.stages.begin() + 1,
                             {RecipeStage::Model::LanguageModel, 0, 1, LearningRate::plain(1e38)});
        Events events;
        try {
            RecipeRunner(recipe, options("nan", &events)).run();
            QFAIL("expected TrainingDiverged");
        } catch (const TrainingDiverged& e) {
            const QString message = e.what();
            QVERIFY2(message.contains("diverged") && message.contains("stage 1, epoch 2") &&
                         message.contains("--resume"),
                     qPrintable(message));
        }
        const auto progress =
            TrainingCheckpoint(fs::path(m_dir.path().toStdString()) / "nan" / "checkpoint").progress();
        QVERIFY(progress && progress->stage == 0 && progress->epochsDone == 2);
    }

    // Transfer learning: fastai's files carried over to the corpus vocabulary, the first LM stage
    // frozen as fastai's freeze() leaves it (only the embeddings and decoder train).
    void pretrainedStartTrainsOnlyTheLastGroupWhenFrozen() {
        const fs::path fastai = fs::path(m_dir.path().toStdString()) / "fastai-lm";
        fs::create_directories(fastai);
        fs::copy_file(fs::path(ULMFIT_FIXTURES_DIR) / "fastai" / "lm_zip.pth", fastai / "lstm_fwd.pth");
        fs::copy_file(fs::path(ULMFIT_FIXTURES_DIR) / "fastai" / "itos.pkl", fastai / "itos_wt103.pkl");
        using M = RecipeStage::Model;
        Recipe recipe = tinyRecipe();
        recipe.embSize = 8; // the fixture's sizes
        recipe.hiddenSize = 12;
        recipe.nLayers = 3;
        recipe.pretrained = fastai.string();
        recipe.stages = {{M::LanguageModel, -1, 1, LearningRate::plain(1e-2)},
                         {M::Classifier, -1, 1, LearningRate::plain(2e-2)}};
        struct Notes : Events {
            std::vector<std::string> messages;
            void onMessage(const std::string& m) override { messages.push_back(m); }
        } notes;
        RecipeRunner(recipe, options("pretrained", &notes)).run();
        QVERIFY(std::any_of(notes.messages.begin(), notes.messages.end(), [](const std::string& m) {
            return m.find("language model: starts from") != std::string::npos && m.find("keep their pretrained") != std::string::npos;
        }));
        QVERIFY(std::none_of(notes.messages.begin(), notes.messages.end(),
                             [](const std::string& m) { return m.rfind("warning:", 0) == 0; }));
        QCOMPARE(notes.stages.front(), std::string("start Language model: freeze_to(-1); fit_one_cycle(1, 1e-2)"));
        // The LSTM layers are the pretrained ones, untouched; the embedding trained.
        const LoadedLanguageModel before = importFastaiLanguageModel(fastai / "lstm_fwd.pth", fastai / "itos_wt103.pkl");
        const LoadedLanguageModel after = loadLanguageModelBundle(fs::path(m_dir.path().toStdString()) / "pretrained");
        const auto original = before.model->named_parameters();
        int lstmTensors = 0;
        for (const auto& p : after.model->named_parameters())
            if (p.key().find("rnns.") != std::string::npos) {
                QVERIFY2(torch::equal(p.value(), original[p.key()]), p.key().c_str());
                ++lstmTensors;
            }
        QCOMPARE(lstmTensors, 3 * 4);
        QVERIFY(after.model->encoder->encoder->weight.size(0) != before.model->encoder->encoder->weight.size(0) ||
                !torch::equal(after.model->encoder->encoder->weight, before.model->encoder->encoder->weight));
    }

    void scratchWithFineTuningStagesWarns() {
        Recipe recipe = tinyRecipe();
        recipe.stages.front().freezeTo = -1; // a fine-tuning stage, but no pretrained model
        struct Notes : Events {
            std::vector<std::string> messages;
            void onMessage(const std::string& m) override { messages.push_back(m); }
        } notes;
        RecipeRunner(recipe, options("scratch-warning", &notes)).run();
        QVERIFY(std::any_of(notes.messages.begin(), notes.messages.end(), [](const std::string& m) {
            return m.rfind("warning:", 0) == 0 && m.find("--pretrained wt103-fwd") != std::string::npos;
        }));
    }

    void missingPretrainedModelSaysHowToGetIt() {
        Recipe recipe = tinyRecipe();
        recipe.pretrained = "wt103-fwd";
        qputenv("ULMFIT_MODELS_DIR", m_dir.filePath("no-models").toUtf8());
        Events events;
        try {
            RecipeRunner(recipe, options("no-model", &events)).run();
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("ulmfit models fetch wt103-fwd"), e.what());
        }
    }

    void lrFindGivesACurveAndASuggestion() {
        Events events;
        LrFindResult seen;
        struct Sink : Events {
            LrFindResult* out = nullptr;
            void onLrFind(const LrFindResult& r) override { *out = r; }
        } sink;
        sink.out = &seen;
        const LrFindResult result =
            RecipeRunner(tinyRecipe(), options("lrfind", &sink)).lrFind(RecipeStage::Model::LanguageModel);
        QVERIFY(result.lrs.size() >= 10);
        QCOMPARE(result.lrs.size(), result.losses.size());
        QVERIFY(result.lrs.front() < 1e-6);
        QVERIFY(result.suggestion > 1e-7 && result.suggestion < 10);
        QCOMPARE(seen.lrs.size(), result.lrs.size());
    }

    // directions [fwd, bwd]: each member's whole recipe in its own folder on the same tokens, the
    // ensemble beside them, each member's accuracy and the ensemble's on the test split.
    void bidirectionalRunTrainsBothAndSavesTheEnsemble() {
        Events events;
        Recipe recipe = tinyRecipe();
        recipe.directions = {Direction::Forward, Direction::Backward};
        const RunResult result = RecipeRunner(recipe, options("both", &events)).run();
        const fs::path out = fs::path(m_dir.path().toStdString()) / "both";
        QCOMPARE(events.epochs.size(), std::size_t(10)); // 5 epochs per member
        QCOMPARE(events.epochs.back().stageIndex, 5);      // one plan: the backward member's stages follow
        QCOMPARE(loadClassifierBundle(out / "fwd" / "classifier").direction, Direction::Forward);
        QCOMPARE(loadClassifierBundle(out / "bwd" / "classifier").direction, Direction::Backward);
        QCOMPARE(loadLanguageModelBundle(out / "bwd" / "lm").direction, Direction::Backward);
        QVERIFY(isEnsembleFolder(out / "classifier"));
        QCOMPARE(result.classifierDir, out / "classifier");
        QCOMPARE(result.memberAccuracies.size(), std::size_t(2));
        QCOMPARE(result.memberAccuracies[1].first, std::string("bwd"));
        QVERIFY(result.accuracy >= 0 && result.accuracy <= 1);
        QCOMPARE(Predictor(out).memberCount(), std::size_t(2));
        QVERIFY(loadRecipe((out / "bwd" / "recipe.json").string()).directions ==
                std::vector<Direction>{Direction::Backward});

        // A forward language model cannot start the backward member.
        Recipe wrong = tinyRecipe();
        wrong.directions = {Direction::Backward};
        wrong.pretrained = (out / "fwd" / "lm").string();
        try {
            RecipeRunner(wrong, options("wrong-direction", &events)).run();
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("reads forward, but it would start a backward model"), e.what());
        }
    }

    // Stopped in the backward member: resuming from the folder alone keeps the forward member and
    // trains only what the backward one had left, then the ensemble.
    void bidirectionalRunResumesInTheMemberItStoppedIn() {
        Recipe recipe = tinyRecipe();
        recipe.directions = {Direction::Forward, Direction::Backward};
        CancelToken cancel;
        Events first;
        first.onEpochHook = [&](const EpochEvent& e) {
            if (e.stageIndex == 4) // the backward member's second stage (3 stages per member)
                cancel.cancel();
        };
        QVERIFY_THROWS_EXCEPTION(Cancelled,
                                 RecipeRunner(recipe, options("both-resume", &first, &cancel)).run());
        QCOMPARE(first.epochs.size(), std::size_t(8));
        Events second;
        auto o = options("both-resume", &second);
        o.resume = true;
        o.data.clear();
        const RunResult result = RecipeRunner(recipe, o).run();
        QCOMPARE(second.epochs.size(), std::size_t(2)); // the backward member's last stage only
        QVERIFY(isEnsembleFolder(result.classifierDir));
        QCOMPARE(result.memberAccuracies.size(), std::size_t(2));
    }

    // The wizard's per-stage button: any stage of a model, its progress reported, a wrong index refused.
    void lrFindRunsTheChosenStageWithProgress() {
        struct Sink : Events {
            double lastDone = 0, total = 0;
            void onProgress(const Progress& p) override {
                if (p.task == "lr_find") {
                    lastDone = p.done;
                    total = p.total;
                }
            }
        } sink;
        const LrFindResult result =
            RecipeRunner(tinyRecipe(), options("lrfind-stage", &sink)).lrFind(RecipeStage::Model::Classifier, 1);
        QVERIFY(result.lrs.size() >= 10);
        QCOMPARE(sink.total, 100.0);
        QVERIFY(sink.lastDone >= double(result.lrs.size()));
        try {
            RecipeRunner(tinyRecipe(), options("lrfind-stage", &sink)).lrFind(RecipeStage::Model::Classifier, 2);
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(QString(e.what()).contains("has 2 stages of that model, not a stage 3"), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(RecipeRunnerTest)
#include "RecipeRunnerTest.moc"
