#pragma once
// Engine inference results -> the Predict/Evaluate pages' value types.
#include "infer/Evaluation.h"
#include "infer/Predictor.h"
#include "ui/types/EvaluationTypes.h"
#include "ui/types/PredictTypes.h"

ulmfit::ui::PredictionResult toPredictionResult(const QString& text, const ulmfit::Prediction& prediction,
                                                const std::vector<std::string>& labels);
ulmfit::ui::EvaluationReport toEvaluationReport(const ulmfit::EvaluationResult& result);
