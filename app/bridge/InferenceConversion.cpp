#include "app/bridge/InferenceConversion.h"

#include "data/text/TokenSpans.h"

using namespace ulmfit::ui;

namespace {
QStringList toStrings(const std::vector<std::string>& strings) {
    QStringList out;
    for (const auto& s : strings)
        out << QString::fromStdString(s);
    return out;
}
} // namespace

PredictionResult toPredictionResult(const QString& text, const ulmfit::Prediction& prediction,
                                    const std::vector<std::string>& labels, const std::vector<std::string>& members) {
    PredictionResult result;
    result.text = text;
    result.label = QString::fromStdString(prediction.label);
    result.index = prediction.index;
    result.labels = toStrings(labels);
    for (float p : prediction.probabilities)
        result.probabilities.append(double(p));
    if (!prediction.memberProbabilities.empty()) {
        result.memberNames = toStrings(members);
        for (const auto& member : prediction.memberProbabilities)
            result.memberProbabilities.append(QVector<double>(member.begin(), member.end()));
    }
    return result;
}

EvaluationReport toEvaluationReport(const ulmfit::EvaluationResult& r) {
    EvaluationReport report;
    report.labels = toStrings(r.labels);
    report.count = r.count;
    report.accuracy = r.accuracy;
    report.loss = r.loss;
    for (const auto& row : r.confusion)
        report.confusion.append(QVector<qint64>(row.begin(), row.end()));
    report.precision = QVector<double>(r.precision.begin(), r.precision.end());
    report.recall = QVector<double>(r.recall.begin(), r.recall.end());
    for (const auto& loss : r.topLosses)
        report.topLosses.append(TopLossItem{QString::fromStdString(loss.path), QString(),
                                            QString::fromStdString(loss.actual), QString::fromStdString(loss.predicted),
                                            double(loss.probability), double(loss.loss)});
    for (const auto& member : r.members)
        report.members.append({QString::fromStdString(member.name), member.accuracy, member.loss});
    return report;
}

TextAttribution toTextAttribution(const ulmfit::Attribution& a) {
    std::vector<ulmfit::text::TextSpan> bytes;
    for (const auto& token : a.tokens)
        bytes.push_back({token.start, token.length});
    const auto utf16 = ulmfit::text::toUtf16Spans(a.text, bytes);
    TextAttribution out;
    out.text = QString::fromStdString(a.text);
    for (std::size_t i = 0; i < a.tokens.size(); ++i)
        out.tokens.append({int(utf16[i].start), int(utf16[i].length), QString::fromStdString(a.tokens[i].token),
                           a.tokens[i].score});
    for (const auto& label : a.labels)
        out.labels << QString::fromStdString(label);
    out.target = a.target;
    out.signedScores = a.method == ulmfit::AttributionMethod::IntegratedGradients;
    return out;
}
