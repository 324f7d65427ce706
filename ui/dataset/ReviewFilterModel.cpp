#include "dataset/ReviewFilterModel.h"

#include "dataset/ReviewListModel.h"

namespace ulmfit::ui {

ReviewFilterModel::ReviewFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(ReviewListModel::SortRole);
}

void ReviewFilterModel::setSplitAndLabel(const QString& split, const QString& label) {
    if (split == m_split && label == m_label)
        return;
    m_split = split;
    m_label = label;
    invalidateFilter();
}

void ReviewFilterModel::setFilterText(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

// Reads the entries directly (no QVariant per role): this runs 100,000 times per keystroke.
bool ReviewFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    const auto* list = qobject_cast<const ReviewListModel*>(sourceModel());
    const DatasetEntry* e = list ? list->entry(sourceRow) : nullptr;
    if (!e)
        return false;
    if ((!m_split.isEmpty() && e->split != m_split) || (!m_label.isEmpty() && e->label != m_label))
        return false;
    if (m_text.isEmpty())
        return true;
    const QStringView name = QStringView(e->path).mid(e->path.lastIndexOf(QLatin1Char('/')) + 1);
    return name.contains(m_text, Qt::CaseInsensitive) || e->label.compare(m_text, Qt::CaseInsensitive) == 0;
}

} // namespace ulmfit::ui
