#include "common/AttributionView.h"

#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QSaveFile>
#include <QTextBrowser>
#include <QTextCharFormat>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace ulmfit::ui {
namespace {

// The class colours of the engine's HTML export (engine/infer/AttributionHtml.cpp): ColorBrewer
// RdBu's ends for the usual two classes, then distinct hues.
const QColor kClassColours[] = {QColor(202, 0, 32),   QColor(5, 113, 176), QColor(26, 152, 80),
                                QColor(118, 42, 131), QColor(230, 97, 1),  QColor(1, 133, 113)};
const QColor kAgainst(110, 110, 110); // "against the target" with more than two classes
constexpr double kStrongest = 0.8;    // the strongest word gets 80 % colour over white

QColor classColour(int index) {
    return kClassColours[std::max(0, index) % 6];
}

QColor mixWithWhite(const QColor& c, double strength) {
    const double s = std::clamp(strength, 0.0, 1.0) * kStrongest;
    const auto mix = [s](int channel) { return int(std::lround(255 + (channel - 255) * s)); };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}

// IMDb's "<br />" shown as the line break it stands for.
QString displayText(QString text) {
    return text.replace(QStringLiteral("<br />"), QStringLiteral("\n"));
}

QString htmlText(const QString& text) {
    return displayText(text).toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

} // namespace

AttributionView::AttributionView(QWidget* parent)
    : QWidget(parent), m_legend(new QLabel(this)), m_text(new QTextBrowser(this)) {
    m_legend->setObjectName(QStringLiteral("attributionLegend"));
    m_legend->setTextFormat(Qt::RichText);
    m_text->setObjectName(QStringLiteral("attributionText"));
    m_text->setOpenLinks(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_legend);
    layout->addWidget(m_text, 1);
}

void AttributionView::setAttribution(const TextAttribution& attribution) {
    m_attribution = attribution;
    buildWords();
    render();
}

void AttributionView::clear() {
    setAttribution({});
}

QColor AttributionView::colourFor(double score, double scale) const {
    const int target = m_attribution.target;
    QColor toward = kAgainst;
    if (score >= 0)
        toward = classColour(target);
    else if (m_attribution.labels.size() == 2)
        toward = classColour(1 - target);
    return mixWithWhite(toward, scale > 0 ? std::abs(score) / scale : 0);
}

void AttributionView::buildWords() {
    QVector<int> order;
    const auto& tokens = m_attribution.tokens;
    for (int i = 0; i < tokens.size(); ++i)
        if (tokens[i].length > 0 && tokens[i].start >= 0 &&
            tokens[i].start + tokens[i].length <= m_attribution.text.size())
            order << i;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return tokens[a].start < tokens[b].start; });
    m_words.clear();
    QVector<QStringList> lines; // tooltip lines per word
    for (int i : order) {
        const auto& t = tokens[i];
        QString shown = t.token;
        shown.replace(QLatin1Char('\n'), QStringLiteral("\\n")); // fastai's line-break tokens
        const QString line = tr("%1: %2").arg(shown, QString::number(t.score, 'f', 4));
        if (!m_words.isEmpty() && t.start < m_words.last().start + m_words.last().length) {
            Word& w = m_words.last();
            w.length = std::max(w.start + w.length, t.start + t.length) - w.start;
            w.tokens << t.token;
            w.score += t.score;
            lines.last() << line;
            continue;
        }
        m_words.append(Word{t.start, t.length, {t.token}, t.score, {}, {}});
        lines.append({line});
    }
    m_scale = 0;
    for (const Word& w : m_words)
        m_scale = std::max(m_scale, std::abs(w.score));
    for (int i = 0; i < m_words.size(); ++i) {
        Word& w = m_words[i];
        w.background = colourFor(w.score, m_scale);
        if (lines[i].size() > 1)
            lines[i] << tr("word: %1").arg(QString::number(w.score, 'f', 4));
        w.toolTip = lines[i].join(QLatin1Char('\n'));
    }
}

QString AttributionView::legendHtml() const {
    if (m_attribution.labels.isEmpty())
        return {};
    const auto& labels = m_attribution.labels;
    const int target = std::clamp(m_attribution.target, 0, int(labels.size()) - 1);
    const auto swatch = [](const QColor& c) {
        return QStringLiteral("<span style=\"background-color:%1\">&nbsp;&nbsp;&nbsp;&nbsp;</span>")
            .arg(c.name());
    };
    QString html;
    if (m_attribution.signedScores) {
        html += (labels.size() == 2 ? tr("toward %1").arg(labels[1 - target])
                                    : tr("against %1").arg(labels[target]))
                    .toHtmlEscaped() +
                QLatin1Char(' ');
        for (double s : {1.0, 0.66, 0.33})
            html += swatch(colourFor(-s, 1.0));
    } else {
        html += QStringLiteral("0 ");
    }
    for (double s : {0.0, 0.33, 0.66, 1.0})
        html += swatch(colourFor(s, 1.0));
    html += QLatin1Char(' ') + tr("toward %1").arg(labels[target]).toHtmlEscaped();
    html += QStringLiteral(" <small>(") + tr("strongest |score|: %1").arg(QString::number(m_scale, 'f', 4)) +
            QStringLiteral(")</small>");
    return html;
}

void AttributionView::render() {
    m_legend->setText(legendHtml());
    QTextDocument* doc = m_text->document();
    doc->clear();
    QTextCursor cursor(doc);
    const QString& text = m_attribution.text;
    int at = 0;
    for (const Word& w : m_words) {
        cursor.insertText(displayText(text.mid(at, w.start - at)), QTextCharFormat());
        QTextCharFormat format;
        format.setBackground(w.background);
        format.setToolTip(w.toolTip);
        cursor.insertText(displayText(text.mid(w.start, w.length)), format);
        at = w.start + w.length;
    }
    cursor.insertText(displayText(text.mid(at)), QTextCharFormat());
}

QString AttributionView::toHtml() const {
    QString body;
    const QString& text = m_attribution.text;
    int at = 0;
    for (const Word& w : m_words) {
        body += htmlText(text.mid(at, w.start - at));
        body +=
            QStringLiteral("<span style=\"background-color:%1\" title=\"%2\">%3</span>")
                .arg(w.background.name(), w.toolTip.toHtmlEscaped(), htmlText(text.mid(w.start, w.length)));
        at = w.start + w.length;
    }
    body += htmlText(text.mid(at));
    return QStringLiteral(
               "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>%1</title></head>"
               "<body "
               "style=\"font-family:sans-serif;line-height:1.6\">\n<p>%2</p>\n<p>%3</p>\n</body></html>\n")
        .arg(tr("Word attributions").toHtmlEscaped(), legendHtml(), body);
}

bool AttributionView::saveHtml(const QString& path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(toHtml().toUtf8()) < 0 || !file.commit()) {
        m_error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

bool AttributionView::savePng(const QString& path, int width) {
    // The whole text, not just what the scroll area shows: lay the page out at `width`.
    QTextDocument page;
    page.setHtml(toHtml());
    page.setTextWidth(width);
    QImage image(QSize(width, int(std::ceil(page.size().height()))), QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        page.drawContents(&painter);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !image.save(&file, "PNG") || !file.commit()) {
        m_error = tr("Could not write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace ulmfit::ui
