#include "wizard/StagesEditor.h"

#include "recipe/LearningRate.h"
#include "wizard/StageTableModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace ulmfit::ui {

StagesEditor::StagesEditor(StageModel model, const QString& objectName, QWidget* parent)
    : QWidget(parent), m_model(new StageTableModel(model, this)), m_view(new QTableView) {
    setObjectName(objectName);
    m_view->setObjectName(objectName + QStringLiteral("Table"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setMinimumHeight(140);
    auto* buttons = new QVBoxLayout;
    const struct {
        const char* text;
        const char* name;
        std::function<void()> action;
    } specs[] = {
        {QT_TR_NOOP("Add"), "Add", [this] { m_model->appendStage(); }},
        {QT_TR_NOOP("Remove"), "Remove", [this] { m_model->removeRows(currentRow(), 1); }},
        {QT_TR_NOOP("Up"), "Up", [this] { moveCurrent(-1); }},
        {QT_TR_NOOP("Down"), "Down", [this] { moveCurrent(1); }},
    };
    for (const auto& spec : specs) {
        auto* button = new QPushButton(tr(spec.text));
        button->setObjectName(objectName + QString::fromLatin1(spec.name));
        connect(button, &QPushButton::clicked, this, spec.action);
        buttons->addWidget(button);
    }
    auto* findLr = new QPushButton(tr("Find a learning rate…"));
    findLr->setObjectName(objectName + QStringLiteral("FindLr"));
    findLr->setToolTip(tr("fastai's lr_find for the selected stage: the model as that stage starts it, with its "
                          "frozen groups"));
    connect(findLr, &QPushButton::clicked, this, [this] {
        if (m_model->rowCount() > 0)
            Q_EMIT lrFindRequested(m_view->currentIndex().isValid() ? m_view->currentIndex().row() : 0);
    });
    buttons->addSpacing(8);
    buttons->addWidget(findLr);
    buttons->addStretch();
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &StagesEditor::stagesChanged);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &StagesEditor::stagesChanged);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &StagesEditor::stagesChanged);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &StagesEditor::stagesChanged);
    connect(m_model, &QAbstractItemModel::modelReset, this, &StagesEditor::stagesChanged);
}

void StagesEditor::setStages(const std::vector<ulmfit::RecipeStage>& stages) {
    m_model->setStages(stages);
}

std::vector<ulmfit::RecipeStage> StagesEditor::stages() const {
    return m_model->stages();
}

void StagesEditor::setTopRate(int row, double top) {
    if (row < 0 || row >= m_model->rowCount())
        return;
    const ulmfit::LearningRate rate = m_model->stages().at(std::size_t(row)).lr.withTop(top);
    m_model->setData(m_model->index(row, StageTableModel::LearningRate),
                     QString::fromStdString(ulmfit::formatLearningRate(rate)), Qt::EditRole);
}

int StagesEditor::currentRow() const {
    return m_view->currentIndex().isValid() ? m_view->currentIndex().row() : m_model->rowCount() - 1;
}

void StagesEditor::moveCurrent(int delta) {
    const int row = currentRow();
    m_model->moveStage(row, delta);
    const int target = std::clamp(row + delta, 0, std::max(0, m_model->rowCount() - 1));
    m_view->selectRow(target);
}

} // namespace ulmfit::ui
