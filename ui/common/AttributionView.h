#pragma once
// A text with each word's background coloured by its attribution score: toward the colour of
// the class the word pushes to, stronger for a larger |score|; hovering a word shows its
// token(s) and score; a legend above. Exports as HTML or PNG.
#include "types/TextAttribution.h"

#include <QColor>
#include <QWidget>

class QLabel;
class QTextBrowser;

namespace ulmfit::ui {

class AttributionView : public QWidget {
    Q_OBJECT
  public:
    /// Tokens whose spans overlap (xxmaj + its word, xxrep 3 ! ...) shown as one word.
    struct Word {
        int start = 0, length = 0; // in TextAttribution::text
        QStringList tokens;
        double score = 0; // sum of the tokens' scores
        QColor background;
        QString toolTip;
    };

    explicit AttributionView(QWidget* parent = nullptr);

    void setAttribution(const TextAttribution& attribution);
    void clear();

    const TextAttribution& attribution() const { return m_attribution; }
    const QVector<Word>& words() const { return m_words; }
    /// The colour a score gets when the strongest |score| shown is `scale` (white at 0).
    QColor colourFor(double score, double scale) const;

    /// A self-contained HTML page (legend + coloured text, tooltips as title attributes).
    QString toHtml() const;
    /// Both write atomically and return false (with errorString()) when the file cannot be written.
    bool saveHtml(const QString& path);
    bool savePng(const QString& path, int width = 800);
    QString errorString() const { return m_error; }

  private:
    void buildWords();
    void render();
    QString legendHtml() const;

    TextAttribution m_attribution;
    QVector<Word> m_words;
    double m_scale = 0;
    QLabel* m_legend;
    QTextBrowser* m_text;
    QString m_error;
};

} // namespace ulmfit::ui
