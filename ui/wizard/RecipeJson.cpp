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
    o[QStringLiteral("epochs")] = stage.epochs;
    if (stage.freezeTo == 0)
        o[QStringLiteral("unfreeze")] = true;
    else
        o[QStringLiteral("freeze_to")] = stage.freezeTo;
    if (!stage.slice)
        o[QStringLiteral("lr")] = stage.lrMax;
    else
        o[QStringLiteral("slice")] = stage.lrMin > 0 ? QJsonArray{stage.lrMin, stage.lrMax} : QJsonArray{stage.lrMax};
    return o;
}

bool readRate(const QJsonObject& o, StageSpec& stage) {
    const QJsonArray slice = o.value(QStringLiteral("slice")).toArray();
    stage.slice = o.contains(QStringLiteral("slice"));
    if (stage.slice) {
        if (slice.isEmpty() || slice.size() > 2)
            return false;
        stage.lrMin = slice.size() == 2 ? slice.at(0).toDouble() : 0.0;
        stage.lrMax = slice.last().toDouble();
    } else {
        stage.lrMin = 0.0;
        stage.lrMax = o.value(QStringLiteral("lr")).toDouble(0.0);
    }
    return stage.lrMax > 0.0 && stage.lrMin >= 0.0 && stage.lrMin <= stage.lrMax;
}

bool stageFromJson(const QJsonObject& o, StageSpec& stage, QString& error) {
    const QString model = o.value(QStringLiteral("model")).toString(QStringLiteral("lm"));
    if (model != QLatin1String("lm") && model != QLatin1String("classifier")) {
        error = tr("stage model must be \"lm\" or \"classifier\", not \"%1\"").arg(model);
        return false;
    }
    stage.model = model == QLatin1String("lm") ? StageModel::LanguageModel : StageModel::Classifier;
    stage.freezeTo = o.value(QStringLiteral("unfreeze")).toBool() ? 0 : -1;
    stage.freezeTo = o.value(QStringLiteral("freeze_to")).toInt(stage.freezeTo);
    stage.epochs = o.value(QStringLiteral("epochs")).toInt(1);
    if (!readRate(o, stage) || stage.epochs < 1 || stage.freezeTo > 0) {
        error = tr("a stage needs epochs >= 1, a positive \"lr\" or \"slice\": [lo, hi], and freeze_to <= 0");
        return false;
    }
    return true;
}

// Key and member side by side, so the engine's field names live in one place.
template <class F> void forEachField(F&& field, RecipeSpec& s) {
    field("name", s.name);
    field("emb_size", s.embSize);
    field("hidden_size", s.hiddenSize);
    field("n_layers", s.layers);
    field("lm_drop_mult", s.lmDropMult);
    field("classifier_drop_mult", s.classifierDropMult);
    field("max_vocab", s.maxVocab);
    field("min_freq", s.minFreq);
    field("lm_bs", s.lmBatchSize);
    field("classifier_bs", s.classifierBatchSize);
    field("seq_len", s.seqLen);
    field("max_doc_tokens", s.maxDocTokens);
    field("lm_valid_pct", s.lmValidPct);
    field("lm_max_docs", s.lmMaxDocs);
    field("seed", s.seed);
    field("wd", s.weightDecay);
    field("clip", s.clip);
    field("ar_alpha", s.arAlpha);
    field("tar_beta", s.tarBeta);
    field("device", s.device);
    field("mixed_precision", s.mixedPrecision);
    field("pretrained_encoder", s.pretrainedEncoder);
}

void readValue(const QJsonValue& v, QString& out) { out = v.toString(out); }
void readValue(const QJsonValue& v, int& out) { out = v.toInt(out); }
void readValue(const QJsonValue& v, double& out) { out = v.toDouble(out); }
void readValue(const QJsonValue& v, bool& out) { out = v.toBool(out); }

} // namespace

QJsonObject toJson(const RecipeSpec& spec) {
    QJsonObject object;
    RecipeSpec copy = spec;
    forEachField([&](const char* key, const auto& value) { object[QLatin1String(key)] = value; }, copy);
    QJsonArray stages;
    for (const auto& stage : spec.stages)
        stages.append(stageToJson(stage));
    object[QStringLiteral("stages")] = stages;
    return object;
}

std::optional<RecipeSpec> fromJson(const QJsonObject& object, QString* error) {
    RecipeSpec spec;
    forEachField([&](const char* key, auto& value) { readValue(object.value(QLatin1String(key)), value); }, spec);
    QString message;
    if (object.contains(QStringLiteral("stages")))
        spec.stages.clear();
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
