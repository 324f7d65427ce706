#include "model/ParameterGroups.h"
#include "TinyModel.h"

#include <QtTest/QtTest>

#include <set>

using namespace ulmfit;
using test::tinyConfig;
using test::tinyOptions;

namespace {

std::vector<bool> trainableGroups(const ParameterGroups& split) {
    std::vector<bool> result;
    for (const auto& group : split.groups) {
        bool all = true;
        for (const auto& p : group)
            all = all && p.requires_grad();
        result.push_back(all);
    }
    return result;
}

bool allBatchNormTrainable(const ParameterGroups& split) {
    for (const auto& p : split.batchNorm)
        if (!p.requires_grad())
            return false;
    return !split.batchNorm.empty();
}

} // namespace

class ParameterGroupsTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void languageModelSplit() {
        LanguageModel lm(tinyConfig());
        auto split = splitParameters(lm);
        QCOMPARE(split.size(), size_t(4)); // three LSTMs, then embedding + decoder
        for (int l = 0; l < 3; ++l)
            QCOMPARE(split.groups[l].size(), size_t(4)); // w_ih, b_ih, b_hh, w_hh raw
        QCOMPARE(split.groups[3].size(), size_t(2));     // tied weight once + decoder bias
        QCOMPARE(split.groups[3][0].data_ptr(), lm->encoder->encoder->weight.data_ptr());
        QCOMPARE(split.all().size(), lm->parameters().size()); // every parameter exactly once
        QVERIFY(split.batchNorm.empty());
    }

    void languageModelFreeze() {
        LanguageModel lm(tinyConfig());
        freeze(lm);
        QCOMPARE(trainableGroups(splitParameters(lm)), (std::vector<bool>{false, false, false, true}));
        QCOMPARE(trainableParameterCount(*lm), int64_t(30 * 8 + 30));
        unfreeze(lm);
        QCOMPARE(trainableParameterCount(*lm), parameterCount(*lm));
    }

    void classifierSplit() {
        TextClassifier model(tinyConfig(30, true), tinyOptions());
        auto split = splitParameters(model);
        QCOMPARE(split.size(), size_t(5)); // embedding, three LSTMs, head
        QCOMPARE(split.groups[0].size(), size_t(1));
        QCOMPARE(split.groups[0][0].data_ptr(), model->awdLstm()->encoder->weight.data_ptr());
        QCOMPARE(split.groups[4].size(), size_t(6)); // 2 x (BN weight, BN bias, Linear weight)
        QCOMPARE(split.batchNorm.size(), size_t(4));
        QCOMPARE(split.all().size(), model->parameters().size());
    }

    void classifierGradualUnfreezing() {
        TextClassifier model(tinyConfig(30, true), tinyOptions());
        auto split = splitParameters(model);
        freeze(model);
        QCOMPARE(trainableGroups(split), (std::vector<bool>{false, false, false, false, true}));
        freezeTo(model, -2);
        QCOMPARE(trainableGroups(split), (std::vector<bool>{false, false, false, true, true}));
        freezeTo(model, -3);
        QCOMPARE(trainableGroups(split), (std::vector<bool>{false, false, true, true, true}));
        unfreeze(model);
        QCOMPARE(trainableGroups(split), (std::vector<bool>{true, true, true, true, true}));
    }

    void batchNormStaysTrainableWhenFrozen() {
        TextClassifier model(tinyConfig(30, true), tinyOptions());
        auto split = splitParameters(model);
        freezeTo(model, 100); // everything frozen...
        QCOMPARE(trainableGroups(split), (std::vector<bool>(5, false)));
        QVERIFY(allBatchNormTrainable(split)); // ...except BatchNorm (fastai train_bn)
        QCOMPARE(trainableParameterCount(*model), int64_t(2 * (24 + 6)));
    }

    // fastai's norm_bias_params: weight decay skips norm layers and modules' `bias`, not the LSTM's.
    void weightDecaySkipsNormsAndBiasesButNotTheLstmBiases() {
        const auto names = [](const torch::nn::Module& model) {
            std::set<std::string> skipped;
            const auto none = normAndBiasParameters(model);
            for (const auto& p : model.named_parameters())
                for (const auto& n : none)
                    if (p.value().is_same(n))
                        skipped.insert(p.key());
            return skipped;
        };
        LanguageModel lm(tinyConfig());
        QCOMPARE(names(*lm), (std::set<std::string>{"decoder.bias"}));
        TextClassifier classifier(tinyConfig(30, true), tinyOptions());
        const auto skipped = names(*classifier);
        QVERIFY(!skipped.empty());
        for (const auto& name : skipped)
            QVERIFY2(name.rfind("head.", 0) == 0, name.c_str()); // BatchNorm and Linear biases of the head
        for (const auto& p : classifier->named_parameters())
            if (p.key().find("bias_ih") != std::string::npos || p.key().find("bias_hh") != std::string::npos)
                QVERIFY2(!skipped.count(p.key()), p.key().c_str());
    }
};

QTEST_APPLESS_MAIN(ParameterGroupsTest)
#include "ParameterGroupsTest.moc"
