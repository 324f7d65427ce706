// Word attributions on a tiny classifier trained here (CPU, fixed seed): Integrated Gradients'
// completeness, zeros for tokens the classifier does not pool, the same prediction as the
// Predictor, spans, determinism, fastai's attention scaling, and the HTML page.
#include "infer/Explainer.h"
#include "TinyBundles.h"
#include "infer/AttributionHtml.h"
#include "infer/Predictor.h"

#include "core/Error.h"
#include "data/text/Tokenizer.h"

#include <ATen/ATen.h>
#include <QTemporaryDir>
#include <QtTest/QtTest>
#include <torch/nn/functional/loss.h>
#include <torch/optim/adam.h>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {

const std::vector<std::pair<std::string, int64_t>> kTraining{
    {"great movie", 1}, {"I liked this film", 1}, {"it was great !", 1}, {"a great , great film", 1},
    {"bad movie", 0},   {"terrible film", 0},     {"it was bad .", 0},   {"a terrible , bad movie", 0}};

// Longer than the tiny classifier's max_len (12 tokens, seq_len 4): its first chunks are not pooled.
const std::string kLong =
    "The movie was bad and terrible, the film was bad. I liked this movie, it was great and "
    "the film was great!";

torch::Tensor frontPadded(const std::vector<std::vector<int32_t>>& docs) {
    size_t longest = 0;
    for (const auto& d : docs)
        longest = std::max(longest, d.size());
    auto batch = torch::full({int64_t(docs.size()), int64_t(longest)}, int64_t(Vocab::kPadId), at::kLong);
    for (size_t r = 0; r < docs.size(); ++r)
        for (size_t t = 0; t < docs[r].size(); ++t)
            batch[int64_t(r)][int64_t(longest - docs[r].size() + t)] = docs[r][t];
    return batch;
}

/// Trains the tiny classifier on kTraining until it separates the two classes, then saves it.
void writeTrainedBundle(const fs::path& dir) {
    torch::manual_seed(3);
    auto model = test::tinyClassifier();
    const Vocab vocab(test::tinyVocab());
    std::vector<std::vector<int32_t>> docs;
    std::vector<int64_t> labels;
    for (const auto& [text, label] : kTraining) {
        docs.push_back(vocab.encode(text::Tokenizer().tokenize(text)));
        labels.push_back(label);
    }
    const auto input = frontPadded(docs);
    const auto target = torch::tensor(labels, at::kLong);
    torch::optim::Adam adam(model->parameters(), torch::optim::AdamOptions(2e-2));
    model->train();
    for (int step = 0; step < 150; ++step) {
        adam.zero_grad();
        torch::nn::functional::cross_entropy(model(input), target).backward();
        adam.step();
    }
    saveClassifierBundle(dir, model, test::tinyVocab(), {"neg", "pos"});
}

std::vector<float> scores(const Attribution& a) {
    std::vector<float> out;
    for (const auto& t : a.tokens)
        out.push_back(t.score);
    return out;
}

} // namespace

class ExplainerTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_tmp.isValid());
        m_dir = fs::path(m_tmp.path().toStdString()) / "clas";
        writeTrainedBundle(m_dir);
        Predictor predictor(m_dir);
        QCOMPARE(predictor.classify("great movie").label, std::string("pos")); // it did learn
        QCOMPARE(predictor.classify("terrible film").label, std::string("neg"));
    }

    void integratedGradientsAddUpToTheLogitDifference() {
        Explainer explainer(m_dir);
        const std::vector<std::string> texts{"great movie", "a terrible , bad film",
                                             "I liked this movie, it was great!", kLong};
        int substantial = 0; // cases whose logit moved enough for the 1 % to mean something
        for (const std::string& text : texts) {
            for (int target : {-1, 0, 1}) {
                // The midpoint rule converges slowly across the ReLU and max-pool kinks: 32 steps
                // (the default) come within about 1.5 % here, 128 within 1 %.
                ExplainOptions options;
                options.target = target;
                options.steps = 128;
                const auto a = explainer.explain(text, options);
                options.steps = 32;
                QVERIFY(explainer.explain(text, options).completenessError < 0.05);
                double sum = 0;
                for (const auto& t : a.tokens)
                    sum += t.score;
                QVERIFY(std::abs(sum - a.attributionSum) < 1e-4);
                const double difference = a.targetLogit - a.baselineLogit;
                const double gap = std::abs(a.attributionSum - difference);
                QVERIFY(std::abs(a.completenessError - gap / std::max(std::abs(difference), 1e-6)) < 1e-6);
                // Within 1 % of the logit difference (and 1e-4 absolute, for differences near 0).
                QVERIFY2(gap <= 0.01 * std::abs(difference) + 1e-4,
                         qPrintable(QString("%1 (target %2): error %3 (sum %4, difference %5)")
                                        .arg(QString::fromStdString(text))
                                        .arg(target)
                                        .arg(a.completenessError)
                                        .arg(a.attributionSum)
                                        .arg(difference)));
                substantial += std::abs(difference) > 0.5;
                QCOMPARE(a.target, target < 0 ? a.predicted : target);
                QCOMPARE(a.steps, 128);
            }
        }
        QVERIFY2(substantial >= 8, qPrintable(QString::number(substantial)));
    }

    void predictionIsThePredictors() {
        Explainer explainer(m_dir);
        Predictor predictor(m_dir);
        for (const std::string& text : std::vector<std::string>{"great movie", "it was bad .", kLong}) {
            const auto expected = predictor.classify(text);
            for (auto method : {AttributionMethod::IntegratedGradients, AttributionMethod::Attention}) {
                ExplainOptions options;
                options.method = method;
                const auto a = explainer.explain(text, options);
                QCOMPARE(a.predicted, expected.index);
                for (size_t c = 0; c < 2; ++c)
                    QVERIFY(std::abs(a.probabilities[c] - expected.probabilities[c]) < 1e-5f);
            }
        }
    }

    void tokensThatAreNotPooledScoreExactlyZero() {
        Explainer explainer(m_dir);
        const size_t count = text::Tokenizer().tokenize(kLong).size();
        QVERIFY(count > 12 + 4);
        // SentenceEncoder: chunks of 4 from the start; those starting before count - 12 are not pooled.
        const size_t firstPooled = (count - 12 + 3) / 4 * 4;
        for (auto method : {AttributionMethod::IntegratedGradients, AttributionMethod::Attention}) {
            ExplainOptions options;
            options.method = method;
            const auto a = explainer.explain(kLong, options);
            QCOMPARE(a.tokens.size(), count);
            bool anyNonZero = false;
            for (size_t i = 0; i < count; ++i) {
                QCOMPARE(a.tokens[i].pooled, i >= firstPooled);
                if (i < firstPooled)
                    QCOMPARE(a.tokens[i].score, 0.f);
                else
                    anyNonZero = anyNonZero || a.tokens[i].score != 0.f;
            }
            QVERIFY(anyNonZero);
        }
    }

    void repeatedCallsGiveTheSameScores() {
        Explainer explainer(m_dir);
        for (auto method : {AttributionMethod::IntegratedGradients, AttributionMethod::Attention}) {
            ExplainOptions options;
            options.method = method;
            const auto first = explainer.explain(kLong, options);
            explainer.explain("great movie", options);
            QCOMPARE(scores(explainer.explain(kLong, options)), scores(first));
        }
        Predictor predictor(m_dir);
        Explainer shared(predictor); // shares the predictor's model: same scores
        QCOMPARE(scores(shared.explain(kLong)), scores(explainer.explain(kLong)));
    }

    void stepsSplitOverPassesGiveTheSameScores() {
        Explainer explainer(m_dir);
        ExplainOptions split;
        split.stepsPerPass = 5;
        const auto a = scores(explainer.explain(kLong)), b = scores(explainer.explain(kLong, split));
        QCOMPARE(a.size(), b.size());
        for (size_t i = 0; i < a.size(); ++i)
            QVERIFY(std::abs(a[i] - b[i]) < 1e-5f);
    }

    void attentionIsFastaisScaling() {
        Explainer explainer(m_dir);
        ExplainOptions options;
        options.method = AttributionMethod::Attention;
        const auto a = explainer.explain("I liked this movie, it was great!", options);
        float top = 0;
        for (const auto& t : a.tokens) {
            QVERIFY(t.score >= 0.f && t.score <= 1.f);
            top = std::max(top, t.score);
        }
        QCOMPARE(top, 1.f);
        QCOMPARE(a.steps, 0);
    }

    void tokensCarryTheirSpans() {
        Explainer explainer(m_dir);
        const std::string text = "Great movie!!!<br />BAD film";
        const auto a = explainer.explain(text);
        QStringList pieces;
        for (const auto& t : a.tokens)
            pieces << QString::fromStdString(t.token + "=" + text.substr(t.start, t.length));
        QVERIFY2(pieces.contains("xxmaj=Great") && pieces.contains("great=Great"),
                 qPrintable(pieces.join('|')));
        QVERIFY2(pieces.contains("xxrep=!!!") && pieces.contains("\n=<br />"), qPrintable(pieces.join('|')));
        QVERIFY2(pieces.contains("xxup=BAD") && pieces.contains("bad=BAD"), qPrintable(pieces.join('|')));
    }

    void badRequestsAreClearErrors() {
        Explainer explainer(m_dir);
        QCOMPARE(explainer.labelIndex("pos"), 1);
        QVERIFY_THROWS_EXCEPTION(Error, explainer.labelIndex("positive"));
        ExplainOptions options;
        options.target = 2;
        QVERIFY_THROWS_EXCEPTION(Error, explainer.explain("great", options));
        options.target = -1;
        options.steps = 0;
        QVERIFY_THROWS_EXCEPTION(Error, explainer.explain("great", options));
        QVERIFY_THROWS_EXCEPTION(Error, parseAttributionMethod("lime"));
    }

    void htmlColoursWordsWithTooltipsAndALegend() {
        Explainer explainer(m_dir);
        const auto a = explainer.explain("Great movie & a <bad> film");
        const auto words = attributedWords(a);
        QCOMPARE(words.front().tokens.size(), size_t(2)); // xxmaj + great
        QCOMPARE(words.front().score,
                 a.tokens[words.front().tokens[0]].score + a.tokens[words.front().tokens[1]].score);
        const QString html = QString::fromStdString(attributionHtml({a}));
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QCOMPARE(html.count("<span class=\"w\""), qsizetype(words.size()));
        QVERIFY(html.contains("title=\"xxmaj "));
        QVERIFY(html.contains("class=\"legend\""));
        QVERIFY(html.contains("toward neg") && html.contains("toward pos"));
        QVERIFY(html.contains("&lt;") && !html.contains("<bad>")); // the text is escaped
        QVERIFY(html.contains("completeness error"));
        QVERIFY(html.contains("background:#"));
        const fs::path file = fs::path(m_tmp.path().toStdString()) / "a.html";
        writeAttributionHtml(file, {a});
        QVERIFY(fs::file_size(file) == attributionHtml({a}).size());
    }

  private:
    QTemporaryDir m_tmp;
    fs::path m_dir;
};

QTEST_APPLESS_MAIN(ExplainerTest)
#include "ExplainerTest.moc"
