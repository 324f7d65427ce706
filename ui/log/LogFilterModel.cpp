#include "log/LogFilterModel.h"

#include "log/LogModel.h"

namespace ulmfit::ui {

LogFilterModel::LogFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {}

void LogFilterModel::setMinimumLevel(LogLevel level) {
    m_level = level;
    invalidateFilter();
}

void LogFilterModel::setText(const QString& text) {
    m_text = text;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex level = sourceModel()->index(sourceRow, LogModel::LevelColumn, sourceParent);
    if (level.data(LogModel::LevelRole).toInt() < int(m_level))
        return false;
    if (m_text.isEmpty())
        return true;
    const QModelIndex message = sourceModel()->index(sourceRow, LogModel::MessageColumn, sourceParent);
    return message.data().toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace ulmfit::ui
