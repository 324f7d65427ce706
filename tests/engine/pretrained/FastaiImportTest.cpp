#include "FastaiFixtures.h"
#include "pretrained/FastaiLayout.h"
#include "pretrained/FastaiModels.h"
#include "pretrained/ItosPickle.h"
#include "pretrained/TorchFile.h"

#include <QTemporaryDir>
#include <QtTest/QtTest>

using namespace ulmfit;
using test::errorOf;
using test::fastaiFixture;
namespace fs = std::filesystem;

namespace {

/// max |a - b| / max |b|: the relative error of a whole logit matrix.
double relativeError(const torch::Tensor& actual, const torch::Tensor& expected) {
    return (actual.to(at::kDouble) - expected).abs().max().item<double>() /
           expected.abs().max().item<double>();
}

torch::Tensor expectedLogits() {
    const auto json = test::fastaiExpected();
    std::vector<double> values;
    for (const auto& row : json["logits"])
        for (const auto& v : row)
            values.push_back(v.get<double>());
    const auto rows = static_cast<int64_t>(json["logits"].size());
    return torch::tensor(values, at::kDouble).view({rows, -1});
}

torch::Tensor fixtureIds() {
    return torch::tensor(test::fastaiExpected()["ids"].get<std::vector<int64_t>>(), at::kLong).view({1, -1});
}

AwdLstmConfig fixtureConfig() {
    auto config = lmConfig(47);
    config.embSize = 8;
    config.hiddenSize = 12;
    config.nLayers = 3;
    return config;
}

} // namespace

class FastaiImportTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void bothFormatsGiveTheReferenceLogits() {
        for (const char* weights : {"lm_zip.pth", "lm_legacy.pth"}) {
            auto loaded = importFastaiLanguageModel(fastaiFixture(weights), fastaiFixture("itos.pkl"));
            const auto& config = loaded.model->config();
            QCOMPARE(config.vocabSize, int64_t(47));
            QCOMPARE(config.embSize, int64_t(8));
            QCOMPARE(config.hiddenSize, int64_t(12));
            QCOMPARE(config.nLayers, int64_t(3));
            QCOMPARE(config.outputP, lmConfig(0).outputP);
            QCOMPARE(loaded.vocab.size(), std::size_t(47));
            QVERIFY(!loaded.model->is_training());
            torch::NoGradGuard noGrad;
            const auto logits = loaded.model->forward(fixtureIds()).logits[0];
            const double error = relativeError(logits, expectedLogits());
            QVERIFY2(error < 1e-5, qPrintable(QString("%1: relative error %2").arg(weights).arg(error)));
            QCOMPARE(loaded.model->decoder->weight().data_ptr(),
                     loaded.model->encoder->encoder->weight.data_ptr());
        }
    }

    void wrongLayerSizeNamesTheTensorAndBothShapes() {
        const auto sd = readTorchStateDict(fastaiFixture("lm_zip.pth"));
        auto config = fixtureConfig();
        config.hiddenSize = 10;
        LanguageModel model(config);
        const auto before = model->encoder->encoder->weight.clone();
        const auto error = errorOf([&] { loadFastaiLanguageModel(model, sd); });
        QVERIFY2(
            error.contains("0.rnns.0.weight_hh_l0_raw is [48, 12] in the file but this model needs [40, 10]"),
            qPrintable(error));
        // Checked before loading: nothing was copied.
        QVERIFY(torch::equal(model->encoder->encoder->weight, before));
    }

    void missingAndUnexpectedTensorsAreRefused() {
        auto sd = readTorchStateDict(fastaiFixture("lm_zip.pth"));
        LanguageModel model(fixtureConfig());
        auto extra = sd;
        extra.set("0.rnns.3.weight_hh_l0_raw", torch::zeros({32, 8}));
        QVERIFY(errorOf([&] {
                    loadFastaiLanguageModel(model, extra);
                }).contains("unexpected tensor 0.rnns.3.weight_hh_l0_raw"));
        sd.erase("1.decoder.bias");
        QVERIFY(errorOf([&] { loadFastaiLanguageModel(model, sd); }).contains("no tensor 1.decoder.bias"));
    }

    void itosMustMatchTheEmbedding() {
        QTemporaryDir dir;
        const fs::path itos = dir.filePath("short.pkl").toStdString();
        auto vocab = readItosPickle(fastaiFixture("itos.pkl"));
        vocab.pop_back();
        writeItosPickle(itos, vocab);
        auto error = errorOf([&] { importFastaiLanguageModel(fastaiFixture("lm_zip.pth"), itos); });
        QVERIFY2(error.contains("an embedding of 47 tokens but") && error.contains("lists 46"),
                 qPrintable(error));
        error = errorOf(
            [&] { importFastaiLanguageModel(fastaiFixture("lm_zip.pth"), fastaiFixture("bad_dict.pkl")); });
        QVERIFY(error.contains("list of str"));
    }

    void exportedStateDictHasFastaisKeysInOrder() {
        const auto original = readTorchStateDict(fastaiFixture("lm_zip.pth"));
        const auto loaded =
            importFastaiLanguageModel(fastaiFixture("lm_legacy.pth"), fastaiFixture("itos.pkl"));
        const auto exported = fastaiLanguageModelStateDict(loaded.model);
        QVERIFY(exported.keys() == original.keys());
        for (const auto& [key, tensor] : original.entries())
            QVERIFY2(torch::equal(exported.at(key), tensor), key.c_str());
        const auto encoder = fastaiEncoderStateDict(loaded.model->encoder);
        QCOMPARE(encoder.keys().front(), std::string("encoder.weight"));
        QCOMPARE(encoder.keys().back(), std::string("rnns.2.module.bias_hh_l0"));
        QCOMPARE(encoder.size(), std::size_t(14));
        AwdLstm other(fixtureConfig());
        loadFastaiEncoder(other, encoder);
        QVERIFY(torch::equal(other->encoder->weight, loaded.model->encoder->encoder->weight));
    }

    void configComesFromTheWeights() {
        const auto sd = readTorchStateDict(fastaiFixture("lm_zip.pth"));
        const auto config = configFromFastaiStateDict(sd, fastai::kLanguageModelPrefix, classifierConfig(0));
        QCOMPARE(config.vocabSize, int64_t(47));
        QCOMPARE(config.hiddenSize, int64_t(12));
        QCOMPARE(config.nLayers, int64_t(3));
        QCOMPARE(config.weightP, classifierConfig(0).weightP);
        QVERIFY(errorOf([&] {
                    configFromFastaiStateDict(sd, "", lmConfig(0));
                }).contains("no 2-d embedding encoder.weight"));
    }
};

QTEST_APPLESS_MAIN(FastaiImportTest)
#include "FastaiImportTest.moc"
