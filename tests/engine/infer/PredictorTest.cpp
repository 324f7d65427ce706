#include "infer/Predictor.h"
#include "TinyBundles.h"

#include <ATen/ATen.h>
#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {
const std::vector<std::string> kTexts{"I liked this movie.",
                                      "It was bad!",
                                      "A terrible , terrible film and it was bad . bad bad bad",
                                      "great",
                                      "The movie was great and I liked it, I liked it a lot.",
                                      ""};

bool sameProbabilities(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::abs(a[i] - b[i]) > 1e-5f)
            return false;
    return true;
}
} // namespace

class PredictorTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void loadedBundleGivesTheSavedModelsProbabilities() {
        QTemporaryDir tmp;
        const fs::path dir = fs::path(tmp.path().toStdString()) / "clas";
        auto model = test::writeClassifierBundle(dir);
        model->eval();
        Predictor predictor(dir);
        const auto ids = predictor.numericalize("I liked this movie.");
        QCOMPARE(predictor.vocab().token(ids.front()), std::string("xxbos"));
        auto input = torch::tensor(std::vector<int64_t>(ids.begin(), ids.end())).view({1, -1});
        auto expected = at::softmax(model(input), 1)[0];
        auto prediction = predictor.classify("I liked this movie.");
        QCOMPARE(prediction.probabilities.size(), size_t(2));
        for (int c = 0; c < 2; ++c)
            QCOMPARE(prediction.probabilities[c], expected[c].item<float>());
        QCOMPARE(prediction.label, predictor.labels()[prediction.index]);
        QVERIFY(std::abs(prediction.probabilities[0] + prediction.probabilities[1] - 1.f) < 1e-5f);
    }

    void twoFreshPredictorsAgree() {
        QTemporaryDir tmp;
        const fs::path dir = fs::path(tmp.path().toStdString()) / "clas";
        test::writeClassifierBundle(dir, 9);
        Predictor a(dir), b(dir);
        for (const auto& text : kTexts)
            QCOMPARE(a.classify(text).probabilities, b.classify(text).probabilities);
    }

    void classifyManyMatchesClassifyInInputOrder() {
        QTemporaryDir tmp;
        const fs::path dir = fs::path(tmp.path().toStdString()) / "clas";
        test::writeClassifierBundle(dir, 4);
        Predictor predictor(dir);
        for (int batchSize : {1, 2, 4, 32}) {
            auto many = predictor.classifyMany(kTexts, batchSize);
            QCOMPARE(many.size(), kTexts.size());
            for (size_t i = 0; i < kTexts.size(); ++i) {
                auto one = predictor.classify(kTexts[i]);
                QVERIFY2(sameProbabilities(many[i].probabilities, one.probabilities),
                         qPrintable(QString("text %1, batch size %2").arg(i).arg(batchSize)));
                QCOMPARE(many[i].index, one.index);
            }
        }
    }

    void cancelStopsBatchWork() {
        QTemporaryDir tmp;
        const fs::path dir = fs::path(tmp.path().toStdString()) / "clas";
        test::writeClassifierBundle(dir);
        Predictor predictor(dir);
        CancelToken cancel;
        cancel.cancel();
        QVERIFY_THROWS_EXCEPTION(Cancelled, predictor.classifyMany(kTexts, 2, nullptr, &cancel));
    }
};

QTEST_APPLESS_MAIN(PredictorTest)
#include "PredictorTest.moc"
