#include "app/bridge/RecipeConversion.h"

using ulmfit::ui::RecipeSpec;
using ulmfit::ui::StageModel;
using ulmfit::ui::StageSpec;

namespace {

ulmfit::RecipeStage toEngineStage(const StageSpec& stage) {
    ulmfit::RecipeStage out;
    out.model = stage.model == StageModel::LanguageModel ? ulmfit::RecipeStage::Model::LanguageModel
                                                         : ulmfit::RecipeStage::Model::Classifier;
    out.freezeTo = stage.freezeTo;
    out.epochs = stage.epochs;
    out.lr = stage.slice ? ulmfit::LearningRate::slice(stage.lrMin, stage.lrMax) : ulmfit::LearningRate::plain(stage.lrMax);
    return out;
}

StageSpec fromEngineStage(const ulmfit::RecipeStage& stage) {
    StageSpec out;
    out.model = stage.model == ulmfit::RecipeStage::Model::LanguageModel ? StageModel::LanguageModel
                                                                         : StageModel::Classifier;
    out.freezeTo = stage.freezeTo;
    out.epochs = stage.epochs;
    out.slice = stage.lr.isSlice;
    out.lrMin = stage.lr.isSlice ? stage.lr.lo : 0.0;
    out.lrMax = stage.lr.hi;
    return out;
}

} // namespace

ulmfit::Recipe toEngineRecipe(const RecipeSpec& s) {
    ulmfit::Recipe r;
    r.name = s.name.toStdString();
    r.embSize = s.embSize;
    r.hiddenSize = s.hiddenSize;
    r.nLayers = s.layers;
    r.lmDropMult = s.lmDropMult;
    r.classifierDropMult = s.classifierDropMult;
    r.vocab.maxVocab = s.maxVocab;
    r.vocab.minFreq = s.minFreq;
    r.lmBatchSize = s.lmBatchSize;
    r.classifierBatchSize = s.classifierBatchSize;
    r.seqLen = s.seqLen;
    r.maxDocTokens = s.maxDocTokens;
    r.lmValidPct = s.lmValidPct;
    r.lmMaxDocs = s.lmMaxDocs;
    r.seed = s.seed;
    r.weightDecay = s.weightDecay;
    r.clip = s.clip;
    r.arAlpha = s.arAlpha;
    r.tarBeta = s.tarBeta;
    r.device = s.device.toStdString();
    r.mixedPrecision = s.mixedPrecision;
    r.pretrainedEncoder = s.pretrainedEncoder.toStdString();
    for (const auto& stage : s.stages)
        r.stages.push_back(toEngineStage(stage));
    return r;
}

RecipeSpec fromEngineRecipe(const ulmfit::Recipe& r) {
    RecipeSpec s;
    s.name = QString::fromStdString(r.name);
    s.embSize = r.embSize;
    s.hiddenSize = r.hiddenSize;
    s.layers = r.nLayers;
    s.lmDropMult = r.lmDropMult;
    s.classifierDropMult = r.classifierDropMult;
    s.maxVocab = r.vocab.maxVocab;
    s.minFreq = r.vocab.minFreq;
    s.lmBatchSize = r.lmBatchSize;
    s.classifierBatchSize = r.classifierBatchSize;
    s.seqLen = r.seqLen;
    s.maxDocTokens = r.maxDocTokens;
    s.lmValidPct = r.lmValidPct;
    s.lmMaxDocs = r.lmMaxDocs;
    s.seed = r.seed;
    s.weightDecay = r.weightDecay;
    s.clip = r.clip;
    s.arAlpha = r.arAlpha;
    s.tarBeta = r.tarBeta;
    s.device = QString::fromStdString(r.device);
    s.mixedPrecision = r.mixedPrecision;
    s.pretrainedEncoder = QString::fromStdString(r.pretrainedEncoder.string());
    s.stages.clear();
    for (const auto& stage : r.stages)
        s.stages.append(fromEngineStage(stage));
    return s;
}
