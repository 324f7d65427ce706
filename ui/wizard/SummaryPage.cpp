#include "wizard/SummaryPage.h"

#include "common/RecipeText.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QStringList>
#include <QVBoxLayout>

namespace ulmfit::ui {
namespace {

QStringList stageLines(const ulmfit::Recipe& spec, StageModel model) {
    QStringList lines;
    for (const auto& stage : spec.stagesOf(model))
        lines << QStringLiteral("    learn.") + stageCodeText(stage);
    return lines;
}

} // namespace

SummaryPage::SummaryPage(RecipeProvider provider, QWidget* parent)
    : RecipePage(parent), m_provider(std::move(provider)), m_text(new QPlainTextEdit) {
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Summary"));
    setSubTitle(tr("Check the recipe, then start training. Recipes can be saved and loaded as JSON."));
    m_text->setObjectName(QStringLiteral("summaryText"));
    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
}

void SummaryPage::initializePage() {
    if (m_provider)
        m_text->setPlainText(describe(m_provider()));
}

void SummaryPage::loadFrom(const ulmfit::Recipe& spec) {
    m_text->setPlainText(describe(TrainingRequest{spec, QString(), QString()}));
}

QString SummaryPage::describe(const TrainingRequest& request) {
    const ulmfit::Recipe& spec = request.recipe;
    const QString none = tr("(default)");
    QStringList text;
    text << tr("Recipe:  %1").arg(QString::fromStdString(spec.name));
    text << tr("Data:    %1").arg(request.dataPath.isEmpty() ? none : request.dataPath);
    text << tr("Output:  %1").arg(request.outputDir.isEmpty() ? none : request.outputDir);
    text << tr("Device:  %1, mixed precision %2, seed %3")
                .arg(QString::fromStdString(spec.device), spec.mixedPrecision ? tr("on") : tr("off"))
                .arg(spec.seed);
    text << tr("Vocab:   max %1 words seen at least %2 times; %3% of texts validate the LM")
                .arg(spec.vocab.maxVocab)
                .arg(spec.vocab.minFreq)
                .arg(spec.lmValidPct * 100.0, 0, 'f', 0);
    text << QString();
    text << tr("Language model: AWD-LSTM %1/%2/%3 from %4")
                .arg(spec.embSize)
                .arg(spec.hiddenSize)
                .arg(spec.nLayers)
                .arg(spec.pretrained.empty() ? tr("scratch") : QString::fromStdString(spec.pretrained));
    text << tr("    bs=%1, seq_len=%2, drop_mult=%3, wd=%4, reviews: %5")
                .arg(spec.lmBatchSize)
                .arg(spec.lmSeqLen)
                .arg(spec.lmDropMult)
                .arg(spec.weightDecay)
                .arg(spec.lmMaxDocs > 0 ? QString::number(spec.lmMaxDocs) : tr("all"));
    text << stageLines(spec, StageModel::LanguageModel);
    text << QString();
    text << tr("Classifier:");
    text << tr("    bs=%1, seq_len=%2, drop_mult=%3, tokens per review: %4")
                .arg(spec.classifierBatchSize)
                .arg(spec.seqLen)
                .arg(spec.classifierDropMult)
                .arg(spec.maxDocTokens > 0 ? QString::number(spec.maxDocTokens) : tr("all"));
    text << stageLines(spec, StageModel::Classifier);
    return text.join(QLatin1Char('\n'));
}

} // namespace ulmfit::ui
