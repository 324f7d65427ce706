#include "app/bridge/PredictBridge.h"

#include "app/bridge/InferenceConversion.h"
#include "core/Error.h"
#include "infer/Evaluator.h"
#include "infer/Explainer.h"
#include "infer/Predictor.h"
#include "infer/TextGenerator.h"
#include "model/ModelFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <optional>

using namespace ulmfit::ui;

struct InferenceState {
    std::optional<ulmfit::Predictor> predictor;
    std::optional<ulmfit::Explainer> explainer; // shares the predictor's model
    std::optional<ulmfit::TextGenerator> generator;
};

namespace {

std::string readText(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ulmfit::Error("cannot read " + path.toStdString() + ": " + file.errorString().toStdString());
    return file.readAll().toStdString();
}

ulmfit::Predictor& predictorOf(InferenceState& state) {
    if (!state.predictor)
        throw ulmfit::Error("no classifier loaded: train one or choose a model folder first");
    return *state.predictor;
}

} // namespace

PredictBridge::PredictBridge(QObject* parent)
    : QObject(parent), m_state(std::make_shared<InferenceState>()),
      m_worker(std::make_unique<EngineWorker>()) {}

PredictBridge::~PredictBridge() {
    m_worker.reset();
}

JobHandle* PredictBridge::loadModel(const QString& path) {
    auto state = m_state;
    return m_worker->run(QStringLiteral("load-model"), [this, state, path](JobContext& context) {
        const ulmfit::RunModels models =
            ulmfit::resolveRunModels(QFileInfo(path).absoluteFilePath().toStdString());
        state->explainer.reset();
        state->predictor.reset();
        state->generator.reset();
        state->predictor.emplace(models.classifier);
        state->explainer.emplace(*state->predictor);
        if (models.languageModel)
            state->generator.emplace(*models.languageModel);
        const QString labels = QString::fromStdString(state->predictor->labels().front()) +
                               QStringLiteral(", ") +
                               QString::fromStdString(state->predictor->labels().back());
        const QString description =
            tr("Model: %1 (classes %2)%3")
                .arg(QDir::toNativeSeparators(QString::fromStdString(models.classifier.string())), labels,
                     models.languageModel ? QString() : tr("; no language model for generation"));
        const bool lm = state->generator.has_value();
        context.deliver([this, description, lm] { Q_EMIT modelLoaded(description, true, lm); });
    });
}

JobHandle* PredictBridge::classify(const QString& text) {
    QMutexLocker lock(&m_textMutex);
    m_latestText = text;
    if (m_classifyQueued && m_classifyJob)
        return m_classifyJob; // the queued job will pick up this newer text
    m_classifyQueued = true;
    m_classifyJob =
        m_worker->run(QStringLiteral("classify"), [this](JobContext& context) { classifyLatest(context); });
    return m_classifyJob;
}

void PredictBridge::classifyLatest(JobContext& context) {
    QString text;
    {
        QMutexLocker lock(&m_textMutex);
        text = m_latestText;
        m_classifyQueued = false;
    }
    // The explanation carries the prediction too (the same forward pass), so one call answers both.
    ulmfit::Predictor& predictor = predictorOf(*m_state);
    const ulmfit::Attribution attribution = m_state->explainer->explain(text.toStdString(), explainOptions());
    ulmfit::Prediction prediction;
    if (predictor.memberCount() > 1) { // the explanation is the first member's; the label is the ensemble's
        prediction = predictor.classify(text.toStdString());
    } else {
        prediction.index = attribution.predicted;
        prediction.label = attribution.labels.at(std::size_t(attribution.predicted));
        prediction.probabilities = attribution.probabilities;
    }
    const PredictionResult result =
        toPredictionResult(text, prediction, attribution.labels, predictor.memberNames());
    TextAttribution why = toTextAttribution(attribution);
    why.text = text; // exactly what was typed, so the view can tell it is current
    context.deliver([this, result, why] {
        Q_EMIT predicted(result);
        Q_EMIT explained(why);
    });
}

// Files are classified 32 at a time, as one batch: one at a time was 8.9x slower on the CPU (each
// review's steps read every weight; docs/benchmarks.md). The table gets each group's rows when done.
JobHandle* PredictBridge::classifyFiles(const QStringList& paths) {
    auto state = m_state;
    return m_worker->run(QStringLiteral("classify-files"), [this, state, paths](JobContext& context) {
        ulmfit::Predictor& predictor = predictorOf(*state);
        constexpr int kGroup = 32;
        for (int begin = 0; begin < paths.size(); begin += kGroup) {
            ulmfit::throwIfCancelled(context.cancel());
            const int end = std::min<int>(int(paths.size()), begin + kGroup);
            QVector<FilePrediction> rows;
            std::vector<std::string> texts;
            std::vector<int> rowOfText;
            for (int i = begin; i < end; ++i) {
                rows.append(FilePrediction{paths[i], {}, 0.0, {}});
                try {
                    texts.push_back(readText(paths[i]));
                    rowOfText.push_back(rows.size() - 1);
                } catch (const ulmfit::Error& e) {
                    rows.back().error = QString::fromUtf8(e.what());
                }
            }
            const auto predictions = predictor.classifyMany(texts, kGroup, nullptr, context.cancel());
            for (std::size_t t = 0; t < predictions.size(); ++t) {
                FilePrediction& row = rows[rowOfText[t]];
                row.label = QString::fromStdString(predictions[t].label);
                row.probability = predictions[t].probabilities.at(std::size_t(predictions[t].index));
            }
            context.deliver([this, rows = std::move(rows)] { Q_EMIT filesPredicted(rows); });
            ulmfit::report(context.observer(),
                           {"classify", double(end), double(paths.size()), 0, "docs", {}});
        }
        context.deliver(
            [this, n = paths.size()] { Q_EMIT filesDone(tr("%n file(s) classified.", nullptr, int(n))); });
    });
}

JobHandle* PredictBridge::generate(const GenerationRequest& request) {
    auto state = m_state;
    return m_worker->run(QStringLiteral("generate"), [this, state, request](JobContext& context) {
        if (!state->generator)
            throw ulmfit::Error("this model has no language model bundle (lm/) to generate with");
        const auto texts =
            state->generator->generate(request.prompt.toStdString(), request.words, request.temperature,
                                       request.samples, 42, context.cancel());
        QStringList samples;
        for (const auto& text : texts)
            samples << QString::fromStdString(text);
        context.deliver([this, samples] { Q_EMIT generated(samples); });
    });
}

JobHandle* PredictBridge::evaluate(const QString& datasetDir) {
    auto state = m_state;
    return m_worker->run(QStringLiteral("evaluate"), [this, state, datasetDir](JobContext& context) {
        const ulmfit::EvaluationResult result = ulmfit::evaluateFolder(
            predictorOf(*state), datasetDir.toStdString(), {}, context.observer(), context.cancel());
        const EvaluationReport report = toEvaluationReport(result);
        context.deliver([this, report] { Q_EMIT evaluated(report); });
    });
}

ulmfit::ExplainOptions PredictBridge::explainOptions() const {
    ulmfit::ExplainOptions options;
    options.method = m_explainMethod.load() == 1 ? ulmfit::AttributionMethod::Attention
                                                 : ulmfit::AttributionMethod::IntegratedGradients;
    return options;
}

JobHandle* PredictBridge::explainFile(const QString& path, const QString& targetLabel) {
    auto state = m_state;
    return m_worker->run(QStringLiteral("explain"), [this, state, path, targetLabel](JobContext& context) {
        predictorOf(*state);
        ulmfit::ExplainOptions options = explainOptions();
        if (!targetLabel.isEmpty())
            options.target = state->explainer->labelIndex(targetLabel.toStdString());
        const TextAttribution why = toTextAttribution(state->explainer->explain(readText(path), options));
        context.deliver([this, path, why] { Q_EMIT fileExplained(path, why); });
    });
}

void PredictBridge::cancel() {
    m_worker->cancel();
}
