#include "wizard/TrainingWizard.h"

#include "wizard/ClassifierPage.h"
#include "wizard/DataPage.h"
#include "wizard/LanguageModelPage.h"
#include "wizard/RecipeJson.h"
#include "wizard/RecipePresets.h"
#include "wizard/SummaryPage.h"

#include <QAbstractButton>
#include <QFileDialog>
#include <QMessageBox>

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
    setRecipe(RecipePresets::book());
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
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        which == QWizard::CustomButton1 ? chooseAndLoad() : chooseAndSave();
    });
}

QList<RecipePage*> TrainingWizard::recipePages() const {
    return {m_data, m_lm, m_classifier, m_summary};
}

RecipeSpec TrainingWizard::recipe() const {
    RecipeSpec spec = m_base;
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

void TrainingWizard::setRecipe(const RecipeSpec& spec) {
    m_base = spec;
    for (auto* page : recipePages())
        page->loadFrom(spec);
}

void TrainingWizard::applyPreset(const QString& name) {
    setRecipe(RecipePresets::byName(name));
}

bool TrainingWizard::saveRecipe(const QString& path, QString* error) const {
    return RecipeJson::save(recipe(), path, error);
}

bool TrainingWizard::loadRecipe(const QString& path, QString* error) {
    const auto spec = RecipeJson::load(path, error);
    if (spec)
        setRecipe(*spec);
    return spec.has_value();
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

void TrainingWizard::chooseAndLoad() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Load recipe"), QString(), tr("Recipes (*.json)"));
    QString error;
    if (!path.isEmpty() && !loadRecipe(path, &error))
        QMessageBox::warning(this, tr("Load recipe"), error);
}

void TrainingWizard::chooseAndSave() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save recipe"), recipe().name + QStringLiteral(".json"),
                                                      tr("Recipes (*.json)"));
    QString error;
    if (!path.isEmpty() && !saveRecipe(path, &error))
        QMessageBox::warning(this, tr("Save recipe"), error);
}

} // namespace ulmfit::ui
