#include "model/Checkpoint.h"
#include "TinyModel.h"
#include "core/Error.h"
#include "model/ModelBundle.h"

#include <nlohmann/json.hpp>

#include <QTemporaryDir>
#include <QtTest/QtTest>

#include <fstream>

using namespace ulmfit;
using test::randomTokens;
using test::tinyConfig;
using test::tinyOptions;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> tokens(int64_t n) {
    std::vector<std::string> vocab{"xxunk", "xxpad", "xxbos"};
    while (static_cast<int64_t>(vocab.size()) < n)
        vocab.push_back("w" + std::to_string(vocab.size()));
    return vocab;
}

template <typename F> QString errorOf(F&& f) {
    try {
        f();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

} // namespace

class CheckpointTest : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void init() { torch::manual_seed(5); }

    void languageModelRoundTrip() {
        QTemporaryDir dir;
        const fs::path path = dir.filePath("lm.pt").toStdString();
        LanguageModel saved(tinyConfig());
        saveLanguageModel(saved, path);
        LanguageModel loaded(tinyConfig());
        loadLanguageModel(loaded, path);
        saved->eval();
        loaded->eval();
        auto x = randomTokens(2, 9);
        QVERIFY(torch::equal(saved(x).logits, loaded(x).logits));
        // Still tied after loading.
        QCOMPARE(loaded->decoder->weight().data_ptr(), loaded->encoder->encoder->weight.data_ptr());
    }

    void encoderMovesFromLanguageModelToClassifier() {
        QTemporaryDir dir;
        const fs::path path = dir.filePath("encoder.pt").toStdString();
        LanguageModel lm(tinyConfig());
        saveEncoder(lm->encoder, path);
        TextClassifier classifier(tinyConfig(30, true), tinyOptions());
        loadEncoder(classifier->awdLstm(), path);
        auto lmParams = lm->encoder->named_parameters();
        for (const auto& item : classifier->awdLstm()->named_parameters())
            QVERIFY(torch::equal(item.value(), lmParams[item.key()]));
    }

    void encoderVocabularyMismatchIsExplained() {
        QTemporaryDir dir;
        const fs::path path = dir.filePath("encoder.pt").toStdString();
        saveEncoder(LanguageModel(tinyConfig(40))->encoder, path);
        TextClassifier classifier(tinyConfig(30, true), tinyOptions());
        const auto message = errorOf([&] { loadEncoder(classifier->awdLstm(), path); });
        QVERIFY2(message.contains("vocabulary of 40 tokens but this model has 30"), qPrintable(message));
    }

    void wrongKindAndMissingFileAreErrors() {
        QTemporaryDir dir;
        const fs::path path = dir.filePath("lm.pt").toStdString();
        saveLanguageModel(LanguageModel(tinyConfig()), path);
        AwdLstm encoder(tinyConfig());
        QVERIFY(errorOf([&] { loadEncoder(encoder, path); }).contains("language_model weights, not encoder"));
        QVERIFY(errorOf([&] { loadEncoder(encoder, path.string() + ".missing"); }).contains("not found"));
    }

    void classifierBundleRoundTrip() {
        QTemporaryDir dir;
        const fs::path folder = fs::path(dir.path().toStdString()) / "model";
        TextClassifier model(tinyConfig(30, true), tinyOptions());
        saveClassifierBundle(folder, model, tokens(30), {"neg", "pos", "meh"});
        QVERIFY(fs::exists(folder / "model.pt") && fs::exists(folder / "vocab.txt") &&
                fs::exists(folder / "config.json"));
        auto loaded = loadClassifierBundle(folder);
        QCOMPARE(loaded.labels, (std::vector<std::string>{"neg", "pos", "meh"}));
        QCOMPARE(loaded.vocab, tokens(30));
        QCOMPARE(loaded.model->options().seqLen, int64_t(5));
        QVERIFY(!loaded.model->is_training());
        model->eval();
        auto x = randomTokens(3, 11);
        QVERIFY(torch::equal(model(x), loaded.model(x)));
    }

    void bundleErrorsAreOneClearLine() {
        QTemporaryDir dir;
        const fs::path folder = fs::path(dir.path().toStdString()) / "model";
        QVERIFY(errorOf([&] { loadClassifierBundle(folder); }).startsWith("model folder not found"));
        saveClassifierBundle(folder, TextClassifier(tinyConfig(30, true), tinyOptions()), tokens(30),
                             {"a", "b", "c"});
        writeVocabFile(folder / "vocab.txt", tokens(25));
        QCOMPARE(errorOf([&] { loadClassifierBundle(folder); }).section(" (", 0, 0),
                 QString("model was trained with a vocabulary of 30 tokens but vocab.txt has 25"));
        std::ofstream(folder / "config.json") << R"({"kind": 5, "model": {}})"; // found by BundleConfigFuzz
        QVERIFY(errorOf([&] { loadClassifierBundle(folder); }).contains("is not a model config"));
        std::ofstream(folder / "config.json") << "{ not json";
        QVERIFY(errorOf([&] { loadClassifierBundle(folder); }).contains("is not valid JSON"));
        QVERIFY(errorOf([&] { loadLanguageModelBundle(folder); }).contains("not valid JSON"));
    }

    // Found by the fuzzers: a weight file whose entries LibTorch cannot parse (CheckpointFuzz), and a
    // config.json whose sizes or dropouts LibTorch's layers would refuse (BundleConfigFuzz).
    // CheckpointFuzz (session 9): one character changed in a module declaration (`__buffers__` ->
    // `__buffer_s_`) crashed LibTorch's TorchScript compiler inside load_from with a SEGV. The
    // declarations are checked first now. The archive is stored uncompressed, and LibTorch does not
    // check the CRC, so a same-length edit of the bytes is what a corrupted file would hold.
    void corruptDeclarationsAreRefusedBeforeLibTorchReadsThem_data() {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::newRow("class constant (the fuzzer's crash)") << QByteArray("__buffers__ = []") << QByteArray("__buffer_s_ = []");
        QTest::newRow("unknown type") << QByteArray(" : Tensor") << QByteArray(" : Tensxr");
        QTest::newRow("statement") << QByteArray("class Module(Module):") << QByteArray("import os; os.exit(1)");
    }

    void corruptDeclarationsAreRefusedBeforeLibTorchReadsThem() {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lm.pt"));
        saveLanguageModel(LanguageModel(tinyConfig()), path.toStdString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        const qsizetype at = bytes.indexOf(from);
        QVERIFY2(at >= 0 && from.size() == to.size(), from.constData());
        bytes.replace(at, from.size(), to);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(bytes);
        file.close();
        LanguageModel lm(tinyConfig());
        const QString error = errorOf([&] { loadLanguageModel(lm, path.toStdString()); });
        QVERIFY2(error.contains(QStringLiteral("is not a readable weight file")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    void fuzzerFindingsAreOneClearLine() {
        LanguageModel lm(tinyConfig());
        const std::string bad = ULMFIT_FIXTURES_DIR "/fuzz/checkpoint-bad-entry.pt";
        const QString error = errorOf([&] { loadLanguageModel(lm, bad); });
        QVERIFY2(error.startsWith(QString::fromStdString(bad) + " is not") && !error.contains('\n'), qPrintable(error));
        QVERIFY(errorOf([] { nlohmann::json{{"lin_ftrs", {50}}, {"lin_ps", {5.1}}}.get<ClassifierOptions>(); })
                    .contains("every lin_ps dropout must be between 0 and 1"));
        QVERIFY(errorOf([] { nlohmann::json{{"lin_ftrs", {0}}, {"lin_ps", {0.1}}}.get<ClassifierOptions>(); })
                    .contains("every lin_ftrs size must be at least 1"));
        QVERIFY(errorOf([] { nlohmann::json{{"vocab_size", 30}, {"weight_p", -0.5}}.get<AwdLstmConfig>(); })
                    .contains("dropout probabilities must be between 0 and 1"));
        QVERIFY(errorOf([] { nlohmann::json{{"vocab_size", 30}, {"pad_token", 30}}.get<AwdLstmConfig>(); })
                    .contains("pad_token"));
    }

    void languageModelBundleRoundTripAndKindCheck() {
        QTemporaryDir dir;
        const fs::path folder = fs::path(dir.path().toStdString()) / "lm";
        LanguageModel lm(tinyConfig());
        saveLanguageModelBundle(folder, lm, tokens(30));
        auto loaded = loadLanguageModelBundle(folder);
        lm->eval();
        auto x = randomTokens(1, 6);
        QVERIFY(torch::equal(lm(x).logits, loaded.model(x).logits));
        QVERIFY(errorOf([&] {
                    loadClassifierBundle(folder);
                }).contains("holds a language model, not a classifier"));
    }

    // One reading of config.json for every caller: the loaders, export-fastai's kind check and
    // the direction note. Wrongly typed fields are a clear error (or the default), never a throw
    // of nlohmann's own exceptions.
    void bundleKindReadsEveryKindAndRefusesBadConfigs() {
        QTemporaryDir dir;
        const fs::path root(dir.path().toStdString());
        saveLanguageModelBundle(root / "lm", LanguageModel(tinyConfig()), tokens(30), Direction::Backward);
        saveClassifierBundle(root / "fwd", TextClassifier(tinyConfig(30, true), tinyOptions()), tokens(30),
                             {"a", "b", "c"});
        fs::copy(root / "fwd", root / "bwd");
        saveEnsembleBundle(root / "ensemble", {root / "fwd", root / "bwd"});
        QCOMPARE(bundleKind(root / "lm"), std::string("language_model"));
        QCOMPARE(bundleKind(root / "fwd"), std::string("classifier"));
        QCOMPARE(bundleKind(root / "ensemble"), std::string("ensemble"));
        QCOMPARE(bundleDirection(root / "lm"), Direction::Backward);
        QVERIFY(errorOf([&] { bundleKind(root / "nowhere"); }).startsWith("model folder not found"));
        QVERIFY(errorOf([&] { bundleKind(root); }).contains("has no config.json"));

        const fs::path config = root / "lm" / "config.json";
        const auto errorWith = [&](const char* json) {
            std::ofstream(config) << json;
            return errorOf([&] { bundleKind(root / "lm"); });
        };
        QVERIFY(errorWith(R"({"kind": "language_model"})").contains("needs \"kind\" and \"model\""));
        QVERIFY(errorWith(R"([1, 2])").contains("is not a model config"));
        QVERIFY(errorWith(R"({"kind": "classifier", "model": {}, "format_version": "1"})")
                    .contains("bad \"format_version\""));
        QVERIFY(errorWith(R"({"kind": "classifier", "model": {}, "format_version": 99})")
                    .contains("saved by a newer ULMFiT Studio"));
        QVERIFY(errorOf([&] { loadLanguageModelBundle(root / "lm"); }).contains("newer ULMFiT Studio"));
        std::ofstream(config) << R"({"kind": "language_model", "model": {}, "direction": 5})";
        QCOMPARE(bundleDirection(root / "lm"), Direction::Forward);
        QVERIFY(!isEnsembleFolder(root / "lm"));
        std::ofstream(config) << R"({"kind": 5, "model": {}})";
        QVERIFY(!isEnsembleFolder(root / "lm"));
    }

    void configJsonRoundTrip() {
        auto config = tinyConfig(77).withDropMult(0.3);
        nlohmann::json json = config;
        auto back = json.get<AwdLstmConfig>();
        QCOMPARE(back.vocabSize, int64_t(77));
        QCOMPARE(back.hiddenSize, int64_t(12));
        QCOMPARE(back.weightP, config.weightP);
        QVERIFY(errorOf([] { nlohmann::json{{"emb_size", 3}}.get<AwdLstmConfig>(); }).contains("vocab_size"));
    }
};

QTEST_APPLESS_MAIN(CheckpointTest)
#include "CheckpointTest.moc"
