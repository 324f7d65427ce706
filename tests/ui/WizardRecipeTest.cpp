// Recipe spec: the book's rate notation, the presets, and JSON save -> load round trips.
#include "wizard/RecipeJson.h"
#include "wizard/RecipePresets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace ulmfit::ui;

class WizardRecipeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void formatsTheBookNotation();
    void parsesRatesAndSlices();
    void rejectsBadRates();
    void bookPresetIsChapter10();
    void quickPresetIsSmall();
    void jsonRoundTripsEveryField();
    void jsonUsesTheEngineStageKeys();
    void loadReportsErrors();
};

void WizardRecipeTest::formatsTheBookNotation() {
    StageSpec stage;
    stage.lrMax = 2e-2;
    QCOMPARE(formatLr(stage), QStringLiteral("2e-2"));
    stage.slice = true;
    QCOMPARE(formatLr(stage), QStringLiteral("slice(2e-2)"));
    stage.lrMax = 1e-2;
    stage.lrMin = 1e-2 / std::pow(2.6, 4);
    QCOMPARE(formatLr(stage), QStringLiteral("slice(1e-2/2.6**4, 1e-2)"));
    stage.lrMin = 1e-5;
    QCOMPARE(formatLr(stage), QStringLiteral("slice(1e-5, 1e-2)"));
    stage.freezeTo = 0;
    stage.epochs = 2;
    QCOMPARE(describeStage(stage), QStringLiteral("unfreeze(); fit_one_cycle(2, slice(1e-5, 1e-2))"));
    QCOMPARE(formatFreeze(-2), QStringLiteral("freeze_to(-2)"));
}

void WizardRecipeTest::parsesRatesAndSlices() {
    StageSpec stage;
    QVERIFY(parseLr(QStringLiteral("0.002"), stage));
    QCOMPARE(stage.lrMax, 0.002);
    QVERIFY(!stage.slice);
    QVERIFY(parseLr(QStringLiteral("slice(1e-3)"), stage));
    QVERIFY(stage.slice);
    QCOMPARE(stage.lrMin, 0.0);
    QCOMPARE(stage.lrMax, 1e-3);
    QVERIFY(parseLr(QStringLiteral(" slice(5e-3/2.6**4, 5e-3) "), stage));
    QCOMPARE(stage.lrMax, 5e-3);
    QVERIFY(std::abs(stage.lrMin - 5e-3 / std::pow(2.6, 4)) < 1e-15);
    QVERIFY(parseLr(QStringLiteral("slice(1e-4,1e-3)"), stage));
    QCOMPARE(stage.lrMin, 1e-4);
    // What formatLr writes, parseLr reads back.
    StageSpec again;
    QVERIFY(parseLr(formatLr(stage), again));
    QCOMPARE(again.lrMin, stage.lrMin);
}

void WizardRecipeTest::rejectsBadRates() {
    StageSpec stage;
    stage.lrMax = 0.5;
    QVERIFY(!parseLr(QStringLiteral("fast"), stage));
    QVERIFY(!parseLr(QStringLiteral("slice(1e-2, 1e-3)"), stage)); // low above high
    QVERIFY(!parseLr(QStringLiteral("-1e-3"), stage));
    QVERIFY(!parseLr(QString(), stage));
    QCOMPARE(stage.lrMax, 0.5); // untouched on failure
}

void WizardRecipeTest::bookPresetIsChapter10() {
    const RecipeSpec book = RecipePresets::book();
    const auto lm = book.stagesFor(StageModel::LanguageModel);
    QCOMPARE(lm.size(), 2);
    QCOMPARE(describeStage(lm[0]), QStringLiteral("freeze_to(-1); fit_one_cycle(1, 2e-2)"));
    QCOMPARE(describeStage(lm[1]), QStringLiteral("unfreeze(); fit_one_cycle(10, 2e-3)"));
    const auto clas = book.stagesFor(StageModel::Classifier);
    QStringList described;
    for (const auto& stage : clas)
        described << describeStage(stage);
    QCOMPARE(described, QStringList({QStringLiteral("freeze_to(-1); fit_one_cycle(1, 2e-2)"),
                                     QStringLiteral("freeze_to(-2); fit_one_cycle(1, slice(1e-2/2.6**4, 1e-2))"),
                                     QStringLiteral("freeze_to(-3); fit_one_cycle(1, slice(5e-3/2.6**4, 5e-3))"),
                                     QStringLiteral("unfreeze(); fit_one_cycle(2, slice(1e-3/2.6**4, 1e-3))")}));
    QCOMPARE(book.embSize, 400);
    QCOMPARE(book.hiddenSize, 1152);
    QCOMPARE(book.layers, 3);
    QCOMPARE(book.lmDropMult, 0.3);
    QCOMPARE(book.classifierDropMult, 0.5);
}

void WizardRecipeTest::quickPresetIsSmall() {
    const RecipeSpec quick = RecipePresets::quick();
    QCOMPARE(quick.name, QStringLiteral("quick"));
    // Small enough for two CPU cores (RecipePresetsSyncTest checks it equals the engine's).
    QVERIFY(quick.embSize < 400 && quick.hiddenSize < 1152 && quick.layers <= 3);
    QVERIFY(quick.maxDocTokens > 0 && quick.lmMaxDocs > 0);
    int epochs = 0;
    for (const auto& stage : quick.stages)
        epochs += stage.epochs;
    QVERIFY(epochs < 8);
    QCOMPARE(RecipePresets::byName(QStringLiteral("quick")), quick);
}

void WizardRecipeTest::jsonRoundTripsEveryField() {
    RecipeSpec spec = RecipePresets::book();
    spec.name = QStringLiteral("custom, \"quoted\"");
    spec.maxVocab = 123;
    spec.lmValidPct = 0.2;
    spec.lmMaxDocs = 4321;
    spec.pretrainedEncoder = QStringLiteral("/models/wt103.pt");
    spec.seqLen = 70;
    spec.classifierBatchSize = 16;
    spec.clip = 0.25;
    spec.device = QStringLiteral("cpu");
    spec.mixedPrecision = false;
    spec.seed = 7;
    spec.stages[1].epochs = 3;
    spec.stages[2].slice = true; // slice(hi)
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("recipe.json"));
    QString error;
    QVERIFY2(RecipeJson::save(spec, path, &error), qPrintable(error));
    const auto loaded = RecipeJson::load(path, &error);
    QVERIFY2(loaded.has_value(), qPrintable(error));
    QVERIFY(*loaded == spec);
    const auto quick = RecipeJson::fromJson(RecipeJson::toJson(RecipePresets::quick()));
    QVERIFY(quick && *quick == RecipePresets::quick());
}

void WizardRecipeTest::jsonUsesTheEngineStageKeys() {
    const QJsonObject json = RecipeJson::toJson(RecipePresets::book());
    const QJsonArray stages = json.value(QStringLiteral("stages")).toArray();
    QCOMPARE(stages.size(), 6);
    const QJsonObject first = stages.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("model")).toString(), QStringLiteral("lm"));
    QCOMPARE(first.value(QStringLiteral("freeze_to")).toInt(), -1);
    QCOMPARE(first.value(QStringLiteral("lr")).toDouble(), 2e-2);
    for (const char* key : {"emb_size", "hidden_size", "n_layers", "lm_drop_mult", "classifier_drop_mult",
                            "max_vocab", "min_freq", "lm_bs", "classifier_bs", "seq_len", "max_doc_tokens",
                            "lm_valid_pct", "wd", "device", "mixed_precision", "pretrained_encoder"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    const QJsonObject last = stages.at(5).toObject();
    QCOMPARE(last.value(QStringLiteral("model")).toString(), QStringLiteral("classifier"));
    QVERIFY(last.value(QStringLiteral("unfreeze")).toBool());
    QCOMPARE(last.value(QStringLiteral("slice")).toArray().size(), 2);
}

void WizardRecipeTest::loadReportsErrors() {
    QTemporaryDir dir;
    QString error;
    QVERIFY(!RecipeJson::load(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(error.contains(QStringLiteral("missing.json")));
    const auto bad = RecipeJson::fromJson(
        QJsonDocument::fromJson(R"({"stages":[{"model":"tree","epochs":1,"lr":0.1}]})").object(), &error);
    QVERIFY(!bad);
    QVERIFY(error.contains(QStringLiteral("tree")));
    QVERIFY(!RecipeJson::fromJson(
        QJsonDocument::fromJson(R"({"stages":[{"model":"lm","epochs":0,"lr":0.1}]})").object(), &error));
}

QTEST_APPLESS_MAIN(WizardRecipeTest)
#include "WizardRecipeTest.moc"
