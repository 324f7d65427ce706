#pragma once
// Word-level attributions as plain Qt values, so the views need no engine types: the bridge
// fills them from ulmfit::Attribution (engine/infer), converting byte spans to QString offsets.
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVector>

namespace ulmfit::ui {

/// One fastai token: where its characters lie in TextAttribution::text (QString offsets; length
/// 0 for tokens without characters of their own, such as xxbos) and its score.
struct AttributedToken {
    int start = 0;
    int length = 0;
    QString token;
    double score = 0;
};

struct TextAttribution {
    QString text; // the text as the user typed it (IMDb's "<br />" are shown as line breaks)
    QVector<AttributedToken> tokens;
    QStringList labels;       // the classifier's classes, in its order
    int target = 0;           // the class the scores explain: positive scores push toward it
    bool signedScores = true; // Integrated Gradients; false for attention (0..1, magnitude only)
};

} // namespace ulmfit::ui

Q_DECLARE_METATYPE(ulmfit::ui::TextAttribution)
