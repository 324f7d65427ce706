// Recipe JSON round trip, the built-in recipes, and errors that name the field.
#include "core/Error.h"
#include "train/Recipe.h"

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
        QCOMPARE(book.stages[0].describe(), std::string("Language model: fit_one_cycle(1, 0.02) frozen"));
        QCOMPARE(book.stages[1].describe(), std::string("Language model: fit_one_cycle(10, 0.002) unfrozen"));
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
        recipe.device = "cpu";
        recipe.stages.back().lr = LearningRate::slice(0, 3e-3);
        const auto path = dir.filePath("r.json").toStdString();
        saveRecipe(recipe, path);
        const Recipe loaded = loadRecipe(path);
        QCOMPARE(nlohmann::json(loaded), nlohmann::json(recipe));
        QCOMPARE(loaded.stages.back().lr.describe(), std::string("slice(0.003)"));
        QCOMPARE(loaded.embSize, recipe.embSize);
        QCOMPARE(loaded.vocab.maxVocab, recipe.vocab.maxVocab);
    }

    void badFieldsAreNamed() {
        QCOMPARE(errorFor(R"({"emb_size": "big"})"), std::string("recipe field 'emb_size': expected a number"));
        QCOMPARE(errorFor(R"({"stages": [{"model": "lm", "epochs": 1, "lr": 0.01}, {"model": "cls", "lr": 1}]})"),
                 std::string("recipe field 'stages[1].model': expected \"lm\" or \"classifier\", got \"cls\""));
        QCOMPARE(errorFor(R"({"stages": [{"model": "lm", "epochs": 1}]})").find("recipe field 'stages[0].lr': missing"),
                 std::size_t(0));
        QCOMPARE(errorFor(R"({"stages": [{"model": "lm", "slice": [1, "x"]}]})").find("'stages[0].slice'"),
                 std::size_t(13));
        QCOMPARE(errorFor(R"({"epoch": 3})"), std::string("recipe field 'epoch': unknown field"));
        QCOMPARE(errorFor(R"({"device": "tpu"})").find("recipe field 'device'"), std::size_t(0));
        QCOMPARE(errorFor(R"({"seq_len": 0})"), std::string("recipe field 'seq_len': must be at least 1"));
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
