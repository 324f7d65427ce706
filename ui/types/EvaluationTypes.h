#pragma once
// Plain values for the Evaluate page, copied by the bridge from the engine's EvaluationResult.
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace ulmfit::ui {

// One of the most confidently wrong reviews (fastai's top_losses).
struct TopLossItem {
    QString path; // the review file, when known
    QString text; // its text, when the bridge has it; else read from path on demand
    QString actual;
    QString predicted;
    double probability = 0.0; // of the predicted class
    double loss = 0.0;
};

// One member of an ensemble on the same reviews.
struct MemberScore {
    QString name; // "fwd", "bwd"
    double accuracy = 0.0;
    double loss = 0.0;
};

struct EvaluationReport {
    QStringList labels;
    qint64 count = 0;
    double accuracy = 0.0;
    double loss = 0.0;
    QVector<QVector<qint64>> confusion; // [actual][predicted]
    QVector<double> precision;          // per class
    QVector<double> recall;             // per class
    QVector<TopLossItem> topLosses;     // highest loss first
    QVector<MemberScore> members;       // an ensemble's members; the figures above are the ensemble's
};

} // namespace ulmfit::ui

Q_DECLARE_METATYPE(ulmfit::ui::TopLossItem)
Q_DECLARE_METATYPE(ulmfit::ui::EvaluationReport)
