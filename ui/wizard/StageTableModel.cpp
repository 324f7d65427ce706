#include "wizard/StageTableModel.h"

#include "common/RecipeText.h"

#include <algorithm>

namespace ulmfit::ui {

StageTableModel::StageTableModel(StageModel model, QObject* parent)
    : QAbstractTableModel(parent), m_model(model) {}

int StageTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_stages.size());
}

int StageTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StageTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= int(m_stages.size()))
        return {};
    const ulmfit::RecipeStage& stage = m_stages.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Freeze:
            return freezeText(stage.freezeTo);
        case Epochs:
            return stage.epochs;
        case LearningRate:
            return learningRateText(stage.lr);
        }
    } else if (role == Qt::EditRole) {
        switch (index.column()) {
        case Freeze:
            return stage.freezeTo;
        case Epochs:
            return stage.epochs;
        case LearningRate:
            return learningRateText(stage.lr);
        }
    } else if (role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Freeze:
            return tr("Layer groups to train: -1 = head only, -2 = last two, ..., 0 = unfreeze all");
        case LearningRate:
            return tr("A rate such as 2e-2, or slice(1e-2/2.6**4, 1e-2) for discriminative rates");
        default:
            return {};
        }
    }
    return {};
}

bool StageTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole || index.row() >= int(m_stages.size()))
        return false;
    ulmfit::RecipeStage& stage = m_stages[index.row()];
    bool ok = true;
    switch (index.column()) {
    case Freeze: {
        const int freezeTo = value.toInt(&ok);
        ok = ok && freezeTo <= 0;
        if (ok)
            stage.freezeTo = freezeTo;
        break;
    }
    case Epochs: {
        const int epochs = value.toInt(&ok);
        ok = ok && epochs >= 1 && epochs <= 1000;
        if (ok)
            stage.epochs = epochs;
        break;
    }
    case LearningRate:
        if (const auto rate = parseLearningRateText(value.toString()))
            stage.lr = *rate;
        else
            ok = false;
        break;
    }
    if (ok)
        Q_EMIT dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole});
    return ok;
}

Qt::ItemFlags StageTableModel::flags(const QModelIndex& index) const {
    return index.isValid() ? QAbstractTableModel::flags(index) | Qt::ItemIsEditable : Qt::NoItemFlags;
}

QVariant StageTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case Freeze:
        return tr("Freeze");
    case Epochs:
        return tr("Epochs");
    case LearningRate:
        return tr("Learning rate");
    default:
        return {};
    }
}

bool StageTableModel::removeRows(int row, int count, const QModelIndex& parent) {
    if (parent.isValid() || row < 0 || count <= 0 || row + count > int(m_stages.size()))
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_stages.erase(m_stages.begin() + row, m_stages.begin() + row + count);
    endRemoveRows();
    return true;
}

void StageTableModel::setStages(const std::vector<ulmfit::RecipeStage>& stages) {
    beginResetModel();
    m_stages = stages;
    for (auto& stage : m_stages)
        stage.model = m_model;
    endResetModel();
}

void StageTableModel::appendStage() {
    ulmfit::RecipeStage stage = m_stages.empty() ? ulmfit::RecipeStage{} : m_stages.back();
    stage.model = m_model;
    stage.freezeTo = 0;
    const int row = int(m_stages.size());
    beginInsertRows({}, row, row);
    m_stages.push_back(stage);
    endInsertRows();
}

void StageTableModel::moveStage(int row, int delta) {
    const int target = row + delta;
    if (row < 0 || row >= int(m_stages.size()) || target < 0 || target >= int(m_stages.size()) || delta == 0)
        return;
    // beginMoveRows wants the destination as the row *before which* the moved row lands.
    beginMoveRows({}, row, row, {}, delta > 0 ? target + 1 : target);
    if (target > row)
        std::rotate(m_stages.begin() + row, m_stages.begin() + row + 1, m_stages.begin() + target + 1);
    else
        std::rotate(m_stages.begin() + target, m_stages.begin() + row, m_stages.begin() + row + 1);
    endMoveRows();
}

} // namespace ulmfit::ui
