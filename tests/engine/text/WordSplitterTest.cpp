// The spaCy-like split of already-ruled (lower-cased) text: cases follow spaCy's English
// special cases, prefix/suffix/infix rules and whitespace handling.
#include "data/text/WordSplitter.h"

#include <QtTest>

namespace {
QString joined(const std::vector<std::string>& tokens) {
    QStringList parts;
    for (const auto& t : tokens)
        parts << QString::fromStdString(t);
    return parts.join(QLatin1Char('|'));
}
} // namespace

class WordSplitterTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void splits_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // tokens joined by '|'
        QTest::newRow("book example") << "xxbos xxmaj it 's awesome !" << "xxbos|xxmaj|it|'s|awesome|!";
        QTest::newRow("negations") << "don't can't won't" << "do|n't|ca|n't|wo|n't";
        QTest::newRow("pronoun contractions") << "i'm you're we've they'll he'd" << "i|'m|you|'re|we|'ve|they|'ll|he|'d";
        QTest::newRow("without apostrophe") << "dont cant im" << "do|nt|ca|nt|i|m";
        QTest::newRow("excluded words stay whole") << "ill its well were hell" << "ill|its|well|were|hell";
        QTest::newRow("curly apostrophe") << QString::fromUtf8("don\u2019t") << QString::fromUtf8("do|n\u2019t");
        QTest::newRow("possessive suffix") << "john's dogs'" << "john|'s|dogs|'";
        QTest::newRow("other exceptions") << "gonna cannot let's o'clock y'all" << "gon|na|can|not|let|'s|o'clock|y'|all";
        QTest::newRow("hyphenated") << "well-known e-mail 5-year" << "well|-|known|e|-|mail|5|-|year";
        QTest::newRow("number ranges") << "3-4" << "3|-|4";
        QTest::newRow("double hyphen") << "a--b" << "a|--|b";
        QTest::newRow("decimals and thousands") << "3.5 1,000" << "3.5|1,000";
        QTest::newRow("currency") << QString::fromUtf8("$20 \u00a35 5$") << QString::fromUtf8("$|20|\u00a3|5|5|$");
        QTest::newRow("units and percent") << "5km 100% 10pm" << "5|km|100|%|10|pm";
        QTest::newRow("sentence end") << "the end. mr. smith" << "the|end|.|mr|.|smith";
        QTest::newRow("single letter abbreviations") << "plan b. e.g. u.s." << "plan|b.|e.g.|u.s|.";
        QTest::newRow("stacked punctuation") << "wow!! what?!" << "wow|!|!|what|?|!";
        QTest::newRow("brackets and quotes") << "(great) \"quoted\" [x]" << "(|great|)|\"|quoted|\"|[|x|]";
        QTest::newRow("ellipses") << QString::fromUtf8("word... a..b hello\u2026world \u2026")
                                  << QString::fromUtf8("word|...|a|..|b|hello|\u2026|world|\u2026");
        QTest::newRow("comma between letters") << "hi,there" << "hi|,|there";
        QTest::newRow("html leftovers") << "< br / > <br" << "<|br|/|>|<|br";
        QTest::newRow("emoticons") << "nice :) ;) word:)" << "nice|:)|;)|word|:)";
        QTest::newRow("urls stay whole") << "www.imdb.com imdb.com, self-indulgent.the"
                                         << "www.imdb.com|imdb.com|,|self-indulgent.the";
        QTest::newRow("colon before letters") << "note:this" << "note|:|this";
    }
    void splits() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(joined(ulmfit::text::splitWords(input.toStdString())), expected);
    }

    void whitespaceRunsBecomeTokens() {
        using V = std::vector<std::string>;
        QCOMPARE(ulmfit::text::splitWords("a\n\nb"), (V{"a", "\n\n", "b"}));
        QCOMPARE(ulmfit::text::splitWords("a \nb"), (V{"a", "\n", "b"}));
        QCOMPARE(ulmfit::text::splitWords("a  b"), (V{"a", " ", "b"}));
        QCOMPARE(ulmfit::text::splitWords("a b "), (V{"a", "b"}));
        QCOMPARE(ulmfit::text::splitWords(""), V{});
    }

    void outFormReusesTheVector() {
        std::vector<std::string> out{"stale", "tokens", "here", "and", "more"};
        ulmfit::text::splitWords("two words", out);
        QCOMPARE(out, (std::vector<std::string>{"two", "words"}));
    }
};

QTEST_APPLESS_MAIN(WordSplitterTest)
#include "WordSplitterTest.moc"
