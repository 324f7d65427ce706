// The spaCy-like split of already-ruled (lower-cased) text: cases follow spaCy's English
// special cases, prefix/suffix/infix rules and whitespace handling.
#include "data/text/WordSplitter.h"
#include "ReferenceChunks.h"

#include <QtTest>

#include <random>

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

    // Cases from spaCy's own English tokenizer tests (spacy/tests/lang/en), cased input included.
    void spacyTestSuiteCases_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        const char* rows[][2] = {
            {"(can't?)", "(|ca|n't|?|)"},          {"U.S.", "U.S."},
            {"(U.S.?)", "(|U.S.|?|)"},             {"us.", "us|."},
            {"0.1-13.5", "0.1|-|13.5"},            {"best.Known", "best|.|Known"},
            {"Hello,world", "Hello|,|world"},      {"best...known", "best|...|known"},
            {"No decent--let alone well-bred--people.", "No|decent|--|let|alone|well|-|bred|--|people|."},
            {"Today is Tuesday.Mr.", "Today|is|Tuesday|.|Mr."},
            {"_MATH_.", "_|MATH|_|."},             {"test@example.com", "test@example.com"},
            {"3/4/2012", "3/4/2012"},              {"want/need", "want|/|need"},
            {"`ain't", "`|ai|n't"},                {"Robin's", "Robin|'s"},
            {"'em nothin' ol'", "'em|nothin'|ol'"}, {"those'll You'll", "those|'ll|You|'ll"},
            {"couldn't)", "could|n't|)"},          {"It's mediocre i.e. bad.", "It|'s|mediocre|i.e.|bad|."},
            {"12a.m. 4pm", "12|a.m.|4|pm"},        {"'cause shan't would've", "'cause|sha|n't|would|'ve"},
            {"We Were Scared Shed", "We|Were|Scared|Shed"},
            {"Hello'' ''", "Hello|''|''"},         {"`(Hello)'", "`|(|Hello|)|'"},
            {"(((Hello", "(|(|(|Hello"},           {"(And a 6a.m. run).", "(|And|a|6|a.m.|run|)|."},
        };
        for (const auto& row : rows)
            QTest::newRow(row[0]) << QString::fromUtf8(row[0]) << QString::fromUtf8(row[1]);
    }
    void spacyTestSuiteCases() { splits(); }

    void whitespaceRunsBecomeTokens() {
        using V = std::vector<std::string>;
        QCOMPARE(ulmfit::text::splitWords("a\n\nb"), (V{"a", "\n\n", "b"}));
        QCOMPARE(ulmfit::text::splitWords("a \nb"), (V{"a", "\n", "b"}));
        QCOMPARE(ulmfit::text::splitWords("a  b"), (V{"a", " ", "b"}));
        QCOMPARE(ulmfit::text::splitWords("a b "), (V{"a", "b"}));
        QCOMPARE(ulmfit::text::splitWords(""), V{});
    }

    // A corpus splits each distinct chunk once, so the split of a text must be its chunks' splits in turn.
    void chunksSplitAloneAsInTheirText_data() {
        QTest::addColumn<QString>("input");
        QTest::newRow("words and marks") << "xxbos xxmaj it 's great , (really) don't e.g. 3-4 word:)";
        QTest::newRow("white space runs") << "a\n\nb a \nb a  b \n  c\t\td  ";
        QTest::newRow("leading white space") << "  \n a b";
        QTest::newRow("non-ascii") << QString::fromUtf8("caf\u00e9 na\u00efve \u2026 \u00a0x\u3000y");
    }
    void chunksSplitAloneAsInTheirText() {
        QFETCH(QString, input);
        const std::string text = input.toStdString();
        std::vector<std::string_view> chunks;
        ulmfit::text::cutChunks(text, chunks);
        QVERIFY(chunks.size() >= 3);
        ulmfit::text::TokenList byChunk;
        for (const std::string_view chunk : chunks) {
            QVERIFY(!chunk.empty());
            QVERIFY(chunk.data() >= text.data() && chunk.data() + chunk.size() <= text.data() + text.size());
            ulmfit::text::splitChunk(chunk, byChunk);
        }
        QCOMPARE(byChunk.strings(), ulmfit::text::splitWords(text));
    }

    // The cut's fast path for plain words, 64 bytes at a time, must cut as the code-point reading.
    void chunksAreTheTextsWordsAndWhiteSpaceRuns() {
        std::vector<std::string> pieces = {
            "the",          "movie",        "xxmaj",        ",",        "it's",     "a",
            "caf\xc3\xa9",  "\xe2\x80\xa6", "\xe6\x97\xa5", " ",        " ",        " ",
            "  ",           "\t",           "\x1c",         "\xc2\xa0", "\xc2\x85", "\xe2\x80\x80",
            "\xe2\x80\xaf", "\xe3\x80\x80", "\xe2\x80\x8b"};
        pieces.push_back("\n");
        pieces.push_back("\r\n");
        pieces.push_back(std::string(70, 'w')); // words longer than the fast path's 64 bytes
        pieces.push_back(std::string(63, 'v'));
        std::mt19937 random(11);
        std::vector<std::string_view> chunks;
        for (int t = 0; t < 20000; ++t) {
            std::string text;
            const int count = static_cast<int>(random() % 80);
            for (int k = 0; k < count; ++k)
                text += pieces[random() % pieces.size()];
            chunks.clear();
            ulmfit::text::cutChunks(text, chunks);
            const auto expected = ulmfit::test::referenceChunks(text);
            QCOMPARE(chunks.size(), expected.size());
            for (std::size_t k = 0; k < chunks.size(); ++k) { // the same bytes of the text, not equal copies
                QCOMPARE(chunks[k].data(), expected[k].data());
                QCOMPARE(chunks[k].size(), expected[k].size());
            }
        }
    }

    void outFormAppends() {
        ulmfit::text::TokenList out;
        out.push("before");
        ulmfit::text::splitWords("two words", out);
        QCOMPARE(out.strings(), (std::vector<std::string>{"before", "two", "words"}));
    }
};

QTEST_APPLESS_MAIN(WordSplitterTest)
#include "WordSplitterTest.moc"
