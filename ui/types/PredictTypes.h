#pragma once
// Plain values for the Predict page, copied by the bridge from the engine's Predictor/TextGenerator.
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace ulmfit::ui {

// learn.predict(text): the label, its index and one probability per label.
struct PredictionResult {
    QString text; // what was classified, so a late answer to an old text can be dropped
    QString label;
    int index = -1;
    QStringList labels;
    QVector<double> probabilities;
    // An ensemble's members ("fwd", "bwd") and their own probabilities; the above are their mean.
    QStringList memberNames;
    QVector<QVector<double>> memberProbabilities;
};

struct FilePrediction {
    QString path;
    QString label;
    double probability = 0.0; // of the predicted label
    QString error;            // non-empty when the file could not be read or classified
};

// learn.predict(prompt, n_words, temperature) n times; the book uses 40 words at 0.75, 2 samples.
struct GenerationRequest {
    QString prompt = QStringLiteral("I liked this movie because");
    int words = 40;
    double temperature = 0.75;
    int samples = 2;
};

} // namespace ulmfit::ui

Q_DECLARE_METATYPE(ulmfit::ui::PredictionResult)
Q_DECLARE_METATYPE(ulmfit::ui::FilePrediction)
Q_DECLARE_METATYPE(ulmfit::ui::GenerationRequest)
