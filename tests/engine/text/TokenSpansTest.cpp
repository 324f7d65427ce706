// Tokens mapped back to the characters of the original text: plain words, the case and
// repetition markers, HTML line breaks and entities, non-ASCII text and UTF-16 offsets.
#include "data/text/TokenSpans.h"
#include "data/text/Tokenizer.h"

#include <QtTest>

#include <random>

using namespace ulmfit::text;

namespace {

struct Mapped {
    std::vector<std::string> tokens;
    std::vector<std::string> pieces; // the original characters of each token
};

Mapped mapped(const std::string& text) {
    Mapped m;
    m.tokens = Tokenizer().tokenize(text);
    const auto spans = alignTokens(text, m.tokens);
    for (const auto& s : spans)
        m.pieces.push_back(text.substr(s.start, s.length));
    return m;
}

// "token=piece" pairs, so a failure shows the whole mapping.
QString describe(const Mapped& m) {
    QStringList parts;
    for (size_t i = 0; i < m.tokens.size(); ++i)
        parts << QString::fromStdString(m.tokens[i] + "=" + m.pieces[i]);
    return parts.join(QStringLiteral(" | "));
}

QStringList pairs(const Mapped& m) {
    return describe(m).split(QStringLiteral(" | "));
}

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return s;
}

} // namespace

class TokenSpansTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void plainWordsMapToThemselves() {
        const auto m = mapped("I liked this movie.");
        QCOMPARE(pairs(m), QStringList({"xxbos=", "i=I", "liked=liked", "this=this", "movie=movie", ".=."}));
    }

    void caseMarkersTakeTheirWord() {
        const auto m = mapped("This is GREAT, Sam");
        QCOMPARE(pairs(m), QStringList({"xxbos=", "xxmaj=This", "this=This", "is=is", "xxup=GREAT",
                                        "great=GREAT", ",=,", "xxmaj=Sam", "sam=Sam"}));
    }

    void repetitionsTakeTheRun() {
        const auto m = mapped("Wow!!!! Sooo good");
        QVERIFY2(pairs(m).contains("xxrep=!!!!"), qPrintable(describe(m)));
        QVERIFY2(pairs(m).contains("!=!!!!"), qPrintable(describe(m)));
        QVERIFY2(pairs(m).contains("4=!!!!"), qPrintable(describe(m)));
        QVERIFY2(pairs(m).contains("o=ooo"), qPrintable(describe(m)));
        QVERIFY2(pairs(m).contains("s=S"), qPrintable(describe(m)));
        QVERIFY2(pairs(m).contains("good=good"), qPrintable(describe(m)));
    }

    void wordRepetitionsTakeTheRepeatedWords() {
        const auto m = mapped("it was very very very good");
        QVERIFY2(pairs(m).contains("xxwrep=very very very"), qPrintable(describe(m)));
        QVERIFY2(pairs(m).contains("very=very very very"), qPrintable(describe(m)));
        QVERIFY2(pairs(m).contains("good=good"), qPrintable(describe(m)));
    }

    void htmlLineBreaksMapToTheirMarkup() {
        const auto m = mapped("Bad.<br /><br />Really bad.");
        QVERIFY2(pairs(m).contains("\n\n=<br /><br />"), qPrintable(describe(m)));
        QVERIFY2(pairs(m).contains("xxmaj=Really"), qPrintable(describe(m)));
        QCOMPARE(m.pieces.back(), std::string("."));
    }

    void entitiesAndContractions() {
        const auto m = mapped("Tom &amp; Jerry don't stop");
        // fix_html turns "&amp;" into "&&" ("amp;" -> "&"): the second "&" stands for "amp;".
        QVERIFY2(pairs(m).contains("&=&") && pairs(m).contains("&=amp;"), qPrintable(describe(m)));
        QVERIFY2(pairs(m).contains("do=do"), qPrintable(describe(m)));
        QVERIFY2(pairs(m).contains("n't=n't"), qPrintable(describe(m)));
        QVERIFY2(pairs(m).contains("jerry=Jerry"), qPrintable(describe(m)));
    }

    void nonAsciiAndUtf16Offsets() {
        const std::string text = "\xF0\x9F\x98\x80 Caf\xC3\xA9 great"; // emoji (2 UTF-16 units), "Café"
        const auto tokens = Tokenizer().tokenize(text);
        const auto spans = alignTokens(text, tokens);
        const auto m = mapped(text);
        QVERIFY2(pairs(m).contains(QString::fromUtf8("café=Café")), qPrintable(describe(m)));
        const auto utf16 = toUtf16Spans(text, spans);
        const QString q = QString::fromUtf8(text.c_str());
        for (size_t i = 0; i < tokens.size(); ++i)
            QCOMPARE(q.mid(qsizetype(utf16[i].start), qsizetype(utf16[i].length)),
                     QString::fromStdString(m.pieces[i]));
    }

    // Review-like random texts: spans stay inside the text, in order, and every plain word maps
    // to itself (case aside).
    void randomReviewsMapWordsToThemselves() {
        const char* words[] = {"The",  "movie",    "WAS",        "great",       "don't", "<br /><br />",
                               "!!!",  "...",      "well-known", "&amp;",       "film",  "film",
                               "film", "(really)", "\"quoted\"", "caf\xC3\xA9", "10/10", "so",
                               "so",   "so",       "Mr.",        "&quot;",      "\\n"};
        std::mt19937 rng(7);
        std::uniform_int_distribution<size_t> pick(0, std::size(words) - 1), length(1, 60);
        for (int doc = 0; doc < 300; ++doc) {
            std::string text;
            for (size_t n = length(rng); n > 0; --n)
                text += std::string(words[pick(rng)]) + (pick(rng) % 5 == 0 ? "  " : " ");
            const auto tokens = Tokenizer().tokenize(text);
            const auto spans = alignTokens(text, tokens);
            QCOMPARE(spans.size(), tokens.size());
            size_t previous = 0;
            for (size_t i = 0; i < tokens.size(); ++i) {
                QVERIFY(spans[i].start + spans[i].length <= text.size());
                const std::string piece = text.substr(spans[i].start, spans[i].length);
                const std::string& token = tokens[i];
                if (token.rfind("xx", 0) == 0 || spans[i].length == 0)
                    continue;
                QVERIFY2(spans[i].start >= previous, qPrintable(QString::fromStdString(text)));
                previous = spans[i].start;
                const bool word =
                    std::all_of(token.begin(), token.end(), [](char c) { return c >= 'a' && c <= 'z'; });
                const bool repeated = i >= 2 && (tokens[i - 2] == "xxwrep" || tokens[i - 2] == "xxrep");
                if (word && !repeated)
                    QVERIFY2(lower(piece) == token,
                             qPrintable(QString::fromStdString(token + " -> " + piece + " in " + text)));
            }
        }
    }
};

QTEST_APPLESS_MAIN(TokenSpansTest)
#include "TokenSpansTest.moc"
