#include "wizard/StagesEditor.h"

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
