// The wizard's presets are written in Qt types in ui/ (which must not see LibTorch); the engine's
// built-in recipes are the truth. This keeps the two from drifting apart.
#include "app/bridge/RecipeConversion.h"
#include "train/Recipe.h"
#include "ui/wizard/RecipeJson.h"
#include "ui/wizard/RecipePresets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace ulmfit::ui;

class RecipePresetsSyncTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void presetEqualsTheEngineRecipe_data() {
        QTest::addColumn<QString>("name");
        for (const QString& name : RecipePresets::names())
            QTest::newRow(qPrintable(name)) << name;
    }

    void presetEqualsTheEngineRecipe() {
        QFETCH(QString, name);
        const QJsonObject preset = RecipeJson::toJson(RecipePresets::byName(name));
        const QJsonObject engine = RecipeJson::toJson(fromEngineRecipe(ulmfit::loadRecipe(name.toStdString())));
        const auto text = [](const QJsonValue& value) {
            return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
        };
        for (const QString& key : engine.keys()) { // field by field (stage by stage), so a failure names it
            if (key != QLatin1String("stages")) {
                QCOMPARE(key + QLatin1Char('=') + text(preset.value(key)), key + QLatin1Char('=') + text(engine.value(key)));
                continue;
            }
            const QJsonArray presetStages = preset.value(key).toArray(), engineStages = engine.value(key).toArray();
            QCOMPARE(presetStages.size(), engineStages.size());
            for (int i = 0; i < engineStages.size(); ++i)
                QCOMPARE(QStringLiteral("stage %1: ").arg(i) + text(presetStages[i]),
                         QStringLiteral("stage %1: ").arg(i) + text(engineStages[i]));
        }
        QCOMPARE(preset.keys(), engine.keys());
        QVERIFY(RecipePresets::byName(name) == fromEngineRecipe(ulmfit::loadRecipe(name.toStdString())));
    }
};

QTEST_GUILESS_MAIN(RecipePresetsSyncTest)
#include "RecipePresetsSyncTest.moc"
