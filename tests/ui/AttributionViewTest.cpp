// AttributionView: coloured words (toward the class they push to), tooltips with the tokens and
// scores, a legend, and the HTML / PNG exports.
#include "common/AttributionView.h"

#include <QFile>
#include <QImage>
#include <QLabel>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>

using namespace ulmfit::ui;

namespace {

// "Great film.<br />Awful ending" as the engine maps it: xxbos, xxmaj+great, film, ., \n, xxmaj+awful,
// ending.
TextAttribution sample(bool signedScores = true) {
    TextAttribution a;
    a.text = QStringLiteral("Great film.<br />Awful ending");
    a.labels = QStringList{QStringLiteral("neg"), QStringLiteral("pos")};
    a.target = 1;
    a.signedScores = signedScores;
    a.tokens = {{0, 0, QStringLiteral("xxbos"), 0.0},    {0, 5, QStringLiteral("xxmaj"), 0.1},
                {0, 5, QStringLiteral("great"), 0.9},    {6, 4, QStringLiteral("film"), 0.05},
                {10, 1, QStringLiteral("."), 0.0},       {11, 6, QStringLiteral("\n"), 0.01},
                {17, 5, QStringLiteral("xxmaj"), -0.1},  {17, 5, QStringLiteral("awful"), -0.5},
                {23, 6, QStringLiteral("ending"), -0.02}};
    if (!signedScores)
        for (auto& t : a.tokens)
            t.score = std::abs(t.score);
    return a;
}

// Background colours of the document's fragments, by their text.
QMap<QString, QColor> fragmentBackgrounds(const QTextDocument* doc) {
    QMap<QString, QColor> out;
    for (QTextBlock block = doc->begin(); block.isValid(); block = block.next())
        for (auto it = block.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().background().style() != Qt::NoBrush)
                out[it.fragment().text()] = it.fragment().charFormat().background().color();
    return out;
}

bool redder(const QColor& c) {
    return c.red() > c.blue();
}
bool bluer(const QColor& c) {
    return c.blue() > c.red();
}

} // namespace

class AttributionViewTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void wordsGroupTheirTokensAndColourTowardTheirClass() {
        AttributionView view;
        view.setAttribution(sample());
        const auto& words = view.words();
        QCOMPARE(words.size(), 6); // xxbos has no characters
        QCOMPARE(words[0].tokens, QStringList({"xxmaj", "great"}));
        QVERIFY(std::abs(words[0].score - 1.0) < 1e-9);
        QVERIFY(bluer(words[0].background));  // pushes toward pos (class 1)
        QVERIFY(redder(words[4].background)); // "Awful" pushes toward neg
        QCOMPARE(words[4].tokens, QStringList({"xxmaj", "awful"}));
        // The strongest word is the most saturated; small scores stay near white.
        QVERIFY(words[0].background.saturation() > words[4].background.saturation());
        QVERIFY(words[3].background.saturation() < 10);
        QVERIFY(words[0].toolTip.contains("great: 0.9000") && words[0].toolTip.contains("xxmaj: 0.1000"));
    }

    void documentShowsColouredWordsWithTooltips() {
        AttributionView view;
        view.setAttribution(sample());
        auto* browser = view.findChild<QTextBrowser*>("attributionText");
        QVERIFY(browser);
        QCOMPARE(browser->toPlainText(), QString("Great film.\nAwful ending"));
        const auto backgrounds = fragmentBackgrounds(browser->document());
        QVERIFY(backgrounds.contains("Great") && backgrounds.contains("Awful"));
        QCOMPARE(backgrounds["Great"], view.words()[0].background);
        // The format under a word carries its tooltip (QTextBrowser shows it on hover).
        QTextCursor cursor(browser->document());
        cursor.setPosition(2);
        QVERIFY(cursor.charFormat().toolTip().contains("great"));
    }

    void legendNamesBothClasses() {
        AttributionView view;
        view.setAttribution(sample());
        auto* legend = view.findChild<QLabel*>("attributionLegend");
        QVERIFY(legend);
        QVERIFY(legend->text().contains("toward neg") && legend->text().contains("toward pos"));
        QVERIFY(legend->text().contains("background-color:#"));
        view.setAttribution(sample(false)); // attention: magnitudes only, one side
        QVERIFY(!legend->text().contains("toward neg"));
        QVERIFY(legend->text().contains("toward pos"));
        for (const auto& w : view.words())
            QVERIFY(w.background.blue() >= w.background.red());
        view.clear();
        QVERIFY(legend->text().isEmpty());
        QVERIFY(view.words().isEmpty());
    }

    void exportsHtmlAndPng() {
        QTemporaryDir dir;
        AttributionView view;
        view.setAttribution(sample());
        const QString html = dir.filePath("a.html"), png = dir.filePath("a.png");
        QVERIFY2(view.saveHtml(html), qPrintable(view.errorString()));
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(file.readAll());
        QVERIFY(page.startsWith("<!DOCTYPE html>"));
        QVERIFY(page.contains(QString("background-color:%1").arg(view.words()[0].background.name())));
        QVERIFY(page.contains("title=\"xxmaj: 0.1000"));
        QVERIFY(page.contains("\"><br></span>")); // the "<br />" word, shown as a line break
        QVERIFY2(view.savePng(png, 500), qPrintable(view.errorString()));
        QImage image(png);
        QCOMPARE(image.width(), 500);
        QVERIFY(image.height() > 20);
        bool coloured = false; // some pixel carries a word's background
        for (int y = 0; y < image.height() && !coloured; ++y)
            for (int x = 0; x < image.width() && !coloured; ++x)
                coloured = image.pixelColor(x, y) == view.words()[0].background;
        QVERIFY(coloured);
        QVERIFY(!view.saveHtml(dir.filePath("missing/dir/a.html")));
        QVERIFY(view.errorString().contains("missing"));
    }
};

QTEST_MAIN(AttributionViewTest)
#include "AttributionViewTest.moc"
