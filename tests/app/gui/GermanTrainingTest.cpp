// A short training run from the application under the German translation: the Train view shows
// the data preparation's progress moving before the first stage (extracting, scanning and
// tokenizing imdb_sample.tgz), and every stage title it shows is German from the plan to the end.
#include "ReducedRecipe.h"

#include "app/bridge/TrainingBridge.h"
#include "app/gui/AppSetup.h"
#include "app/gui/StudioController.h"
#include "app/gui/TrainController.h"
#include "ui/common/Dialogs.h"
#include "ui/training/EpochTableModel.h"
#include "ui/training/TrainingView.h"

#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace ulmfit::ui;

namespace {
// The whole sample is tokenized (so there is progress to see); the LM trains on a few hundred reviews.
ulmfit::Recipe germanRunRecipe() {
    ulmfit::Recipe recipe = reducedQuickRecipe();
    recipe.name = "klein";
    recipe.lmMaxDocs = 150;
    recipe.maxDocTokens = 40;
    return recipe;
}
} // namespace

class GermanTrainingTest : public QObject {
    Q_OBJECT

  private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        qputenv("ULMFIT_DATA_DIR",
                m_home.filePath(QStringLiteral("appdata")).toUtf8()); // an empty token cache
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_home.filePath(QStringLiteral("settings")));
        QVERIFY(AppSetup::installTranslations(*qApp, QLocale(QLocale::German, QLocale::Germany)));
        Dialogs::setMessageResponder([](Dialogs::Kind, const QString&, const QString&) { return true; });
    }

    void cleanupTestCase() { Dialogs::setMessageResponder({}); }

    void stageTitlesAndPreparationAreGerman() {
        StudioController studio(QStringLiteral("-"));
        studio.start();
        TrainController* train = studio.trainController();
        TrainingView* view = train->view();
        auto* status = view->findChild<QLabel*>(QStringLiteral("statusLabel"));
        auto* bar = view->findChild<QProgressBar*>(QStringLiteral("epochProgress"));
        QVERIFY(status && bar);

        // What the view shows right after each update (these slots run after the view's own).
        QStringList preparation, statuses;
        connect(train->bridge(), &TrainingBridge::preparing, this, [&] { preparation << bar->format(); });
        connect(train->bridge(), &TrainingBridge::stageStarted, this, [&] { statuses << status->text(); });

        TrainingRequest request{germanRunRecipe(),
                                QStringLiteral(ULMFIT_SHARED_DATA_DIR) + QStringLiteral("/imdb_sample.tgz"),
                                m_home.filePath(QStringLiteral("run"))};
        train->startTraining(request);
        QVERIFY(view->isRunning());
        QCOMPARE(view->epochModel()->rowCount(), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!view->isRunning(), 300000);
        QVERIFY2(status->text().startsWith(QStringLiteral("Fertig")), qPrintable(status->text()));

        // Preparation: several updates before the first stage, in German, and they moved.
        const QSet<QString> distinct(preparation.begin(), preparation.end());
        QVERIFY2(distinct.size() >= 2, qPrintable(preparation.join(" | ")));
        const QString shown = preparation.join(QLatin1Char('\n'));
        QVERIFY2(shown.contains(QStringLiteral("Tokenisieren")) &&
                     shown.contains(QStringLiteral("Entpacken")),
                 qPrintable(shown));

        // Stage titles: German when each stage starts (as the engine ran it) and in the table.
        QCOMPARE(statuses.size(), 2);
        QVERIFY2(statuses[0].contains(QStringLiteral("Sprachmodell: unfreeze(); fit_one_cycle(1, 1e-2)")),
                 qPrintable(statuses[0]));
        QVERIFY2(statuses[1].contains(QStringLiteral("Klassifikator: freeze_to(-1); fit_one_cycle(1, 2e-2)")),
                 qPrintable(statuses[1]));
        QCOMPARE(view->epochModel()->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            const QString title =
                view->epochModel()->index(row, EpochTableModel::Stage).data(Qt::ToolTipRole).toString();
            QVERIFY2(title.startsWith(row == 0 ? QStringLiteral("Sprachmodell: ")
                                               : QStringLiteral("Klassifikator: ")),
                     qPrintable(title));
            QVERIFY2(!title.contains(QStringLiteral("Language model")) &&
                         !title.contains(QStringLiteral("Classifier")),
                     qPrintable(title));
        }
    }

  private:
    QTemporaryDir m_home;
};

QTEST_MAIN(GermanTrainingTest)
#include "GermanTrainingTest.moc"
