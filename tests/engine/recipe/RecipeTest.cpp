// Recipe JSON round trip, the built-in recipes, and errors that name the field.
#include "core/Error.h"
#include "recipe/RecipeJson.h"
#include "recipe/RecipePresets.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <nlohmann/json.hpp>

using namespace ulmfit;

namespace {
std::string errorFor(const std::string& text) {
    try {
        nlohmann::json::parse(text).get<Recipe>();
    } catch (const ulmfit::Error& e) {
        return e.what();
    }
    return {};
}
} // namespace

class RecipeTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void bookRecipeFollowsTheBook() {
        const Recipe book = bookRecipe();
        QCOMPARE(book.stages.size(), std::size_t(6));
        std::vector<std::string> code;
        for (const auto& stage : book.stages)
            code.push_back(stageCode(stage));
        QCOMPARE(code, (std::vector<std::string>{"freeze_to(-1); fit_one_cycle(1, 2e-2)",
                                                 "unfreeze(); fit_one_cycle(10, 2e-3)",
                                                 "freeze_to(-1); fit_one_cycle(1, 2e-2)",
                                                 "freeze_to(-2); fit_one_cycle(1, slice(1e-2/2.6**4, 1e-2))",
                                                 "freeze_to(-3); fit_one_cycle(1, slice(5e-3/2.6**4, 5e-3))",
                                                 "unfreeze(); fit_one_cycle(2, slice(1e-3/2.6**4, 1e-3))"}));
        QCOMPARE(stageTitle(book.stages[1]),
                 std::string("Language model: unfreeze(); fit_one_cycle(10, 2e-3)"));
        QCOMPARE(stageTitle(book.stages[2]),
                 std::string("Classifier: freeze_to(-1); fit_one_cycle(1, 2e-2)"));
        const auto& last = book.stages[5];
        QCOMPARE(last.freezeTo, 0);
        QCOMPARE(last.epochs, 2);
        QVERIFY(last.lr.isSlice && std::abs(last.lr.lo - 1e-3 / std::pow(2.6, 4)) < 1e-15);
        QCOMPARE(book.stages[3].freezeTo, -2);
        QVERIFY(std::abs(book.stages[3].lr.hi - 1e-2) < 1e-15);
        QCOMPARE(book.lmDropMult, 0.3);
        QCOMPARE(book.classifierDropMult, 0.5);
    }

    void roundTripThroughAFile() {
        QTemporaryDir dir;
        Recipe recipe = quickRecipe();
        recipe.clip = 0.25;
        recipe.checkpointMinutes = 2.5;
        recipe.device = "cpu";
        recipe.stages.back().lr = LearningRate::slice(0, 3e-3);
        const auto path = dir.filePath("r.json").toStdString();
        std::ofstream(path) << recipeToJsonText(recipe);
        const Recipe loaded = loadRecipe(path);
        QVERIFY(loaded == recipe);
        QCOMPARE(nlohmann::json(loaded), nlohmann::json(recipe));
        QCOMPARE(formatLearningRate(loaded.stages.back().lr), std::string("slice(3e-3)"));
    }

    void everyFieldSurvivesTheRoundTrip() {
        Recipe recipe = bookRecipe();
        recipe.name = "custom, \"quoted\"";
        recipe.vocab = {2, 123};
        recipe.lmValidPct = 0.2;
        recipe.lmMaxDocs = 4321;
        recipe.pretrained = "wt103-fwd";
        recipe.seqLen = 70;
        recipe.classifierBatchSize = 16;
        recipe.clip = 0.25;
        recipe.checkpointMinutes = 2.5;
        recipe.device = "cpu";
        recipe.mixedPrecision = false;
        recipe.seed = 7;
        recipe.stages[1].epochs = 3;
        recipe.stages[2].lr = LearningRate::slice(0, 2e-2);
        QVERIFY(recipeFromJsonText(recipeToJsonText(recipe), "test") == recipe);
        QVERIFY(recipeFromJsonText(recipeToJsonText(quickRecipe()), "test") == quickRecipe());
        Recipe changed = recipe;
        changed.tarBeta = 2;
        QVERIFY(changed != recipe);
    }

    void theLanguageModelHasItsOwnSequenceLength() {
        QCOMPARE(bookRecipe().lmSeqLen, 80); // the book's dls_lm
        QCOMPARE(bookRecipe().seqLen, 72);   // its dls_clas
        // A file from before lm_seq_len: seq_len applies to both, as it did.
        const Recipe old = recipeFromJsonText(R"({"seq_len": 50})", "old.json");
        QCOMPARE(old.lmSeqLen, 50);
        QCOMPARE(old.seqLen, 50);
        const Recipe both = recipeFromJsonText(R"({"seq_len": 50, "lm_seq_len": 90})", "new.json");
        QCOMPARE(both.lmSeqLen, 90);
        QCOMPARE(both.seqLen, 50);
        QCOMPARE(errorFor(R"({"lm_seq_len": 0})"), std::string("recipe field 'lm_seq_len': must be at least 1"));
    }

    void jsonUsesTheStageKeys() {
        const nlohmann::json json = bookRecipe();
        const auto& stages = json.at("stages");
        QCOMPARE(stages.size(), std::size_t(6));
        QCOMPARE(stages[0].at("model"), "lm");
        QCOMPARE(stages[0].at("freeze_to"), -1);
        QCOMPARE(stages[0].at("lr"), 2e-2);
        QCOMPARE(stages[5].at("model"), "classifier");
        QCOMPARE(stages[5].at("unfreeze"), true);
        QCOMPARE(stages[5].at("slice").size(), std::size_t(2));
    }

    void stagesOfOneModelAreReplacedInPlace() {
        Recipe recipe = bookRecipe();
        using M = RecipeStage::Model;
        recipe.setStagesOf(M::LanguageModel, {RecipeStage{M::Classifier, 0, 4, LearningRate::plain(1e-3)}});
        QCOMPARE(recipe.stages.size(), std::size_t(5));
        QCOMPARE(recipe.stages[0].model, M::LanguageModel); // the model is the one replaced
        QCOMPARE(recipe.stages[0].epochs, 4);
        QCOMPARE(recipe.stagesOf(M::Classifier), bookRecipe().stagesOf(M::Classifier));
        recipe.setStagesOf(M::Classifier, {});
        QCOMPARE(recipe.stages.size(), std::size_t(1));
    }

    void presetsByName() {
        QCOMPARE(presetNames(), (std::vector<std::string>{"book", "quick", "book-bidirectional"}));
        QVERIFY(presetRecipe("quick") == quickRecipe());
        QVERIFY(loadRecipe("book") == bookRecipe());
        QVERIFY(!presetRecipe("slow"));
        const Recipe quick = quickRecipe();
        QVERIFY(quick.embSize < 400 && quick.hiddenSize < 1152 && quick.nLayers <= 3);
    }

    // The bidirectional preset and the directions field (fastai's backwards=True per member).
    void directionsRoundTripAndAreChecked() {
        const Recipe both = bookBidirectionalRecipe();
        QCOMPARE(both.directions, (std::vector<Direction>{Direction::Forward, Direction::Backward}));
        QVERIFY(presetRecipe("book-bidirectional") == both);
        QVERIFY(recipeFromJsonText(recipeToJsonText(both), "both.json") == both);
        QCOMPARE(recipeFromJsonText(R"({"name": "x"})", "old.json").directions,
                 std::vector<Direction>{Direction::Forward}); // files from before the field
        QCOMPARE(recipeFromJsonText(R"({"directions": ["bwd"]})", "b.json").directions,
                 std::vector<Direction>{Direction::Backward});
        QCOMPARE(errorFor(R"({"directions": []})"),
                 std::string("recipe field 'directions': expected [\"fwd\"], [\"bwd\"] or [\"fwd\", \"bwd\"]"));
        QCOMPARE(errorFor(R"({"directions": ["up"]})"),
                 std::string("recipe field 'directions': expected \"fwd\" or \"bwd\", got \"up\""));
        QCOMPARE(errorFor(R"({"directions": ["bwd", "bwd"]})"),
                 std::string("recipe field 'directions': \"bwd\" is listed twice"));
        QCOMPARE(pretrainedFor(both, Direction::Backward), std::string("wt103-bwd"));
        QCOMPARE(pretrainedFor(both, Direction::Forward), std::string("wt103-fwd"));
        Recipe own = both;
        own.pretrained = "/models/mine";
        QCOMPARE(pretrainedFor(own, Direction::Backward), std::string("/models/mine"));
    }

    void badFieldsAreNamed() {
        QCOMPARE(errorFor(R"({"emb_size": "big"})"),
                 std::string("recipe field 'emb_size': expected a whole number"));
        QCOMPARE(
            errorFor(R"({"stages": [{"model": "lm", "epochs": 1, "lr": 0.01}, {"model": "cls", "lr": 1}]})"),
            std::string("recipe field 'stages[1].model': expected \"lm\" or \"classifier\", got \"cls\""));
        QCOMPARE(errorFor(R"({"stages": [{"model": "lm", "epochs": 1}]})")
                     .find("recipe field 'stages[0].lr': missing"),
                 std::size_t(0));
        QCOMPARE(errorFor(R"({"stages": [{"model": "lm", "slice": [1, "x"]}]})").find("'stages[0].slice'"),
                 std::size_t(13));
        QCOMPARE(errorFor(R"({"epoch": 3})").find("recipe field 'epoch': unknown field (the fields here: "),
                 std::size_t(0));
        QVERIFY(errorFor(R"({"epoch": 3})").find(", seq_len, stages") != std::string::npos);
        QVERIFY(
            errorFor(R"({"stages": [{"model": "lm", "epoch": 1, "lr": 0.01}]})")
                .find(
                    "'stages[0].epoch': unknown field (the fields here: epochs, freeze_to, lr, model, slice, "
                    "unfreeze)") != std::string::npos);
        QCOMPARE(errorFor(R"({"device": "tpu"})").find("recipe field 'device'"), std::size_t(0));
        QCOMPARE(errorFor(R"({"seq_len": 0})"), std::string("recipe field 'seq_len': must be at least 1"));
        // Found by RecipeJsonFuzz: a number beyond a double's range escaped as nlohmann's out_of_range.
        std::string tooLarge;
        try {
            recipeFromJsonText(R"({"clip": 2.3e333333330})", "big.json");
        } catch (const ulmfit::Error& e) {
            tooLarge = e.what();
        }
        QCOMPARE(tooLarge.rfind("recipe big.json is not valid JSON", 0), std::size_t(0));
        // And a float where a whole number belongs, or one beyond int's range (UB when cast).
        QCOMPARE(errorFor(R"({"stages": [{"model": "lm", "epochs": 2.2e28, "lr": 0.01}]})"),
                 std::string("recipe field 'stages[0].epochs': expected a whole number"));
        QCOMPARE(errorFor(R"({"seed": 99999999999})"), std::string("recipe field 'seed': out of range"));
        QCOMPARE(errorFor(R"({"checkpoint_minutes": -1})"),
                 std::string("recipe field 'checkpoint_minutes': expected 0 (only after epochs) or a positive "
                             "number of minutes"));
    }

    void invalidJsonAndMissingFile() {
        QTemporaryDir dir;
        const auto path = dir.filePath("bad.json").toStdString();
        std::ofstream(path) << "{ \"name\": ";
        try {
            loadRecipe(path);
            QFAIL("expected an error");
        } catch (const ulmfit::Error& e) {
            QVERIFY2(QString(e.what()).contains("not valid JSON"), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(Error, loadRecipe(dir.filePath("none.json").toStdString()));
    }
};

QTEST_APPLESS_MAIN(RecipeTest)
#include "RecipeTest.moc"
