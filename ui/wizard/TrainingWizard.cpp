#include "wizard/TrainingWizard.h"

#include "common/Dialogs.h"
#include "common/RecipeText.h"

#include "recipe/RecipeJson.h"
#include "recipe/RecipePresets.h"
#include "wizard/ClassifierPage.h"
#include "wizard/DataPage.h"
#include "wizard/LanguageModelPage.h"
#include "wizard/LrFinderDialog.h"
#include "wizard/StagesEditor.h"
#include "wizard/SummaryPage.h"

#include <QAbstractButton>
#include <QFile>
#include <QSaveFile>

namespace ulmfit::ui {

TrainingWizard::TrainingWizard(QWidget* parent)
    : QWizard(parent), m_data(new DataPage), m_lm(new LanguageModelPage), m_classifier(new ClassifierPage),
      m_summary(new SummaryPage([this] { return request(); })) {
    setObjectName(QStringLiteral("trainingWizard"));
    setWindowTitle(tr("New training run"));
    setWizardStyle(QWizard::ClassicStyle);
    setPage(DataPageId, m_data);
    setPage(LanguageModelPageId, m_lm);
    setPage(ClassifierPageId, m_classifier);
    setPage(SummaryPageId, m_summary);
    setUpButtons();
    connect(m_data, &DataPage::presetChosen, this, &TrainingWizard::applyPreset);
    connect(m_data, &DataPage::tokenizeRequested, this, &TrainingWizard::tokenizeRequested);
    connect(m_lm, &LanguageModelPage::pretrainedDownloadRequested, this, &TrainingWizard::pretrainedDownloadRequested);
    connect(m_lm, &LanguageModelPage::pretrainedImportRequested, this, &TrainingWizard::pretrainedImportRequested);
    for (auto model : {StageModel::LanguageModel, StageModel::Classifier})
        connect(stagesEditor(model), &StagesEditor::lrFindRequested, this,
                [this, model](int row) { findLearningRate(model, row); });
    setRecipe(ulmfit::bookRecipe());
    resize(820, 620);
}

void TrainingWizard::setUpButtons() {
    setButtonText(QWizard::FinishButton, tr("Start training"));
    setButtonText(QWizard::CustomButton1, tr("Load recipe…"));
    setButtonText(QWizard::CustomButton2, tr("Save recipe…"));
    setOption(QWizard::HaveCustomButton1);
    setOption(QWizard::HaveCustomButton2);
    button(QWizard::FinishButton)->setObjectName(QStringLiteral("startButton"));
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("loadRecipeButton"));
    button(QWizard::CustomButton2)->setObjectName(QStringLiteral("saveRecipeButton"));
    setButtonLayout({QWizard::CustomButton1, QWizard::CustomButton2, QWizard::Stretch, QWizard::BackButton,
                     QWizard::NextButton, QWizard::FinishButton, QWizard::CancelButton});
    connect(this, &QWizard::customButtonClicked, this,
            [this](int which) { which == QWizard::CustomButton1 ? chooseAndLoad() : chooseAndSave(); });
}

QList<RecipePage*> TrainingWizard::recipePages() const {
    return {m_data, m_lm, m_classifier, m_summary};
}

ulmfit::Recipe TrainingWizard::recipe() const {
    ulmfit::Recipe spec = m_base;
    for (auto* page : recipePages())
        page->storeTo(spec);
    return spec;
}

TrainingRequest TrainingWizard::request() const {
    return TrainingRequest{recipe(), m_data->dataPath(), m_data->outputDir()};
}

void TrainingWizard::setDataPath(const QString& path) {
    m_data->setDataPath(path);
}

void TrainingWizard::setOutputDir(const QString& path) {
    m_data->setOutputDir(path);
}

void TrainingWizard::setTokenizeAvailable(bool available) {
    m_data->setTokenizeAvailable(available);
}

void TrainingWizard::setPretrainedModels(const PretrainedModelList& models) {
    m_lm->setPretrainedModels(models);
}

void TrainingWizard::setRecipe(const ulmfit::Recipe& spec) {
    m_base = spec;
    for (auto* page : recipePages())
        page->loadFrom(spec);
}

void TrainingWizard::applyPreset(const QString& name) {
    if (auto preset = ulmfit::presetRecipe(name.toStdString()))
        setRecipe(*preset);
}

bool TrainingWizard::saveRecipe(const QString& path, QString* error) const {
    QSaveFile file(path);
    const QByteArray text = QByteArray::fromStdString(ulmfit::recipeToJsonText(recipe()));
    if (file.open(QIODevice::WriteOnly) && file.write(text) == text.size() && file.commit())
        return true;
    if (error)
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
}

bool TrainingWizard::loadRecipe(const QString& path, QString* error) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    try {
        setRecipe(ulmfit::recipeFromJsonText(file.readAll().toStdString(), path.toStdString()));
        return true;
    } catch (const std::exception& e) { // the message names the file and the field
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

void TrainingWizard::accept() {
    Q_EMIT startTrainingRequested(request());
    QWizard::accept();
}

void TrainingWizard::setTokenizeProgress(const ProgressInfo& progress) {
    m_data->setTokenizeProgress(progress);
}

void TrainingWizard::tokenizeFinished(bool ok, const QString& summary) {
    m_data->tokenizeFinished(ok, summary);
}

StagesEditor* TrainingWizard::stagesEditor(StageModel model) const {
    return model == StageModel::LanguageModel ? m_lm->stagesEditor() : m_classifier->stagesEditor();
}

LrFinderDialog* TrainingWizard::lrFinder() {
    if (!m_lrFinder) {
        m_lrFinder = new LrFinderDialog(this);
        connect(m_lrFinder, &LrFinderDialog::cancelRequested, this, &TrainingWizard::lrFindCancelRequested);
        connect(m_lrFinder, &LrFinderDialog::rateAccepted, this,
                [this](double lr) { stagesEditor(m_lrFindModel)->setTopRate(m_lrFindStage, lr); });
    }
    return m_lrFinder;
}

void TrainingWizard::findLearningRate(StageModel model, int stage) {
    if (lrFinder()->isRunning())
        return; // one range test at a time
    const auto stages = recipe().stagesOf(model);
    if (stage < 0 || stage >= int(stages.size()))
        return;
    m_lrFindModel = model;
    m_lrFindStage = stage;
    lrFinder()->start(tr("%1 (stage %2)").arg(stageTitleText(stages.at(std::size_t(stage)))).arg(stage + 1));
    Q_EMIT lrFindRequested(request(), model, stage);
}

void TrainingWizard::setLrFindProgress(const ProgressInfo& progress) {
    lrFinder()->setProgress(progress);
}

void TrainingWizard::showLrCurve(const LrFinderCurve& curve) {
    lrFinder()->showCurve(curve);
}

void TrainingWizard::lrFindFailed(const QString& message) {
    lrFinder()->showFailure(message);
}

void TrainingWizard::lrFindCancelled() {
    lrFinder()->showCancelled();
}

void TrainingWizard::chooseAndLoad() {
    const QString path = Dialogs::openFile(this, tr("Load recipe"), QString(), tr("Recipes (*.json)"));
    QString error;
    if (!path.isEmpty() && !loadRecipe(path, &error))
        Dialogs::warning(this, tr("Load recipe"), error);
}

void TrainingWizard::chooseAndSave() {
    const QString path = Dialogs::saveFile(this, tr("Save recipe"),
                                           QString::fromStdString(recipe().name) + QStringLiteral(".json"),
                                           tr("Recipes (*.json)"));
    QString error;
    if (!path.isEmpty() && !saveRecipe(path, &error))
        Dialogs::warning(this, tr("Save recipe"), error);
}

} // namespace ulmfit::ui
