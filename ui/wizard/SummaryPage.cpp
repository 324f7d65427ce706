#include "wizard/SummaryPage.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QStringList>
#include <QVBoxLayout>

namespace ulmfit::ui {
namespace {

QString stageLines(const RecipeSpec& spec, StageModel model, const QString& learner) {
    QStringList lines;
    for (const auto& stage : spec.stagesFor(model))
        lines << QStringLiteral("  %1.%2").arg(learner, describeStage(stage));
    return lines.join(QLatin1Char('\n'));
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
        loadFrom(m_provider());
}

void SummaryPage::loadFrom(const RecipeSpec& spec) {
    m_text->setPlainText(describe(spec));
}

QString SummaryPage::describe(const RecipeSpec& spec) {
    const QString source = spec.lm.source == LmSource::Scratch
        ? tr("from scratch (emb %1, hidden %2, %3 layers)").arg(spec.lm.embSize).arg(spec.lm.hiddenSize).arg(spec.lm.layers)
        : (spec.lm.pretrainedPath.isEmpty() ? tr("pretrained WikiText-103 AWD-LSTM") : spec.lm.pretrainedPath);
    QStringList text;
    text << tr("Recipe: %1   device: %2   mixed precision: %3   seed: %4")
                .arg(spec.name, spec.device, spec.mixedPrecision ? tr("yes") : tr("no"))
                .arg(spec.seed);
    text << tr("Data: %1 (%2 per class, %3% LM validation)")
                .arg(spec.data.path,
                     spec.data.maxDocsPerClass > 0 ? QString::number(spec.data.maxDocsPerClass) : tr("all"))
                .arg(spec.data.validPct * 100.0, 0, 'f', 0);
    text << QString() << tr("Language model: %1").arg(source);
    text << tr("  bs=%1, seq_len=%2, drop_mult=%3").arg(spec.lm.batchSize).arg(spec.lm.seqLen).arg(spec.lm.dropMult);
    text << stageLines(spec, StageModel::LanguageModel, QStringLiteral("learn"));
    text << QString() << tr("Classifier:");
    text << tr("  bs=%1, seq_len=%2, drop_mult=%3")
                .arg(spec.classifier.batchSize).arg(spec.classifier.seqLen).arg(spec.classifier.dropMult);
    text << stageLines(spec, StageModel::Classifier, QStringLiteral("learn"));
    return text.join(QLatin1Char('\n'));
}

} // namespace ulmfit::ui
