#include "infer/TextGenerator.h"
#include "TinyBundles.h"
#include "infer/TextDecoding.h"

#include <algorithm>

#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace ulmfit;
namespace fs = std::filesystem;

class TextGeneratorTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void decodesSpecialTokensAsFastai() {
        const std::vector<std::string> tokens{"xxbos",  "xxmaj", "this",  "movie", "is",     "xxup",
                                              "great",  "xxrep", "3",     "!",     "xxwrep", "2",
                                              "really", "xxpad", "xxmaj", "i",     "loved",  "it"};
        QCOMPARE(decodeSpecialTokens(tokens),
                 (std::vector<std::string>{"This", "movie", "is", "GREAT", "!!!", "really", "really", "I",
                                           "loved", "it"}));
        QCOMPARE(detokenize(
                     {"xxbos", "xxmaj", "it", "is", "n't", "bad", ",", "is", "it", "?", "(", "no", ")", "."}),
                 std::string("It isn't bad, is it? (no)."));
    }

    void neverSamplesUnknownTokens() {
        QTemporaryDir tmp;
        const fs::path dir = fs::path(tmp.path().toStdString()) / "lm";
        auto lm = test::writeLanguageModelBundle(dir);
        {
            torch::NoGradGuard noGrad; // make xxunk by far the likeliest token
            lm->decoder->bias()[Vocab::kUnkId] = 30.0;
        }
        saveLanguageModelBundle(dir, lm, test::tinyVocab());
        TextGenerator generator(dir);
        GenerationOptions options;
        options.nWords = 30;
        options.nSamples = 3;
        for (const auto& sample : generator.generateTokens("i liked", options)) {
            QCOMPARE(sample.size(), size_t(3 + 30)); // xxbos i liked + 30
            QVERIFY(std::find(sample.begin(), sample.end(), "xxunk") == sample.end());
        }
    }

    void deterministicForASeed() {
        QTemporaryDir tmp;
        const fs::path dir = fs::path(tmp.path().toStdString()) / "lm";
        test::writeLanguageModelBundle(dir);
        TextGenerator generator(dir);
        auto a = generator.generate("I liked this movie", 20, 0.75, 2, 7);
        auto b = TextGenerator(dir).generate("I liked this movie", 20, 0.75, 2, 7);
        QCOMPARE(a, b);
        QCOMPARE(a.size(), size_t(2));
        QVERIFY(a[0] != a[1]); // samples differ from each other
        QVERIFY(generator.generate("I liked this movie", 20, 0.75, 2, 8) != a);
        // fastai lower-cases a lone "I" without xxmaj (as in the book: "i liked this movie because ...").
        QVERIFY2(QString::fromStdString(a[0]).startsWith("i liked this movie"), a[0].c_str());
    }

    void rejectsNonPositiveTemperature() {
        QTemporaryDir tmp;
        const fs::path dir = fs::path(tmp.path().toStdString()) / "lm";
        test::writeLanguageModelBundle(dir);
        TextGenerator generator(dir);
        QVERIFY_THROWS_EXCEPTION(Error, generator.generate("it", 3, 0.0));
    }
};

QTEST_APPLESS_MAIN(TextGeneratorTest)
#include "TextGeneratorTest.moc"
