// Each of fastai's 8 default rules against cases worked out from its definition in
// fastai/text/core.py (expected values cross-checked with Python's re/html on the same input).
#include "data/text/Rules.h"
#include "data/text/Unicode.h"

#include <QtTest>

#include <functional>
#include <random>

using namespace ulmfit::text;

namespace {
using Rule = std::function<std::string(std::string_view)>;

void addRow(const char* name, const QString& input, const QString& expected) {
    QTest::newRow(name) << input << expected;
}

void checkRule(const Rule& rule) {
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(rule(input.toStdString())), expected);
}

void columns() {
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
}
} // namespace

class RulesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixHtml_data() {
        columns();
        addRow("html apostrophes", "#39;bli#146;", "'bli'");
        addRow("amp then ellipsis", "Sarah amp; Duck...", QString::fromUtf8("Sarah & Duck \u2026"));
        addRow("nbsp and dollar", "a nbsp; #36;", "a   $");
        addRow("escaped quote and unk", "\\\" <unk>", "\" xxunk");
        addRow("quot and wikitext", "quot;  @.@  @-@ ", "' .-");
        addRow("br and escaped newline", "<br />text\\n", "\ntext\n");
        addRow("amp entity keeps an ampersand", "&amp;", "&&");
        addRow("lt gt", "&lt;b&gt;", "<b>");
        addRow("named latin-1", "caf&eacute;", QString::fromUtf8("caf\u00e9"));
        addRow("numeric", "&#8217;", QString::fromUtf8("\u2019"));
        addRow("numeric windows-1252", "&#150;", QString::fromUtf8("\u2013"));
        addRow("legacy prefix", "&notit;", QString::fromUtf8("\u00acit;"));
        addRow("legacy without semicolon", "&copy2018", QString::fromUtf8("\u00a92018"));
        addRow("hex with and without semicolon", "&#x41;&#X42", "AB");
        addRow("NUL reference", "&#0;", QString::fromUtf8("\ufffd"));
        addRow("plain ampersand", "Q&A", "Q&A");
        addRow("four dots", "....", QString::fromUtf8(" \u2026."));
        addRow("wikitext dots then ellipsis", "x @.@  @.@  @.@ y", QString::fromUtf8("x \u2026y"));
        addRow("amp; after another semicolon", "a;b amp; c", "a;b & c");
    }
    void fixHtml() { checkRule([](std::string_view t) { return ulmfit::text::fixHtml(t); }); }

    void replaceRep_data() {
        columns();
        addRow("four letters", "aaaa", " xxrep 4 a ");
        addRow("two is not a repetition", "aa", "aa");
        addRow("punctuation", "!!!", " xxrep 3 ! ");
        addRow("multibyte", QString::fromUtf8("\u00e9\u00e9\u00e9"), QString::fromUtf8(" xxrep 3 \u00e9 "));
        addRow("spaces are not repeated", "a   b", "a   b");
        addRow("inside a word", "abbbc", "a xxrep 3 b c");
        addRow("digits too", "1,000", "1, xxrep 3 0 ");
        // The fast paths: runs at the end, multi-byte runs and runs after long ASCII stretches.
        addRow("run at the end", "abccc", "ab xxrep 3 c ");
        addRow("multibyte run after ASCII", QString::fromUtf8("plain ascii text here \u00e9\u00e9\u00e9\u00e9"),
               QString::fromUtf8("plain ascii text here  xxrep 4 \u00e9 "));
        addRow("spaces then a run after ASCII", "0123456789abcdefghij   klmnop!!!",
               "0123456789abcdefghij   klmnop xxrep 3 ! ");
    }
    void replaceRep() { checkRule([](std::string_view t) { return ulmfit::text::replaceRep(t); }); }

    void replaceWrep_data() {
        columns();
        addRow("four words", "the the the the", " xxwrep 4 the ");
        addRow("consumed space blocks the next match", "a a a b b b", " xxwrep 3 a  b b b");
        addRow("backtracks off a longer word", "the the the they", " xxwrep 3 the  they");
        addRow("two is not a repetition", "word word", "word word");
        addRow("followed by punctuation", "hi hi hi.", " xxwrep 3 hi .");
        addRow("after another word", "x the the the", "x xxwrep 3 the ");
        addRow("case sensitive", "The the the end", "The the the end");
        // Other whitespace, and the 64-byte fast path (words compared with the next word).
        addRow("tab and newline between", "a\ta\na", " xxwrep 3 a ");
        addRow("no-break spaces between", QString::fromUtf8("\u00e9\u00a0\u00e9\u00a0\u00e9"),
               QString::fromUtf8(" xxwrep 3 \u00e9 "));
        addRow("past the first 64 bytes",
               "this is a fairly long sentence that goes on and on for more than sixty four bytes so so so ok",
               "this is a fairly long sentence that goes on and on for more than sixty four bytes xxwrep 3 so  ok");
        addRow("same first bytes, other words",
               "it was the the best of times and it was the worst of times, tea tea teapot tea tea tea tea.",
               "it was the the best of times and it was the worst of times, tea tea teapot xxwrep 4 tea .");
        addRow("repeated phrases are not repeated words",
               "to the top to the top to the top of the world and beyond the stars and the sea and so on and on",
               "to the top to the top to the top of the world and beyond the stars and the sea and so on and on");
    }
    void replaceWrep() { checkRule([](std::string_view t) { return ulmfit::text::replaceWrep(t); }); }

    void specAddSpaces_data() {
        columns();
        addRow("slash hash backslash", "a/b#c\\d", "a / b # c \\ d");
        addRow("rating", "10/10", "10 / 10");
        addRow("nothing to do", "plain text", "plain text");
    }
    void specAddSpaces() { checkRule([](std::string_view t) { return ulmfit::text::specAddSpaces(t); }); }

    void rmUselessSpaces_data() {
        columns();
        addRow("runs of spaces", "a   b  c d", "a b c d");
        addRow("newlines are kept", "a\n\nb", "a\n\nb");
        addRow("leading run", "   x", " x");
    }
    void rmUselessSpaces() { checkRule([](std::string_view t) { return ulmfit::text::rmUselessSpaces(t); }); }

    void replaceAllCaps_data() {
        columns();
        addRow("two words", "I'M SURE", "xxup i'm xxup sure");
        addRow("single letter gets no marker", "I am", "i am");
        addRow("dots and digits", "U.S. A1", "xxup u.s. xxup a1");
        addRow("mixed case untouched", "HeLLO", "HeLLO");
        addRow("after newline", "\nTHE END", "\nxxup the xxup end");
        addRow("non-ASCII tail lowered", QString::fromUtf8("CAF\u00c9"), QString::fromUtf8("xxup caf\u00e9"));
        addRow("after an em space", QString::fromUtf8("x\u2003ABC"), QString::fromUtf8("x\u2003xxup abc"));
        addRow("non-ASCII capital first", QString::fromUtf8("\u00dcBER ALLES"), QString::fromUtf8("\u00dcBER xxup alles"));
        addRow("non-ASCII capitals inside", QString::fromUtf8("\u00e9ABC D\u00c9J\u00c0"),
               QString::fromUtf8("\u00e9ABC xxup d\u00e9j\u00e0"));
    }
    void replaceAllCaps() { checkRule([](std::string_view t) { return ulmfit::text::replaceAllCaps(t); }); }

    void replaceMaj_data() {
        columns();
        addRow("two words", "Hello World", "xxmaj hello xxmaj world");
        addRow("single letter", "I", "i");
        addRow("inner capital untouched", "McDonald", "McDonald");
        addRow("leading punctuation untouched", "(The", "(The");
        addRow("non-ASCII capital untouched", QString::fromUtf8("\u00c9lan"), QString::fromUtf8("\u00c9lan"));
        addRow("trailing punctuation", "Hello,", "xxmaj hello,");
        addRow("after a no-break space", QString::fromUtf8("a\u00a0Hello"), QString::fromUtf8("a\u00a0xxmaj hello"));
        addRow("after a non-ASCII letter", QString::fromUtf8("\u00e9Hello"), QString::fromUtf8("\u00e9Hello"));
        addRow("non-ASCII letter inside", QString::fromUtf8("x\u2003Hello W\u00f6rld"),
               QString::fromUtf8("x\u2003xxmaj hello xxmaj w\u00f6rld"));
    }
    void replaceMaj() { checkRule([](std::string_view t) { return ulmfit::text::replaceMaj(t); }); }

    void lowercase_data() {
        columns();
        addRow("strip and bos", "  Hello WORLD \n", "xxbos hello world");
        addRow("empty", "", "xxbos ");
        addRow("latin-1", QString::fromUtf8("\u00c9COLE"), QString::fromUtf8("xxbos \u00e9cole"));
        addRow("cyrillic and greek", QString::fromUtf8("\u041f\u0420\u0418 \u0394"), QString::fromUtf8("xxbos \u043f\u0440\u0438 \u03b4"));
        addRow("strip unicode spaces at the end", QString::fromUtf8("Hi\u3000\u00a0"), "xxbos hi");
        addRow("strip em space and NEL", QString::fromUtf8("\u2003 Hi There \u0085"), "xxbos hi there");
    }
    void lowercase() { checkRule([](std::string_view t) { return ulmfit::text::lowercase(t); }); }

    void applyRules_data() {
        columns();
        addRow("caps, maj, rep", "I'm SO happy!!!!", "xxbos xxmaj i'm xxup so happy xxrep 4 !");
        addRow("review with html",
               "This movie was GREAT.<br /><br />The acting... well, OK.",
               QString::fromUtf8("xxbos xxmaj this movie was xxup great.\n\nxxmaj the acting \u2026 well, xxup ok."));
        addRow("wrep is case sensitive", "The the the end", "xxbos xxmaj the the the end");
    }
    void applyRules() { checkRule([](std::string_view t) { return ulmfit::text::applyRules(t); }); }

    // The fused passes applyRules uses give what fastai's rules give one after another.
    void fusedPassesMatchTheRulesInTurn_data() {
        QTest::addColumn<QString>("input");
        for (const char* text : {"", " ", "  \n ", "I", "I AM", "Hello World", " THE End. ", "a/b#c\\d", "  //  x  ",
                                 "x /  / y", "McDonald OK U.S.A. A1 (The", "\nTHE END\n", "\t Leading and trailing \r\n"})
            QTest::newRow(text) << QString::fromUtf8(text);
        QTest::newRow("unicode spaces") << QString::fromUtf8("\u00a0CAF\u00c9\u2003\u00c9lan\u3000Hello\u00a0");
        QTest::newRow("cyrillic caps") << QString::fromUtf8("\u041f\u0420\u0418 \u0394elta");
        QTest::newRow("space after a special") << QString("a/ b");
        QTest::newRow("long text") << QString("A long line of Text With Many Capitalized Words AND SOME CAPS in it, "
                                              "one two three  four five six/seven  eight");
        QTest::newRow("non-ASCII words") << QString::fromUtf8("Hi\u00a0THERE \u00e9Tait Caf\u00e9 \u00c9LAN");
    }
    void fusedPassesMatchTheRulesInTurn() {
        QFETCH(QString, input);
        const std::string text = input.toStdString();
        std::string fused;
        ulmfit::text::applyCaseRules(text, fused);
        QCOMPARE(fused, ulmfit::text::lowercase(ulmfit::text::replaceMaj(ulmfit::text::replaceAllCaps(text))));
        ulmfit::text::addSpacesAroundSpecials(text, fused);
        QCOMPARE(fused, ulmfit::text::rmUselessSpaces(ulmfit::text::specAddSpaces(text)));
    }

    // The case rules look for capitals 16 bytes at a time: the same words after a lower-case
    // stretch of every length put each capital at every offset of the blocks and of the tail.
    void caseRulesFindCapitalsAtEveryOffset() {
        for (int length = 1; length < 48; ++length) { // at least one letter: lowercase strips a leading space
            const std::string prefix = std::string(static_cast<std::size_t>(length), 'a') + " ";
            const std::string text = prefix + "Hello WORLD McDonald I Ok";
            QCOMPARE(ulmfit::text::replaceAllCaps(text), prefix + "Hello xxup world McDonald i Ok");
            QCOMPARE(ulmfit::text::replaceMaj(text), prefix + "xxmaj hello WORLD McDonald i xxmaj ok");
            std::string fused;
            ulmfit::text::applyCaseRules(text, fused);
            QCOMPARE(fused, "xxbos " + prefix + "xxmaj hello xxup world mcdonald i xxmaj ok");
            const std::string inside = std::string(static_cast<std::size_t>(length), 'a') + "B c";
            QCOMPARE(ulmfit::text::replaceMaj(inside), inside); // a capital inside a word starts none
        }
    }

    // The fused spaces pass looks for specials 16 bytes at a time: long random texts put them, and
    // runs of spaces, at every offset of its blocks.
    void fusedSpacesMatchOnLongRandomTexts() {
        const std::vector<std::string> pieces = {"word", "a", " ",  " ",   "  ", "   ",
                                                 "/",    "#", "\\", "x/y", "\n", "\xc3\xa9"};
        std::mt19937 random(5);
        std::string fused;
        for (int t = 0; t < 3000; ++t) {
            std::string text;
            const int count = static_cast<int>(random() % 60);
            for (int k = 0; k < count; ++k)
                text += pieces[random() % pieces.size()];
            ulmfit::text::addSpacesAroundSpecials(text, fused);
            QCOMPARE(fused, ulmfit::text::rmUselessSpaces(ulmfit::text::specAddSpaces(text)));
        }
    }

    // Lowering goes 16 bytes a step over ASCII stretches: long random texts, every letter and
    // punctuation mark at every offset, between non-ASCII letters that lower too.
    void lowerOnLongRandomTexts() {
        const std::vector<std::pair<std::string, std::string>> pieces = {
            {"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"},
            {"abc xyz", "abc xyz"},
            {"@[`{ 09 Z", "@[`{ 09 z"},
            {"\xc3\x89T\xc3\x89", "\xc3\xa9t\xc3\xa9"}, // ÉTÉ
            {"\xe6\x97\xa5", "\xe6\x97\xa5"},
            {"\x7f\x01", "\x7f\x01"}};
        std::mt19937 random(3);
        for (int t = 0; t < 3000; ++t) {
            std::string text, expected, lowered;
            const int count = static_cast<int>(random() % 20);
            for (int k = 0; k < count; ++k) {
                const auto& [piece, lower] = pieces[random() % pieces.size()];
                text += piece;
                expected += lower;
            }
            ulmfit::text::unicode::appendLower(lowered, text);
            QCOMPARE(lowered, expected);
        }
    }

    void outParameterFormsReuseBuffers() {
        std::string out = "stale content";
        ulmfit::text::replaceMaj("Hello", out);
        QCOMPARE(QString::fromStdString(out), QString("xxmaj hello"));
        std::string scratch;
        ulmfit::text::applyRules("A b", out, scratch);
        QCOMPARE(QString::fromStdString(out), QString("xxbos a b"));
    }
};

QTEST_APPLESS_MAIN(RulesTest)
#include "RulesTest.moc"
