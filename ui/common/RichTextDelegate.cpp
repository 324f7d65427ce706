#include "common/RichTextDelegate.h"

#include "common/TokenHtml.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QPainter>
#include <QTextDocument>

namespace ulmfit::ui {

namespace {
constexpr int kMargin = 4;
constexpr int kFallbackWidth = 400; // before the view has laid out its columns
} // namespace

RichTextDelegate::RichTextDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

void RichTextDelegate::prepare(QTextDocument& doc, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const {
    doc.setDefaultFont(option.font);
    doc.setDocumentMargin(kMargin);
    doc.setHtml(TokenHtml::fromTokenText(index.data(Qt::DisplayRole).toString()));
    const int width = option.rect.width() > 0 ? option.rect.width() : kFallbackWidth;
    doc.setTextWidth(width);
}

void RichTextDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear(); // the style draws background, focus and selection; we draw the text
    const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

    QTextDocument doc;
    prepare(doc, option, index);
    QAbstractTextDocumentLayout::PaintContext context;
    const bool selected = option.state & QStyle::State_Selected;
    context.palette.setColor(QPalette::Text,
                             option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    painter->save();
    painter->translate(option.rect.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), option.rect.size()));
    doc.documentLayout()->draw(painter, context);
    painter->restore();
}

QSize RichTextDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    QTextDocument doc;
    prepare(doc, option, index);
    return QSize(int(doc.idealWidth()), int(doc.size().height()) + 1);
}

} // namespace ulmfit::ui
