#include "common/RecipeText.h"

#include <QCoreApplication>

namespace ulmfit::ui {

QString learningRateText(const ulmfit::LearningRate& rate) {
    return QString::fromStdString(ulmfit::formatLearningRate(rate));
}

std::optional<ulmfit::LearningRate> parseLearningRateText(const QString& text) {
    return ulmfit::parseLearningRate(text.toStdString());
}

QString freezeText(int freezeTo) {
    return freezeTo == 0 ? QStringLiteral("unfreeze()") : QStringLiteral("freeze_to(%1)").arg(freezeTo);
}

QString stageCodeText(const ulmfit::RecipeStage& stage) {
    return QString::fromStdString(ulmfit::stageCode(stage));
}

QString modelName(ulmfit::RecipeStage::Model model) {
    return model == ulmfit::RecipeStage::Model::LanguageModel
               ? QCoreApplication::translate("RecipeText", "Language model")
               : QCoreApplication::translate("RecipeText", "Classifier");
}

QString stageTitleText(const ulmfit::RecipeStage& stage) {
    //: A training stage's title: the model's name, then fastai's calls, e.g. "unfreeze(); fit_one_cycle(10,
    //: 2e-3)"
    return QCoreApplication::translate("RecipeText", "%1: %2")
        .arg(modelName(stage.model), stageCodeText(stage));
}

QString directionText(const QString& name) {
    if (name == QLatin1String("bwd"))
        return QCoreApplication::translate("RecipeText", "backward");
    if (name == QLatin1String("fwd"))
        return QCoreApplication::translate("RecipeText", "forward");
    return name;
}

} // namespace ulmfit::ui
