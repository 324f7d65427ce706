#pragma once
#include <QStyledItemDelegate>

class QTextDocument;

namespace ulmfit::ui {

/// Paints a cell's text as fastai tokens with special tokens highlighted, wrapped to the column.
class RichTextDelegate : public QStyledItemDelegate {
    Q_OBJECT
  public:
    explicit RichTextDelegate(QObject* parent = nullptr);
    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

  private:
    void prepare(QTextDocument& doc, const QStyleOptionViewItem& option, const QModelIndex& index) const;
};

} // namespace ulmfit::ui
