#pragma once
#include <QSortFilterProxyModel>

namespace ulmfit::ui {

/// Narrows the review list to one split and/or label (from the tree) and to file names or
/// ratings matching the filter box ("123_", "_10.txt", "pos").
class ReviewFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
  public:
    explicit ReviewFilterModel(QObject* parent = nullptr);
    void setSplitAndLabel(const QString& split, const QString& label); // empty = any
    void setFilterText(const QString& text);

  protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

  private:
    QString m_split;
    QString m_label;
    QString m_text;
};

} // namespace ulmfit::ui
