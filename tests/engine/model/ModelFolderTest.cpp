// One way to name a model: a bundle folder, or a training run's output folder (its classifier/ or
// lm/), with errors that say what to do.
#include "core/Error.h"
#include "model/ModelFolder.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace ulmfit;
namespace fs = std::filesystem;

namespace {
void touch(const fs::path& file) {
    fs::create_directories(file.parent_path());
    std::ofstream(file) << "{}";
}

std::string errorOf(const fs::path& dir, ModelKind kind) {
    try {
        resolveModelFolder(dir, kind);
    } catch (const Error& e) {
        return e.what();
    }
    return {};
}
} // namespace

class ModelFolderTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aBundleNamesItself() {
        QTemporaryDir dir;
        const fs::path bundle = dir.filePath("bundle").toStdString();
        touch(bundle / "config.json");
        QCOMPARE(resolveModelFolder(bundle, ModelKind::Classifier), bundle);
        QCOMPARE(resolveModelFolder(bundle, ModelKind::LanguageModel), bundle); // loading checks the kind
    }

    void aRunNamesItsClassifierAndLanguageModel() {
        QTemporaryDir dir;
        const fs::path run = dir.path().toStdString();
        touch(run / "classifier" / "config.json");
        touch(run / "lm" / "config.json");
        QCOMPARE(resolveModelFolder(run, ModelKind::Classifier), run / "classifier");
        QCOMPARE(resolveModelFolder(run, ModelKind::LanguageModel), run / "lm");
        const RunModels fromRun = resolveRunModels(run);
        QCOMPARE(fromRun.classifier, run / "classifier");
        QVERIFY(fromRun.languageModel && *fromRun.languageModel == run / "lm");
        // Picking the classifier folder, or a file inside it, finds the run's language model too.
        const RunModels fromFile = resolveRunModels(run / "classifier" / "config.json");
        QCOMPARE(fromFile.classifier, run / "classifier");
        QVERIFY(fromFile.languageModel && *fromFile.languageModel == run / "lm");
    }

    void aRunWithoutItsLanguageModelStillClassifies() {
        QTemporaryDir dir;
        const fs::path run = dir.path().toStdString();
        touch(run / "classifier" / "config.json");
        QVERIFY(!resolveRunModels(run).languageModel);
    }

    void errorsSayWhatToDo() {
        QTemporaryDir dir;
        const fs::path root = dir.path().toStdString();
        QVERIFY(errorOf(root / "missing", ModelKind::Classifier).find("model folder not found") == 0);
        touch(root / "run" / "classifier" / "config.json");
        const std::string file = errorOf(root / "run" / "classifier" / "config.json", ModelKind::Classifier);
        QVERIFY2(file.find("is a file, not a model folder") != std::string::npos &&
                     file.find((root / "run" / "classifier").string()) != std::string::npos,
                 file.c_str());
        fs::create_directories(root / "empty");
        QVERIFY(errorOf(root / "empty", ModelKind::Classifier).find("neither a saved classifier") != std::string::npos);
        touch(root / "stopped" / "recipe.json");
        touch(root / "stopped" / "lm" / "config.json");
        const std::string stopped = errorOf(root / "stopped", ModelKind::Classifier);
        QVERIFY2(stopped.find("has not saved its classifier yet") != std::string::npos &&
                     stopped.find("ulmfit train --resume --out") != std::string::npos,
                 stopped.c_str());
        QCOMPARE(resolveModelFolder(root / "stopped", ModelKind::LanguageModel), root / "stopped" / "lm");
    }
};

QTEST_APPLESS_MAIN(ModelFolderTest)
#include "ModelFolderTest.moc"
