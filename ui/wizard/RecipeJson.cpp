#include "wizard/RecipeJson.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

namespace ulmfit::ui::RecipeJson {
namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("RecipeJson", text);
}

QJsonObject stageToJson(const StageSpec& stage) {
    QJsonObject o;
    o[QStringLiteral("model")] = stage.model == StageModel::LanguageModel ? QStringLiteral("lm")
                                                                          : QStringLiteral("classifier");
    if (stage.freezeTo == 0)
        o[QStringLiteral("unfreeze")] = true;
    else
        o[QStringLiteral("freeze_to")] = stage.freezeTo;
    o[QStringLiteral("epochs")] = stage.epochs;
    if (stage.isSlice())
        o[QStringLiteral("slice")] = QJsonArray{stage.lrMin, stage.lrMax};
    else
        o[QStringLiteral("lr")] = stage.lrMax;
    return o;
}

bool stageFromJson(const QJsonObject& o, StageSpec& stage, QString& error) {
    const QString model = o.value(QStringLiteral("model")).toString();
    if (model != QLatin1String("lm") && model != QLatin1String("classifier")) {
        error = tr("stage model must be \"lm\" or \"classifier\", not \"%1\"").arg(model);
        return false;
    }
    stage.model = model == QLatin1String("lm") ? StageModel::LanguageModel : StageModel::Classifier;
    stage.freezeTo = o.value(QStringLiteral("unfreeze")).toBool() ? 0 : o.value(QStringLiteral("freeze_to")).toInt(-1);
    stage.epochs = o.value(QStringLiteral("epochs")).toInt(1);
    const QJsonArray slice = o.value(QStringLiteral("slice")).toArray();
    if (slice.size() == 2) {
        stage.lrMin = slice.at(0).toDouble();
        stage.lrMax = slice.at(1).toDouble();
    } else {
        stage.lrMin = 0.0;
        stage.lrMax = o.value(QStringLiteral("lr")).toDouble(0.0);
    }
    if (stage.epochs < 1 || stage.lrMax <= 0.0 || stage.freezeTo > 0 || stage.lrMin > stage.lrMax) {
        error = tr("stage needs epochs >= 1, a positive lr (slice low <= high) and freeze_to <= 0");
        return false;
    }
    return true;
}

QJsonObject lmToJson(const LmSpec& lm) {
    return {{QStringLiteral("source"), lm.source == LmSource::Scratch ? QStringLiteral("scratch")
                                                                      : QStringLiteral("pretrained")},
            {QStringLiteral("pretrained_path"), lm.pretrainedPath},
            {QStringLiteral("emb_sz"), lm.embSize},
            {QStringLiteral("n_hid"), lm.hiddenSize},
            {QStringLiteral("n_layers"), lm.layers},
            {QStringLiteral("bs"), lm.batchSize},
            {QStringLiteral("seq_len"), lm.seqLen},
            {QStringLiteral("drop_mult"), lm.dropMult}};
}

void lmFromJson(const QJsonObject& o, LmSpec& lm) {
    lm.source = o.value(QStringLiteral("source")).toString() == QLatin1String("scratch") ? LmSource::Scratch
                                                                                          : LmSource::Pretrained;
    lm.pretrainedPath = o.value(QStringLiteral("pretrained_path")).toString(lm.pretrainedPath);
    lm.embSize = o.value(QStringLiteral("emb_sz")).toInt(lm.embSize);
    lm.hiddenSize = o.value(QStringLiteral("n_hid")).toInt(lm.hiddenSize);
    lm.layers = o.value(QStringLiteral("n_layers")).toInt(lm.layers);
    lm.batchSize = o.value(QStringLiteral("bs")).toInt(lm.batchSize);
    lm.seqLen = o.value(QStringLiteral("seq_len")).toInt(lm.seqLen);
    lm.dropMult = o.value(QStringLiteral("drop_mult")).toDouble(lm.dropMult);
}

void restFromJson(const QJsonObject& o, RecipeSpec& spec) {
    spec.name = o.value(QStringLiteral("name")).toString(spec.name);
    spec.seed = o.value(QStringLiteral("seed")).toInt(spec.seed);
    spec.device = o.value(QStringLiteral("device")).toString(spec.device);
    spec.mixedPrecision = o.value(QStringLiteral("mixed_precision")).toBool(spec.mixedPrecision);
    const QJsonObject data = o.value(QStringLiteral("data")).toObject();
    spec.data.path = data.value(QStringLiteral("path")).toString(spec.data.path);
    spec.data.maxDocsPerClass = data.value(QStringLiteral("max_docs_per_class")).toInt(spec.data.maxDocsPerClass);
    spec.data.validPct = data.value(QStringLiteral("valid_pct")).toDouble(spec.data.validPct);
    lmFromJson(o.value(QStringLiteral("lm")).toObject(), spec.lm);
    const QJsonObject clas = o.value(QStringLiteral("classifier")).toObject();
    spec.classifier.batchSize = clas.value(QStringLiteral("bs")).toInt(spec.classifier.batchSize);
    spec.classifier.seqLen = clas.value(QStringLiteral("seq_len")).toInt(spec.classifier.seqLen);
    spec.classifier.dropMult = clas.value(QStringLiteral("drop_mult")).toDouble(spec.classifier.dropMult);
}

} // namespace

QJsonObject toJson(const RecipeSpec& spec) {
    QJsonArray stages;
    for (const auto& stage : spec.stages)
        stages.append(stageToJson(stage));
    return {{QStringLiteral("name"), spec.name},
            {QStringLiteral("seed"), spec.seed},
            {QStringLiteral("device"), spec.device},
            {QStringLiteral("mixed_precision"), spec.mixedPrecision},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("path"), spec.data.path},
                                                 {QStringLiteral("max_docs_per_class"), spec.data.maxDocsPerClass},
                                                 {QStringLiteral("valid_pct"), spec.data.validPct}}},
            {QStringLiteral("lm"), lmToJson(spec.lm)},
            {QStringLiteral("classifier"), QJsonObject{{QStringLiteral("bs"), spec.classifier.batchSize},
                                                       {QStringLiteral("seq_len"), spec.classifier.seqLen},
                                                       {QStringLiteral("drop_mult"), spec.classifier.dropMult}}},
            {QStringLiteral("stages"), stages}};
}

std::optional<RecipeSpec> fromJson(const QJsonObject& object, QString* error) {
    RecipeSpec spec;
    restFromJson(object, spec);
    spec.stages.clear();
    QString message;
    for (const auto& value : object.value(QStringLiteral("stages")).toArray()) {
        StageSpec stage;
        if (!stageFromJson(value.toObject(), stage, message)) {
            if (error)
                *error = message;
            return std::nullopt;
        }
        spec.stages.append(stage);
    }
    return spec;
}

bool save(const RecipeSpec& spec, const QString& path, QString* error) {
    QSaveFile file(path);
    const QByteArray bytes = QJsonDocument(toJson(spec)).toJson(QJsonDocument::Indented);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    if (error)
        *error = tr("Cannot write the recipe to %1: %2").arg(path, file.errorString());
    return false;
}

std::optional<RecipeSpec> load(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open the recipe %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject()) {
        if (error)
            *error = tr("%1 is not a recipe (JSON object expected): %2").arg(path, parseError.errorString());
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

} // namespace ulmfit::ui::RecipeJson
