#pragma once
#include <QMetaType>
#include <QStringList>
#include <QVector>

namespace ulmfit::ui {

/// Which data loader a batch comes from: the language model's or the classifier's.
enum class BatchKind { LanguageModel, Classifier };

/// What fastai's show_batch displays: column headers and one row of strings per sample.
struct ShownBatch {
    BatchKind kind = BatchKind::LanguageModel;
    QStringList headers;
    QVector<QStringList> rows;
};

} // namespace ulmfit::ui

Q_DECLARE_METATYPE(ulmfit::ui::BatchKind)
Q_DECLARE_METATYPE(ulmfit::ui::ShownBatch)
