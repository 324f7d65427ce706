// Backward models and the forward + backward ensemble at inference: a backward bundle reads each
// text reversed (xxbos last), its direction survives saving, an ensemble's probabilities are the
// mean of its members', an ensemble of mismatched members is refused, the explanation of a
// backward model comes back in the text's order, and a backward language model writes what
// comes before its prompt.
#include "TinyBundles.h"
#include "core/Error.h"
#include "infer/Evaluation.h"
#include "infer/Evaluator.h"
#include "infer/Explainer.h"
#include "infer/Predictor.h"
#include "infer/TextGenerator.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>
#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <algorithm>
#include <fstream>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {
TextClassifier writeBackwardClassifier(const fs::path& dir, uint64_t seed) {
    torch::manual_seed(seed);
    auto model = test::tinyClassifier();
    saveClassifierBundle(dir, model, test::tinyVocab(), {"neg", "pos"}, Direction::Backward);
    model->eval();
    return model;
}

std::vector<float> softmaxOf(TextClassifier& model, std::vector<int32_t> ids) {
    torch::NoGradGuard noGrad;
    auto input = torch::tensor(std::vector<int64_t>(ids.begin(), ids.end())).view({1, -1});
    auto probs = at::softmax(model(input), 1)[0].contiguous();
    return {probs.data_ptr<float>(), probs.data_ptr<float>() + 2};
}
} // namespace

class BidirectionalTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void init() { QVERIFY(m_tmp.isValid()); }

    void aBackwardBundleReadsTheTextReversed() {
        const fs::path dir = root() / "bwd";
        auto model = writeBackwardClassifier(dir, 3);
        QCOMPARE(loadClassifierBundle(dir).direction, Direction::Backward);
        QCOMPARE(bundleDirection(dir), Direction::Backward); // what export-fastai warns about
        QCOMPARE(bundleDirection(root()), Direction::Forward);  // not a bundle
        Predictor predictor(dir);
        QCOMPARE(predictor.direction(), Direction::Backward);
        auto ids = predictor.numericalize("I liked this movie, it was great.");
        const auto forward = softmaxOf(model, ids);
        std::reverse(ids.begin(), ids.end());
        const auto backward = softmaxOf(model, ids);
        const auto p = predictor.classify("I liked this movie, it was great.").probabilities;
        QVERIFY(std::abs(p[0] - backward[0]) < 1e-5f);
        QVERIFY(std::abs(p[0] - forward[0]) > 1e-6f); // the order matters to this model
        QVERIFY(predictor.classify("x").memberProbabilities.empty()); // one model, no members
    }

    void aForwardBundleFromBeforeDirectionsLoadsForward() {
        const fs::path dir = root() / "old";
        test::writeClassifierBundle(dir);
        // config.json without "direction", as bundles were saved before backward models existed
        nlohmann::json config;
        std::ifstream(dir / "config.json") >> config;
        QCOMPARE(config.at("direction"), "fwd");
        config.erase("direction");
        std::ofstream(dir / "config.json") << config.dump(2);
        QCOMPARE(loadClassifierBundle(dir).direction, Direction::Forward);
    }

    void anEnsembleAveragesItsMembers() {
        const fs::path run = root() / "run";
        test::writeClassifierBundle(run / "fwd" / "classifier", 1);
        writeBackwardClassifier(run / "bwd" / "classifier", 2);
        saveEnsembleBundle(run / "classifier", {run / "fwd" / "classifier", run / "bwd" / "classifier"});
        QVERIFY(isEnsembleFolder(run / "classifier"));
        Predictor forward(run / "fwd" / "classifier"), backward(run / "bwd" / "classifier");
        Predictor ensemble(run); // the run folder names its classifier/: the ensemble
        QCOMPARE(ensemble.memberCount(), std::size_t(2));
        QCOMPARE(ensemble.memberNames(), (std::vector<std::string>{"fwd", "bwd"}));
        const std::vector<std::string> texts{"It was bad!", "great", "The movie was great and I liked it."};
        const auto both = ensemble.classifyMany(texts);
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const auto f = forward.classify(texts[i]).probabilities;
            const auto b = backward.classify(texts[i]).probabilities;
            for (int c = 0; c < 2; ++c) {
                QVERIFY(std::abs(both[i].probabilities[c] - (f[c] + b[c]) / 2) < 1e-5f);
                QVERIFY(std::abs(both[i].memberProbabilities[0][c] - f[c]) < 1e-5f);
                QVERIFY(std::abs(both[i].memberProbabilities[1][c] - b[c]) < 1e-5f);
            }
        }
        // The run folder moves as a whole: members are named relative to the ensemble.
        fs::rename(run, root() / "moved");
        QCOMPARE(Predictor(root() / "moved" / "classifier").memberCount(), std::size_t(2));
        try {
            loadClassifierBundle(root() / "moved" / "classifier");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("is an ensemble of classifiers") != std::string::npos, e.what());
        }
    }

    void evaluationReportsEachMemberAndTheEnsemble() {
        const fs::path run = root() / "eval";
        test::writeClassifierBundle(run / "fwd" / "classifier", 1);
        writeBackwardClassifier(run / "bwd" / "classifier", 2);
        saveEnsembleBundle(run / "classifier", {run / "fwd" / "classifier", run / "bwd" / "classifier"});
        Predictor ensemble(run / "classifier");
        std::vector<std::vector<int32_t>> docs;
        for (const char* text : {"It was bad!", "great", "I liked this movie", "terrible film"})
            docs.push_back(ensemble.numericalize(text));
        const auto members = ensemble.memberProbabilities(docs);
        const auto mean = ensemble.probabilities(docs);
        const std::vector<int> targets{0, 1, 1, 0};
        const auto own = evaluatePredictions(members[1], targets, ensemble.labels());
        QCOMPARE(members.size(), std::size_t(2));
        for (std::size_t d = 0; d < docs.size(); ++d)
            QVERIFY(std::abs(mean[d][1] - (members[0][d][1] + members[1][d][1]) / 2) < 1e-6f);
        (void)own;
        const std::string text = formatEvaluation([&] {
            EvaluationResult r = evaluatePredictions(mean, targets, ensemble.labels());
            r.members = {{"fwd", 0.5, 0.7}, {"bwd", own.accuracy, own.loss}};
            return r;
        }());
        QVERIFY2(text.find("bwd accuracy:") != std::string::npos, text.c_str());
        QVERIFY(text.find("ensemble accuracy:") != std::string::npos);
    }

    void mismatchedMembersAreRefused() {
        const fs::path run = root() / "mismatch";
        test::writeClassifierBundle(run / "fwd" / "classifier", 1);
        torch::manual_seed(2);
        auto other = test::tinyClassifier();
        auto vocab = test::tinyVocab();
        vocab.back() = "different";
        saveClassifierBundle(run / "bwd" / "classifier", other, vocab, {"neg", "pos"}, Direction::Backward);
        saveEnsembleBundle(run / "classifier", {run / "fwd" / "classifier", run / "bwd" / "classifier"});
        try {
            Predictor predictor(run / "classifier");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("different vocabularies") != std::string::npos, e.what());
        }
        fs::remove_all(run / "bwd");
        try {
            Predictor predictor(run / "classifier");
            QFAIL("expected an error");
        } catch (const Error& e) {
            QVERIFY2(std::string(e.what()).find("names a member that is not there") != std::string::npos, e.what());
        }
    }

    void aBackwardExplanationComesInTheTextsOrder() {
        const fs::path dir = root() / "explain";
        writeBackwardClassifier(dir, 5);
        Explainer explainer(dir);
        const std::string text = "I liked this movie, it was great.";
        const Attribution a = explainer.explain(text, {});
        QVERIFY(!a.tokens.empty());
        QCOMPARE(a.tokens.front().token, std::string("xxbos"));
        for (const auto& t : a.tokens)
            if (t.length > 0)
                QCOMPARE(text.substr(t.start, t.length).front(), t.token == "xxmaj" ? 'I' : text[t.start]);
        QVERIFY(text.substr(a.tokens.back().start, a.tokens.back().length) == ".");
        QVERIFY2(a.completenessError < 0.05, qPrintable(QString::number(a.completenessError)));
    }

    void aBackwardLanguageModelWritesWhatComesBefore() {
        const fs::path dir = root() / "lm-bwd";
        torch::manual_seed(4);
        LanguageModel lm(test::tinyConfig(false));
        saveLanguageModelBundle(dir, lm, test::tinyVocab(), Direction::Backward);
        QCOMPARE(loadLanguageModelBundle(dir).direction, Direction::Backward);
        TextGenerator generator(dir);
        GenerationOptions options;
        options.nWords = 5;
        const auto tokens = generator.generateTokens("it was great", options).front();
        QCOMPARE(tokens.size(), std::size_t(5 + 3)); // 5 sampled, then the prompt without xxbos
        QCOMPARE(std::vector<std::string>(tokens.end() - 3, tokens.end()),
                 (std::vector<std::string>{"it", "was", "great"}));
        const auto texts = generator.generate("it was great", 5);
        QVERIFY2(QString::fromStdString(texts.front()).endsWith(QStringLiteral("it was great")), texts.front().c_str());
    }

  private:
    fs::path root() const { return fs::path(m_tmp.path().toStdString()); }
    QTemporaryDir m_tmp;
};

QTEST_APPLESS_MAIN(BidirectionalTest)
#include "BidirectionalTest.moc"
