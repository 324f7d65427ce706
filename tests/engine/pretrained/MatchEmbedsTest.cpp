#include "pretrained/MatchEmbeds.h"
#include "FastaiFixtures.h"
#include "pretrained/FastaiLayout.h"
#include "pretrained/FastaiModels.h"

#include <QtTest/QtTest>

using namespace ulmfit;
using test::errorOf;

namespace {

const std::vector<std::string> kOld{"xxunk", "xxpad", "xxbos", "the", "movie", "good"};

torch::Tensor oldEmbedding() {
    return torch::arange(12, at::kFloat).view({6, 2});
} // row i = (2i, 2i+1)
torch::Tensor oldBias() {
    return torch::tensor({0.f, 1.f, 2.f, 3.f, 4.f, 6.f});
}

} // namespace

class MatchEmbedsTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void tokensInBothKeepTheirRowsNewOnesGetTheMean() {
        // Specials in another order, xxeos and "great" only in the new vocabulary.
        const std::vector<std::string> fresh{"xxpad", "xxunk", "xxeos", "movie", "great", "the"};
        const auto matched = matchEmbeds(oldEmbedding(), oldBias(), kOld, fresh);
        QCOMPARE(matched.matched, int64_t(4));
        const auto mean = oldEmbedding().mean(0);
        const auto meanBias = oldBias().mean(0);
        const auto& e = matched.embedding;
        QVERIFY(torch::equal(e[0], oldEmbedding()[1])); // special token in both: matched by its text
        QVERIFY(torch::equal(e[1], oldEmbedding()[0]));
        QVERIFY(torch::equal(e[2], mean));              // special token only in the new vocabulary
        QVERIFY(torch::equal(e[3], oldEmbedding()[4])); // token in both
        QVERIFY(torch::equal(e[4], mean));              // token only in the new vocabulary
        QVERIFY(torch::equal(e[5], oldEmbedding()[3]));
        QCOMPARE(matched.bias[1].item<float>(), 0.f);
        QCOMPARE(matched.bias[3].item<float>(), 4.f);
        QCOMPARE(matched.bias[2].item<float>(), meanBias.item<float>());
        QCOMPARE(matched.bias[4].item<float>(), meanBias.item<float>());
        QCOMPARE(matched.bias[5].item<float>(), 3.f);
    }

    void repeatedOldTokenTakesItsLastRow() {
        const std::vector<std::string> old{"xxunk", "xxfake", "a", "xxfake"};
        const auto emb = torch::arange(8, at::kFloat).view({4, 2});
        const auto matched = matchEmbeds(emb, torch::Tensor(), old, {"xxfake", "b"});
        QVERIFY(torch::equal(matched.embedding[0], emb[3]));
        QVERIFY(!matched.bias.defined());
    }

    void sizesAreChecked() {
        QVERIFY(errorOf([] {
                    matchEmbeds(oldEmbedding(), oldBias(), {"a"}, {"a"});
                }).contains("old vocabulary has 1"));
        QVERIFY(errorOf([] {
                    matchEmbeds(oldEmbedding(), torch::zeros({5}), kOld, {"a"});
                }).contains("decoder bias is [5]"));
    }

    void stateDictTiedCopiesAreTheNewEmbedding() {
        StateDict sd;
        sd.set(fastai::kEmbeddingKey, oldEmbedding());
        sd.set(fastai::kEmbeddingDropoutKey, oldEmbedding());
        sd.set("0.rnns.0.weight_hh_l0_raw", torch::ones({8, 2}));
        sd.set(fastai::kDecoderWeightKey, oldEmbedding());
        sd.set(fastai::kDecoderBiasKey, oldBias());
        QCOMPARE(matchEmbeds(sd, kOld, {"good", "bad"}), int64_t(1));
        const auto& e = sd.at(fastai::kEmbeddingKey);
        QCOMPARE(e.sizes(), (at::IntArrayRef{2, 2}));
        QVERIFY(sd.at(fastai::kEmbeddingDropoutKey).is_same(e));
        QVERIFY(sd.at(fastai::kDecoderWeightKey).is_same(e));
        QVERIFY(torch::equal(e[0], oldEmbedding()[5]));
        QCOMPARE(sd.at(fastai::kDecoderBiasKey)[0].item<float>(), 6.f);
        QVERIFY(torch::equal(sd.at("0.rnns.0.weight_hh_l0_raw"), torch::ones({8, 2}))); // untouched
        QCOMPARE(sd.keys().front(), std::string(fastai::kEmbeddingKey));                // order kept
    }

    void languageModelMovesToANewVocabulary() {
        const auto source =
            importFastaiLanguageModel(test::fastaiFixture("lm_zip.pth"), test::fastaiFixture("itos.pkl"));
        std::vector<std::string> fresh{"xxunk", "xxpad", "xxbos", "movie", "zzz", "good"};
        const auto moved = withVocabulary(source, fresh, lmConfig(0, 0.3));
        QCOMPARE(moved.model->config().vocabSize, int64_t(6));
        QCOMPARE(moved.model->config().hiddenSize, int64_t(12));
        QCOMPARE(moved.model->config().outputP, lmConfig(0, 0.3).outputP);
        QVERIFY(moved.vocab == fresh);
        const auto& oldEmb = source.model->encoder->encoder->weight;
        const auto& newEmb = moved.model->encoder->encoder->weight;
        QVERIFY(torch::equal(newEmb[3], oldEmb[11])); // "movie" is id 11 in the fixture vocabulary
        QVERIFY(torch::allclose(newEmb[4], oldEmb.mean(0)));
        QCOMPARE(moved.model->decoder->weight().data_ptr(), newEmb.data_ptr());
        QVERIFY(torch::equal(moved.model->decoder->bias()[3], source.model->decoder->bias()[11]));
        QVERIFY(torch::equal(fastaiLanguageModelStateDict(moved.model).at("0.rnns.1.module.weight_ih_l0"),
                             fastaiLanguageModelStateDict(source.model).at("0.rnns.1.module.weight_ih_l0")));
    }
};

QTEST_APPLESS_MAIN(MatchEmbedsTest)
#include "MatchEmbedsTest.moc"
