#pragma once
#include <QMetaType>
#include <QString>
#include <QVector>

namespace ulmfit::ui {

/// One of fastai's pretrained language models (the engine's catalogue) and whether it is installed
/// in the per-user models folder, as the wizard's "Start from" shows it.
struct PretrainedModelStatus {
    QString name;        // "wt103-fwd": what a recipe's `pretrained` field names
    QString description; // the catalogue's one line
    bool installed = false;
    qint64 bytes = 0;        // installed files together
    int vocabularySize = -1; // -1: not known
    QString problem;         // a folder that is there but incomplete: what is wrong
    QString folder;
};

using PretrainedModelList = QVector<PretrainedModelStatus>;

/// The entry named `name`, or nullptr.
inline const PretrainedModelStatus* findPretrained(const PretrainedModelList& models, const QString& name) {
    for (const auto& model : models)
        if (model.name == name)
            return &model;
    return nullptr;
}

} // namespace ulmfit::ui

Q_DECLARE_METATYPE(ulmfit::ui::PretrainedModelStatus)
Q_DECLARE_METATYPE(ulmfit::ui::PretrainedModelList)
