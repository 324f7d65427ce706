#include "wizard/RecipeSpec.h"

#include <QRegularExpression>

#include <cmath>

namespace ulmfit::ui {
namespace {

// The book's discriminative-rate factor: slice(lr/2.6**4, lr).
constexpr double kSliceFactor = 2.6 * 2.6 * 2.6 * 2.6;

QString formatRate(double value) {
    if (value <= 0.0 || !std::isfinite(value))
        return QString::number(value);
    int exponent = int(std::floor(std::log10(value)));
    double mantissa = value / std::pow(10.0, exponent);
    if (std::round(mantissa * 100.0) / 100.0 >= 10.0) {
        mantissa /= 10.0;
        ++exponent;
    }
    return QString::number(mantissa, 'g', 3) + QLatin1Char('e') + QString::number(exponent);
}

bool isBookSlice(const StageSpec& stage) {
    return stage.lrMin > 0.0 && std::abs(stage.lrMin * kSliceFactor - stage.lrMax) <= 1e-9 * stage.lrMax;
}

// term := number [ "/" number [ "**" number ] ], enough for the book's "1e-2/2.6**4".
bool parseTerm(const QString& text, double& value) {
    static const QRegularExpression re(QStringLiteral(
        R"(^\s*([0-9.]+(?:[eE][-+]?[0-9]+)?)\s*(?:/\s*([0-9.]+(?:[eE][-+]?[0-9]+)?)\s*)"
        R"((?:\*\*\s*([0-9.]+)\s*)?)?$)"));
    const auto match = re.match(text);
    if (!match.hasMatch())
        return false;
    value = match.captured(1).toDouble();
    if (match.hasCaptured(2)) {
        const double divisor = match.captured(2).toDouble();
        const double power = match.hasCaptured(3) ? match.captured(3).toDouble() : 1.0;
        value /= std::pow(divisor, power);
    }
    return std::isfinite(value) && value > 0.0;
}

} // namespace

bool StageSpec::operator==(const StageSpec& o) const {
    return model == o.model && freezeTo == o.freezeTo && epochs == o.epochs && lrMax == o.lrMax &&
           lrMin == o.lrMin && slice == o.slice;
}

QVector<StageSpec> RecipeSpec::stagesFor(StageModel model) const {
    QVector<StageSpec> result;
    for (const auto& stage : stages)
        if (stage.model == model)
            result.append(stage);
    return result;
}

void RecipeSpec::setStagesFor(StageModel model, const QVector<StageSpec>& replacement) {
    QVector<StageSpec> lm = model == StageModel::LanguageModel ? replacement : stagesFor(StageModel::LanguageModel);
    QVector<StageSpec> clas = model == StageModel::Classifier ? replacement : stagesFor(StageModel::Classifier);
    for (auto& stage : lm)
        stage.model = StageModel::LanguageModel;
    for (auto& stage : clas)
        stage.model = StageModel::Classifier;
    stages = lm + clas;
}

bool RecipeSpec::operator==(const RecipeSpec& o) const {
    return name == o.name && embSize == o.embSize && hiddenSize == o.hiddenSize && layers == o.layers &&
           lmDropMult == o.lmDropMult && classifierDropMult == o.classifierDropMult && maxVocab == o.maxVocab &&
           minFreq == o.minFreq && lmBatchSize == o.lmBatchSize && classifierBatchSize == o.classifierBatchSize &&
           seqLen == o.seqLen && maxDocTokens == o.maxDocTokens && lmValidPct == o.lmValidPct && lmMaxDocs == o.lmMaxDocs && seed == o.seed &&
           weightDecay == o.weightDecay && clip == o.clip && arAlpha == o.arAlpha && tarBeta == o.tarBeta &&
           device == o.device && mixedPrecision == o.mixedPrecision && pretrainedEncoder == o.pretrainedEncoder &&
           stages == o.stages;
}

QString formatLr(const StageSpec& stage) {
    const QString high = formatRate(stage.lrMax);
    if (!stage.slice)
        return high;
    if (stage.lrMin <= 0.0)
        return QStringLiteral("slice(%1)").arg(high);
    const QString low = isBookSlice(stage) ? high + QStringLiteral("/2.6**4") : formatRate(stage.lrMin);
    return QStringLiteral("slice(%1, %2)").arg(low, high);
}

bool parseLr(const QString& text, StageSpec& stage) {
    static const QRegularExpression sliceRe(QStringLiteral(R"(^\s*slice\s*\(([^,)]*)(?:,([^)]*))?\)\s*$)"));
    const auto match = sliceRe.match(text);
    double low = 0.0;
    double high = 0.0;
    if (!match.hasMatch()) {
        if (!parseTerm(text, high))
            return false;
    } else if (match.hasCaptured(2)) {
        if (!parseTerm(match.captured(1), low) || !parseTerm(match.captured(2), high) || low > high)
            return false;
    } else if (!parseTerm(match.captured(1), high)) {
        return false;
    }
    stage.lrMin = low;
    stage.lrMax = high;
    stage.slice = match.hasMatch();
    return true;
}

QString formatFreeze(int freezeTo) {
    return freezeTo == 0 ? QStringLiteral("unfreeze()") : QStringLiteral("freeze_to(%1)").arg(freezeTo);
}

QString describeStage(const StageSpec& stage) {
    return QStringLiteral("%1; fit_one_cycle(%2, %3)")
        .arg(formatFreeze(stage.freezeTo))
        .arg(stage.epochs)
        .arg(formatLr(stage));
}

} // namespace ulmfit::ui
