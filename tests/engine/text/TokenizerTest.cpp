// Full pipeline (rules + split + replace_space), special tokens, parallel determinism,
// progress, cancellation and robustness against bad input.
#include "data/text/Tokenizer.h"
#include "core/Utf8.h"
#include "data/text/Unicode.h"

#include <QtTest>

#include <random>

using ulmfit::text::Tokenizer;

namespace {
QString joined(const std::vector<std::string>& tokens) {
    QStringList parts;
    for (const auto& t : tokens)
        parts << QString::fromStdString(t);
    return parts.join(QLatin1Char(' '));
}

// Review-like texts from a fixed seed: mixed case, HTML leftovers, repetitions, contractions.
std::vector<std::string> generatedTexts(std::size_t count) {
    const char* words[] = {"The", "movie", "WAS", "great", "don't", "I'm", "<br /><br />", "!!!", "...", "well-known",
                           "3.5", "1,000", "&amp;", "film", "film", "film", "(really)", "\"quoted\"", "caf\xC3\xA9",
                           "It's", "10/10", "#1", "can't", "Mr.", "so", "so", "so", "so", "\xE2\x80\x9CHi\xE2\x80\x9D"};
    std::mt19937 rng(42);
    std::uniform_int_distribution<std::size_t> pick(0, std::size(words) - 1), length(0, 80);
    std::vector<std::string> texts(count);
    for (auto& text : texts)
        for (std::size_t n = length(rng); n > 0; --n)
            text += std::string(words[pick(rng)]) + (pick(rng) % 7 == 0 ? "  " : " ");
    return texts;
}

struct RecordingObserver : ulmfit::Observer {
    std::vector<ulmfit::Progress> reports;
    void onProgress(const ulmfit::Progress& p) override { reports.push_back(p); }
};
} // namespace

class TokenizerTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void specialTokensInFastaiOrder() {
        const std::vector<std::string> expected{"xxunk", "xxpad", "xxbos", "xxeos", "xxfld",
                                                "xxrep", "xxwrep", "xxup", "xxmaj"};
        QCOMPARE(ulmfit::text::specialTokens(), expected);
        QCOMPARE(std::string(ulmfit::text::kMaj), std::string("xxmaj"));
        QVERIFY(Tokenizer::kVersion >= 1);
    }

    void pipeline_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("book show_batch") << "It's awesome! In Story Mode, your going from punk to pro."
                                         << "xxbos xxmaj it 's awesome ! xxmaj in xxmaj story xxmaj mode , your "
                                            "going from punk to pro .";
        QTest::newRow("all caps title") << "THE SHINING starts slowly..."
                                        << QString::fromUtf8("xxbos xxup the xxup shining starts slowly \u2026");
        QTest::newRow("abbreviation") << "Mr. Costner has dragged out a movie"
                                      << "xxbos xxmaj mr . xxmaj costner has dragged out a movie";
        QTest::newRow("contractions") << "I don't think I'm wrong, they can't." << "xxbos i do n't think xxmaj i 'm wrong , they ca n't .";
        QTest::newRow("repetition") << "So bad!!!! It is really really really bad."
                                    << "xxbos xxmaj so bad xxrep 4 ! xxmaj it is xxwrep 3 really bad .";
        QTest::newRow("rating") << "I give it 10/10 #1" << "xxbos i give it 10 / 10 # 1";
        QTest::newRow("empty") << "" << "xxbos";
    }
    void pipeline() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QCOMPARE(joined(Tokenizer().tokenize(input.toStdString())), expected);
    }

    void newlinesFromHtmlBreaksAreTokens() {
        const auto tokens = Tokenizer().tokenize("I didn't like it.<br /><br />Bad!!!");
        const std::vector<std::string> expected{"xxbos", "i", "did", "n't", "like", "it", ".", "\n\n",
                                                "xxmaj", "bad", "xxrep", "3", "!"};
        QCOMPARE(tokens, expected);
    }

    void spacesInsideTokensBecomeBlocks() {
        // "a \n b": spaCy keeps "\n " as one whitespace token; fastai's replace_space marks the space.
        const auto tokens = Tokenizer().tokenize("a \n b");
        QCOMPARE(tokens, (std::vector<std::string>{"xxbos", "a", "\n\xE2\x96\x81", "b"}));
    }

    void outputDoesNotDependOnThreadCount() {
        const auto texts = generatedTexts(300);
        const Tokenizer tokenizer;
        const auto one = tokenizer.tokenizeAll(texts, 1);
        QCOMPARE(tokenizer.tokenizeAll(texts, 2), one);
        QCOMPARE(tokenizer.tokenizeAll(texts, 4), one);
        for (std::size_t i = 0; i < texts.size(); i += 37)
            QCOMPARE(tokenizer.tokenize(texts[i]), one[i]);
    }

    void reportsProgressInDocs() {
        RecordingObserver observer;
        const auto texts = generatedTexts(200);
        Tokenizer().tokenizeAll(texts, 2, &observer);
        QVERIFY(!observer.reports.empty());
        const auto& last = observer.reports.back();
        QCOMPARE(QString::fromStdString(last.task), QString("tokenize"));
        QCOMPARE(QString::fromStdString(last.unit), QString("docs"));
        QCOMPARE(last.done, 200.0);
        QCOMPARE(last.total, 200.0);
    }

    void cancelStopsTheWork() {
        ulmfit::CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(ulmfit::Cancelled, Tokenizer().tokenizeAll(generatedTexts(100), 2, nullptr, &cancel));
    }

    void invalidUtf8IsReadAsInFiles() {
        // One U+FFFD per maximal ill-formed subpart, as sanitizeUtf8 (and readReviewText) read it:
        // "\xE2\x82" truncated is one, "\xFF\xFE" two.
        const std::string bad = "Bad \xFF\xFE bytes \xC3 and \xE2\x82 truncated";
        const auto tokens = Tokenizer().tokenize(bad);
        QCOMPARE(tokens, Tokenizer().tokenize(ulmfit::sanitizeUtf8(bad)));
        for (const auto& t : tokens)
            QVERIFY(ulmfit::isWellFormedUtf8(t));
        const std::string fffd = "\xEF\xBF\xBD";
        QCOMPARE(tokens,
                 (std::vector<std::string>{"xxbos", "xxmaj", "bad", fffd, fffd, "bytes", fffd, "and", fffd,
                                           "truncated"})); // U+FFFD is a symbol: a token of its own
    }

    void whitespaceOnlyInput() {
        QCOMPARE(Tokenizer().tokenize(" \n\t "), std::vector<std::string>{"xxbos"});
    }
};

QTEST_APPLESS_MAIN(TokenizerTest)
#include "TokenizerTest.moc"
