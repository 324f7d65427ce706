// The wizard's "Start from: WikiText-103" through the real engine: the book preset names fastai's
// model, which is not installed in a fresh data folder, so the wizard cannot go on; a hostile
// vocabulary pickle is refused with a message and installs nothing; a good folder (offline) or a
// download installs it and the page goes on; scratch shows the warning.
#include "Screenshot.h"

#include "app/bridge/PretrainedModelsBridge.h"
#include "app/gui/StudioController.h"
#include "app/gui/TrainController.h"
#include "engine/source/TestHttpServer.h"
#include "recipe/RecipePresets.h"
#include "ui/common/Dialogs.h"
#include "ui/wizard/TrainingWizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QCryptographicHash>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace ulmfit::ui;

namespace {
const QString kFixtures = QStringLiteral(ULMFIT_FIXTURES_DIR "/fastai/");

/// A folder as fastai's ~/.fastai/models/wt103-fwd holds it: weights and vocabulary pickle.
QString modelFolder(const QString& root, const QString& name, const QString& pickle) {
    const QString folder = root + QLatin1Char('/') + name;
    QDir().mkpath(folder);
    QFile::copy(kFixtures + QStringLiteral("lm_zip.pth"), folder + QStringLiteral("/lstm_fwd.pth"));
    QFile::copy(kFixtures + pickle, folder + QStringLiteral("/itos_wt103.pkl"));
    return folder;
}
} // namespace

class PretrainedStartFlowTest : public QObject {
    Q_OBJECT

  private:
    QTemporaryDir m_home;
    std::unique_ptr<StudioController> m_studio;
    QStringList m_messages;
    QString m_chosenPath;

    TrainingWizard* wizardOnLanguageModelPage() {
        TrainingWizard* wizard = m_studio->trainController()->wizard();
        wizard->restart();
        wizard->setRecipe(ulmfit::bookRecipe());
        wizard->setDataPath(m_home.path());
        wizard->show();
        wizard->next();
        return wizard;
    }
    template <typename T> static T* child(QWidget* parent, const char* name) {
        auto* widget = parent->findChild<T*>(QString::fromLatin1(name));
        if (!widget)
            qFatal("no child %s", name);
        return widget;
    }
    QString modelsRoot() const { return m_home.filePath(QStringLiteral("data/models")); }

  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        qputenv("ULMFIT_DATA_DIR", m_home.filePath(QStringLiteral("data")).toUtf8());
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath(QStringLiteral("settings")));
        Dialogs::setMessageResponder([this](Dialogs::Kind, const QString&, const QString& text) {
            m_messages << text;
            return true;
        });
        Dialogs::setPathResponder([this](const QString&) { return m_chosenPath; });
        m_studio = std::make_unique<StudioController>(QStringLiteral("-"));
        m_studio->start();
    }

    void cleanupTestCase() {
        m_studio.reset();
        Dialogs::setMessageResponder({});
        Dialogs::setPathResponder({});
    }

    void bookPresetWaitsForWikiText103() {
        TrainingWizard* wizard = wizardOnLanguageModelPage();
        QCOMPARE(wizard->currentId(), int(TrainingWizard::LanguageModelPageId));
        QCOMPARE(child<QComboBox>(wizard, "lmSourceCombo")->currentIndex(), 0);
        QVERIFY(child<QLabel>(wizard, "pretrainedStatus")->text().contains(QStringLiteral("not installed")));
        QVERIFY(child<QPushButton>(wizard, "pretrainedDownloadButton")->isVisible());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(!child<QSpinBox>(wizard, "embSpin")->isEnabled()); // WikiText-103's sizes
        QCOMPARE(child<QSpinBox>(wizard, "hiddenSpin")->value(), 1152);
        screenshot(QStringLiteral("wizard-start-from"), wizard);
    }

    void aHostilePickleInstallsNothing() {
        TrainingWizard* wizard = wizardOnLanguageModelPage();
        m_chosenPath = modelFolder(m_home.filePath(QStringLiteral("offline-bad")), QStringLiteral("wt103-fwd"),
                                   QStringLiteral("bad_global_p2.pkl"));
        m_messages.clear();
        QTest::mouseClick(child<QPushButton>(wizard, "pretrainedImportButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_messages.isEmpty(), 30000);
        QVERIFY2(m_messages.constFirst().contains(QStringLiteral("pickle")), qPrintable(m_messages.constFirst()));
        QVERIFY(!QFileInfo::exists(modelsRoot() + QStringLiteral("/wt103-fwd")));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    }

    void anOfflineFolderInstallsItAndTheWizardGoesOn() {
        TrainingWizard* wizard = wizardOnLanguageModelPage();
        m_chosenPath = modelFolder(m_home.filePath(QStringLiteral("offline")), QStringLiteral("wt103-fwd"),
                                   QStringLiteral("itos.pkl"));
        m_messages.clear();
        QTest::mouseClick(child<QPushButton>(wizard, "pretrainedImportButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::NextButton)->isEnabled(), 30000);
        QVERIFY2(m_messages.isEmpty(), qPrintable(m_messages.join(QLatin1Char('\n'))));
        const QString status = child<QLabel>(wizard, "pretrainedStatus")->text();
        QVERIFY2(status.contains(QStringLiteral("installed")) && status.contains(QStringLiteral("vocabulary of")),
                 qPrintable(status));
        QVERIFY(!child<QPushButton>(wizard, "pretrainedDownloadButton")->isVisible());
        QVERIFY(QFileInfo::exists(modelsRoot() + QStringLiteral("/wt103-fwd/itos_wt103.pkl")));
        QCOMPARE(wizard->recipe().pretrained, std::string("wt103-fwd"));
        // A wizard opened later sees it installed at once.
        wizard->close();
        QVERIFY(wizardOnLanguageModelPage()->button(QWizard::NextButton)->isEnabled());
    }

    void scratchWarnsWithTheBookStages() {
        TrainingWizard* wizard = wizardOnLanguageModelPage();
        auto* warning = child<QLabel>(wizard, "scratchWarning");
        QVERIFY(warning->isHidden());
        child<QComboBox>(wizard, "lmSourceCombo")->setCurrentIndex(2);
        QVERIFY(!warning->isHidden());
        screenshot(QStringLiteral("wizard-scratch-warning"), wizard);
        QVERIFY(child<QSpinBox>(wizard, "embSpin")->isEnabled());
        QCOMPARE(wizard->recipe().pretrained, std::string());
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        child<QComboBox>(wizard, "lmSourceCombo")->setCurrentIndex(1); // an earlier model: needs its folder
        QVERIFY(warning->isHidden());
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QTest::keyClicks(child<QLineEdit>(wizard, "encoderEdit"), m_home.filePath(QStringLiteral("runs/lm")));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        QCOMPARE(QString::fromStdString(wizard->recipe().pretrained), m_home.filePath(QStringLiteral("runs/lm")));
        wizard->close();
    }

    void downloadInstallsTheBackwardModel() {
        // The bridge's download: the engine's downloader from a local server, checked by SHA-256.
        const QString staging = m_home.filePath(QStringLiteral("served"));
        modelFolder(staging, QStringLiteral("wt103-bwd"), QStringLiteral("itos.pkl"));
        QFile::rename(staging + QStringLiteral("/wt103-bwd/lstm_fwd.pth"), staging + QStringLiteral("/wt103-bwd/lstm_bwd.pth"));
        const QString archive = m_home.filePath(QStringLiteral("wt103-bwd.tgz"));
        QCOMPARE(QProcess::execute(QStringLiteral("tar"), {QStringLiteral("czf"), archive, QStringLiteral("-C"), staging,
                                                           QStringLiteral("wt103-bwd")}),
                 0);
        QFile file(archive);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        TestHttpServer server(bytes.toStdString());
        PretrainedModelsBridge bridge(modelsRoot());
        QSignalSpy changed(&bridge, &PretrainedModelsBridge::modelsChanged);
        JobHandle* job = bridge.fetch(QStringLiteral("wt103-bwd"),
                                      {QString::fromStdString(server.url("/wt103-bwd.tgz")),
                                       QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex())});
        QSignalSpy failed(job, &JobHandle::failed);
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, 30000);
        QCOMPARE(failed.count(), 0);
        const auto models = changed.at(0).at(0).value<PretrainedModelList>();
        const PretrainedModelStatus* backward = findPretrained(models, QStringLiteral("wt103-bwd"));
        QVERIFY(backward && backward->installed);
        QVERIFY(backward->vocabularySize > 0);
        QVERIFY(backward->bytes > bytes.size() / 2);
    }
};

QTEST_MAIN(PretrainedStartFlowTest)
#include "PretrainedStartFlowTest.moc"
