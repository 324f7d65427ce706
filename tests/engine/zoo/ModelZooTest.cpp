// ModelZoo against a local HTTP server on 127.0.0.1: fetch, resume, cancel, checks, import, list,
// and hostile archives. The archives are small generated stand-ins for fastai's wt103-fwd.tgz.
#include "ModelArchives.h"
#include "engine/source/TestHttpServer.h"

#include "core/Error.h"
#include "data/source/Downloader.h"
#include "data/source/Sha256.h"
#include "zoo/ModelZoo.h"

#include <QTemporaryDir>
#include <QtTest>
#include <functional>
#include <set>

namespace fs = std::filesystem;
using Mode = TestHttpServer::Mode;
using modelarchives::FakeModel;

namespace {
/// Records the progress tasks; cancels when a given task reports.
class TaskObserver : public ulmfit::Observer {
  public:
    TaskObserver(ulmfit::CancelToken* token = nullptr, std::string cancelOn = {})
        : m_token(token), m_cancelOn(std::move(cancelOn)) {}
    void onProgress(const ulmfit::Progress& p) override {
        tasks.insert(p.task);
        if (m_token && p.task == m_cancelOn && p.done > 0)
            m_token->cancel();
    }
    std::set<std::string> tasks;

  private:
    ulmfit::CancelToken* m_token;
    std::string m_cancelOn;
};

std::string errorOf(const std::function<void()>& work) {
    try {
        work();
    } catch (const ulmfit::Cancelled&) {
        throw;
    } catch (const ulmfit::Error& e) {
        qInfo("%s", e.what());
        return e.what();
    }
    return "no error";
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

std::string makeArchiveBytes(const fs::path& scratch, const FakeModel& model) {
    const fs::path file = scratch / "served.tgz";
    modelarchives::writeModelArchive(file, model);
    return testarchives::readBytes(file);
}
} // namespace

class ModelZooTest : public QObject {
    Q_OBJECT
    QTemporaryDir m_scratch;
    FakeModel m_model;
    std::string m_archive = makeArchiveBytes(m_scratch.path().toStdString(), m_model);
    TestHttpServer m_server{m_archive};
    fs::path m_root;

    fs::path scratch() const { return m_scratch.path().toStdString(); }
    fs::path servedArchive() const { return scratch() / "served.tgz"; }
    ulmfit::ModelFetchOptions fetchOptions() const {
        ulmfit::ModelFetchOptions options;
        options.url = m_server.url("/wt103-fwd.tgz");
        options.check = ulmfit::computeFastaiCheck(servedArchive()); // the test archive's own "listing"
        return options;
    }
    void verifyNothingInstalled(const std::string& name = "wt103-fwd") const {
        QVERIFY(!fs::exists(m_root / name));
        QVERIFY(modelarchives::hiddenEntries(m_root).empty());
    }

  private Q_SLOTS:
    void init() {
        m_root = scratch() / "models";
        fs::remove_all(m_root);
        m_server.setMode(Mode::Normal);
    }

    void catalogueListsFastaisModels() {
        const auto& forward = ulmfit::findPretrainedModel("wt103-fwd");
        QCOMPARE(forward.url, std::string("https://s3.amazonaws.com/fast-ai-modelzoo/wt103-fwd.tgz"));
        QCOMPARE(forward.weightsFile, std::string("lstm_fwd.pth"));
        QCOMPARE(forward.vocabularyFile, std::string("itos_wt103.pkl"));
        QVERIFY(forward.check && forward.check->bytes == 105067061);
        const auto& backward = ulmfit::findPretrainedModel("wt103-bwd");
        QCOMPARE(backward.weightsFile, std::string("lstm_bwd.pth"));
        QVERIFY(backward.check && backward.check->md5FirstMiB == "20b06f5830fd5a891d21044c28d3097f");
        const std::string message = errorOf([] { ulmfit::findPretrainedModel("wt103"); });
        QVERIFY2(contains(message, "known models: wt103-fwd, wt103-bwd"), message.c_str());
    }
    void fastaiCheckHashesTheFirstMiBOnly() {
        const fs::path small = scratch() / "hello.bin";
        testarchives::writeBytes(small, "hello");
        const ulmfit::FastaiCheck check = ulmfit::computeFastaiCheck(small);
        QCOMPARE(check.bytes, std::uintmax_t(5));
        QCOMPARE(check.md5FirstMiB, std::string("5d41402abc4b2a76b9719d911017c592")); // md5("hello")
        const fs::path big = scratch() / "big.bin";
        testarchives::writeBytes(big, std::string(1 << 20, 'a') + "tail past the first MiB");
        QCOMPARE(ulmfit::computeFastaiCheck(big).md5FirstMiB,
                 std::string("7202826a7791073fe2787f0c94603278"));
        QVERIFY(contains(ulmfit::fastaiCheckMismatch({5, check.md5FirstMiB}, big), "not the listed 5 B"));
    }
    void fetchDownloadsChecksAndInstalls() {
        ulmfit::ModelZoo zoo(m_root);
        zoo.setVocabularyCounter(modelarchives::countLines);
        TaskObserver observer;
        const auto result = zoo.fetch("wt103-fwd", fetchOptions(), &observer);
        QVERIFY(result.downloaded && !result.alreadyInstalled);
        const ulmfit::InstalledModel& model = result.model;
        QVERIFY2(model.complete, model.problem.c_str());
        QCOMPARE(model.folder, m_root / "wt103-fwd");
        QVERIFY(testarchives::readBytes(model.weights) == m_model.weights);
        QVERIFY(testarchives::readBytes(model.vocabulary) == m_model.vocabulary);
        QCOMPARE(model.vocabularySize, std::optional<std::size_t>(5));
        QCOMPARE(model.manifest.source, m_server.url("/wt103-fwd.tgz"));
        QVERIFY(contains(model.manifest.verification, "MD5 of the first MiB"));
        QVERIFY(observer.tasks.count("download") && observer.tasks.count("extract"));
        QVERIFY(!fs::exists(zoo.archiveFor("wt103-fwd"))); // installed: the archive is gone
        QVERIFY(modelarchives::hiddenEntries(m_root).empty());

        const auto requests = m_server.ranges().size();
        const auto again = zoo.fetch("wt103-fwd", fetchOptions());
        QVERIFY(again.alreadyInstalled && !again.downloaded);
        QCOMPARE(m_server.ranges().size(), requests);
    }
    void checksumMismatchInstallsNothing() {
        ulmfit::ModelZoo zoo(m_root);
        auto options = fetchOptions();
        options.check.reset(); // fastai's listing for the real 100 MB archive
        const std::string message = errorOf([&] { zoo.fetch("wt103-fwd", options); });
        QVERIFY2(contains(message, "not the listed 105067061 B"), message.c_str());
        verifyNothingInstalled();
        QVERIFY(!fs::exists(zoo.archiveFor("wt103-fwd")));
        QVERIFY(!fs::exists(ulmfit::partialDownloadPath(zoo.archiveFor("wt103-fwd"))));

        options.sha256 = std::string(64, '0');
        const std::string shaMessage = errorOf([&] { zoo.fetch("wt103-fwd", options); });
        QVERIFY2(contains(shaMessage, "SHA-256"), shaMessage.c_str());
        verifyNothingInstalled();
    }
    void sha256ReplacesFastaisCheck() {
        ulmfit::ModelZoo zoo(m_root);
        auto options = fetchOptions();
        options.check.reset();
        options.sha256 = ulmfit::sha256File(servedArchive());
        const auto result = zoo.fetch("wt103-fwd", options);
        QVERIFY(result.model.complete);
        QVERIFY(contains(result.model.manifest.verification, options.sha256));
    }
    void interruptedDownloadResumes() {
        ulmfit::ModelZoo zoo(m_root);
        const std::size_t cut = m_archive.size() / 2;
        m_server.setMode(Mode::DropAfter, cut);
        const std::string message = errorOf([&] { zoo.fetch("wt103-fwd", fetchOptions()); });
        QVERIFY2(contains(message, "run again to resume"), message.c_str());
        verifyNothingInstalled();
        QCOMPARE(fs::file_size(ulmfit::partialDownloadPath(zoo.archiveFor("wt103-fwd"))),
                 std::uintmax_t(cut));

        m_server.setMode(Mode::Normal);
        const auto result = zoo.fetch("wt103-fwd", fetchOptions());
        QCOMPARE(m_server.ranges().back(), "bytes=" + std::to_string(cut) + "-");
        QVERIFY(testarchives::readBytes(result.model.weights) == m_model.weights);
    }
    void cancelDuringDownloadInstallsNothing() {
        ulmfit::ModelZoo zoo(m_root);
        m_server.setMode(Mode::Slow);
        ulmfit::CancelToken token;
        TaskObserver observer(&token, "download");
        QVERIFY_THROWS_EXCEPTION(ulmfit::Cancelled,
                                 zoo.fetch("wt103-fwd", fetchOptions(), &observer, &token));
        verifyNothingInstalled();
        QVERIFY(fs::exists(ulmfit::partialDownloadPath(zoo.archiveFor("wt103-fwd")))); // kept to resume
    }
    void cancelDuringExtractionKeepsTheArchive() {
        ulmfit::ModelZoo zoo(m_root);
        ulmfit::CancelToken token;
        TaskObserver observer(&token, "extract");
        QVERIFY_THROWS_EXCEPTION(ulmfit::Cancelled,
                                 zoo.fetch("wt103-fwd", fetchOptions(), &observer, &token));
        verifyNothingInstalled();
        QVERIFY(fs::exists(zoo.archiveFor("wt103-fwd")));
    }
    void importsAnArchive() {
        ulmfit::ModelZoo zoo(m_root);
        const auto result = zoo.importModel("wt103-fwd", servedArchive());
        QVERIFY(result.model.complete);
        QVERIFY(testarchives::readBytes(result.model.weights) == m_model.weights);
        QCOMPARE(result.model.manifest.source, servedArchive().string());
        QVERIFY(contains(result.model.manifest.verification, "not fastai's published archive"));
        QVERIFY(!result.model.vocabularySize); // no counter set: unknown, not guessed
    }
    void importsAFolderTakingOnlyTheModelFiles() {
        const fs::path folder = scratch() / "users-copy";
        fs::create_directories(folder);
        testarchives::writeBytes(folder / "lstm_bwd.pth", m_model.weights);
        testarchives::writeBytes(folder / "itos_wt103.pkl", m_model.vocabulary);
        testarchives::writeBytes(folder / "notes.txt", "unrelated");
        ulmfit::ModelZoo zoo(m_root);
        TaskObserver observer;
        const auto model = zoo.importModel("wt103-bwd", folder, {}, &observer).model;
        QVERIFY(model.complete);
        QVERIFY(observer.tasks.count("copy"));
        QCOMPARE(model.files.size(), std::size_t(3)); // itos_wt103.pkl, lstm_bwd.pth, model.json
        QCOMPARE(model.files[1].name, std::string("lstm_bwd.pth"));
        QCOMPARE(model.files[1].bytes, std::uintmax_t(m_model.weights.size()));
        QVERIFY(fs::exists(folder / "lstm_bwd.pth")); // the user's copy is left alone
    }
    void takesTheOnlyPthAndPklAsFastaiDoes() {
        const fs::path folder = scratch() / "kaggle-copy";
        fs::create_directories(folder);
        testarchives::writeBytes(folder / "lstm_fwd.pth", m_model.weights);
        testarchives::writeBytes(folder / "datasets_425796_811126_itos_wt103.pkl", m_model.vocabulary);
        const auto model = ulmfit::ModelZoo(m_root).importModel("wt103-fwd", folder).model;
        QVERIFY(model.complete);
        QVERIFY(testarchives::readBytes(m_root / "wt103-fwd" / "itos_wt103.pkl") == m_model.vocabulary);
    }
    void archiveWithoutTheModelFilesIsRefused() {
        const fs::path archive = scratch() / "other.tgz";
        testarchives::writeTarGz(
            archive, {testarchives::file("model/weights.bin", "x"), testarchives::file("model/README", "y")});
        const std::string message =
            errorOf([&] { ulmfit::ModelZoo(m_root).importModel("wt103-fwd", archive); });
        QVERIFY2(contains(message, "no lstm_fwd.pth (the weights) and itos_wt103.pkl (the vocabulary)"),
                 message.c_str());
        QVERIFY2(contains(message, "README, weights.bin"), message.c_str());
        verifyNothingInstalled();
    }
    void folderWithoutVocabularyIsRefused() {
        const fs::path folder = scratch() / "half";
        fs::create_directories(folder);
        testarchives::writeBytes(folder / "lstm_fwd.pth", m_model.weights);
        const std::string message =
            errorOf([&] { ulmfit::ModelZoo(m_root).importModel("wt103-fwd", folder); });
        QVERIFY2(contains(message, "no itos_wt103.pkl (the vocabulary)"), message.c_str());
        verifyNothingInstalled();
    }
    void notAnArchiveIsRefused() {
        const fs::path text = scratch() / "wt103-fwd.tgz.txt";
        testarchives::writeBytes(text, "this is not an archive\n");
        const std::string message = errorOf([&] { ulmfit::ModelZoo(m_root).importModel("wt103-fwd", text); });
        QVERIFY2(contains(message, "not an archive"), message.c_str());
        verifyNothingInstalled();
        const std::string missing =
            errorOf([&] { ulmfit::ModelZoo(m_root).importModel("wt103-fwd", scratch() / "nowhere.tgz"); });
        QVERIFY2(contains(missing, "does not exist"), missing.c_str());
    }
    void hostileArchivesAreRefused() {
        const std::vector<std::vector<testarchives::Entry>> hostile = {
            {testarchives::file("wt103-fwd/../../escaped.pth", "x"),
             testarchives::file("itos_wt103.pkl", "y")},
            {testarchives::symlinkEntry("lstm_fwd.pth", "/etc/passwd"),
             testarchives::file("itos_wt103.pkl", "y")},
            {testarchives::symlinkEntry("lstm_fwd.pth", "../../outside.pth"),
             testarchives::file("itos_wt103.pkl", "y")},
            {testarchives::symlinkEntry("up", ".."), testarchives::file("up/lstm_fwd.pth", "x")},
        };
        for (std::size_t i = 0; i < hostile.size(); ++i) {
            const fs::path archive = scratch() / ("hostile" + std::to_string(i) + ".tgz");
            testarchives::writeTarGz(archive, hostile[i]);
            const std::string message =
                errorOf([&] { ulmfit::ModelZoo(m_root).importModel("wt103-fwd", archive); });
            QVERIFY2(contains(message, "refusing"), message.c_str());
            verifyNothingInstalled();
            QVERIFY(!fs::exists(scratch() / "escaped.pth") &&
                    !fs::exists(m_root.parent_path() / "lstm_fwd.pth"));
        }
    }
    void replaceNeedsForce() {
        ulmfit::ModelZoo zoo(m_root);
        zoo.importModel("wt103-fwd", servedArchive());
        const fs::path folder = scratch() / "newer";
        fs::create_directories(folder);
        testarchives::writeBytes(folder / "lstm_fwd.pth", "newer weights");
        testarchives::writeBytes(folder / "itos_wt103.pkl", "a\n");
        QVERIFY(zoo.importModel("wt103-fwd", folder).alreadyInstalled);
        QVERIFY(testarchives::readBytes(m_root / "wt103-fwd" / "lstm_fwd.pth") == m_model.weights);
        ulmfit::ModelImportOptions replace;
        replace.replace = true;
        const auto result = zoo.importModel("wt103-fwd", folder, replace);
        QVERIFY(testarchives::readBytes(result.model.weights) == "newer weights");
        QVERIFY(modelarchives::hiddenEntries(m_root).empty());
    }
    void incompleteFolderIsReportedNotOverwritten() {
        fs::create_directories(m_root / "wt103-fwd");
        testarchives::writeBytes(m_root / "wt103-fwd" / "lstm_fwd.pth", "half");
        ulmfit::ModelZoo zoo(m_root);
        const auto found = zoo.installed("wt103-fwd");
        QVERIFY(found && !found->complete);
        QVERIFY(contains(found->problem, "model.json"));
        const std::string message = errorOf([&] { zoo.fetch("wt103-fwd", fetchOptions()); });
        QVERIFY2(contains(message, "not a complete installation") && contains(message, "--force"),
                 message.c_str());
        QVERIFY(testarchives::readBytes(m_root / "wt103-fwd" / "lstm_fwd.pth") == "half");
    }
    void requireSaysHowToGetAMissingModel() {
        ulmfit::ModelZoo zoo(m_root);
        const std::string missing = errorOf([&] { zoo.require("wt103-bwd"); });
        QVERIFY2(contains(missing, "not installed") && contains(missing, "ulmfit models fetch wt103-bwd"),
                 missing.c_str());
        zoo.importModel("wt103-fwd", servedArchive());
        fs::remove(m_root / "wt103-fwd" / "itos_wt103.pkl");
        const std::string broken = errorOf([&] { zoo.require("wt103-fwd"); });
        QVERIFY2(contains(broken, "itos_wt103.pkl is missing") && contains(broken, "--force"),
                 broken.c_str());
        ulmfit::ModelImportOptions replace;
        replace.replace = true;
        zoo.importModel("wt103-fwd", servedArchive(), replace);
        QCOMPARE(zoo.require("wt103-fwd").weights, m_root / "wt103-fwd" / "lstm_fwd.pth");
    }
    void listsInstalledModelsWithSizes() {
        ulmfit::ModelZoo zoo(m_root);
        QVERIFY(zoo.installedModels().empty());
        zoo.importModel("wt103-fwd", servedArchive());
        zoo.setVocabularyCounter(modelarchives::countLines);
        zoo.fetch("wt103-bwd", [&] {
            auto options = fetchOptions();
            options.url = m_server.url("/wt103-bwd.tgz");
            return options;
        }());
        fs::create_directories(zoo.archiveFor("x").parent_path()); // archives/ is not a model
        const auto models = zoo.installedModels();
        QCOMPARE(models.size(), std::size_t(2));
        QCOMPARE(models[0].name, std::string("wt103-bwd"));
        QCOMPARE(models[1].name, std::string("wt103-fwd"));
        for (const auto& model : models) {
            QVERIFY(model.complete);
            QCOMPARE(model.bytes, fs::file_size(model.weights) + fs::file_size(model.vocabulary) +
                                      fs::file_size(model.folder / "model.json"));
            QCOMPARE(model.vocabularySize, std::optional<std::size_t>(5)); // bwd: recorded; fwd: counted now
        }
        QVERIFY(!ulmfit::readModelManifest(models[1].folder).vocabularySize);
        QVERIFY(ulmfit::readModelManifest(models[0].folder).vocabularySize == 5u);
    }
    void fetchedArchiveFailingToInstallIsDeleted() {
        // Right size and first MiB, yet not the model: the next run must download again, not reuse it.
        const fs::path archive = scratch() / "empty-model.tgz";
        testarchives::writeTarGz(archive, {testarchives::file("README", "no model here")});
        TestHttpServer server(testarchives::readBytes(archive));
        auto options = fetchOptions();
        options.url = server.url("/wt103-fwd.tgz");
        options.check = ulmfit::computeFastaiCheck(archive);
        ulmfit::ModelZoo zoo(m_root);
        const std::string message = errorOf([&] { zoo.fetch("wt103-fwd", options); });
        QVERIFY2(contains(message, "no lstm_fwd.pth"), message.c_str());
        verifyNothingInstalled();
        QVERIFY(!fs::exists(zoo.archiveFor("wt103-fwd")));
    }
};

QTEST_APPLESS_MAIN(ModelZooTest)
#include "ModelZooTest.moc"
