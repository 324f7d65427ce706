#pragma once
// Engine inference results -> the Predict/Evaluate pages' value types.
#include "infer/Attribution.h"
#include "infer/Evaluation.h"
#include "infer/Predictor.h"
#include "ui/types/EvaluationTypes.h"
#include "ui/types/PredictTypes.h"
#include "ui/types/TextAttribution.h"

/// `members`: an ensemble's member names ("fwd", "bwd"), for prediction.memberProbabilities.
ulmfit::ui::PredictionResult toPredictionResult(const QString& text, const ulmfit::Prediction& prediction,
                                                const std::vector<std::string>& labels,
                                                const std::vector<std::string>& members = {});
/// The attribution with its byte spans turned into QString offsets.
ulmfit::ui::TextAttribution toTextAttribution(const ulmfit::Attribution& attribution);
ulmfit::ui::EvaluationReport toEvaluationReport(const ulmfit::EvaluationResult& result);
