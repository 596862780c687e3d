#include "state_delegate.h"

#include <QApplication>
#include <QPainter>

namespace {

constexpr int kPadX = 10;   // inside the badge
constexpr int kMargin = 4;  // around it

}  // namespace

void StateDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const {
  QStyleOptionViewItem opt(option);
  initStyleOption(&opt, index);
  const QString text = opt.text;
  const QColor background = index.data(Qt::BackgroundRole).value<QBrush>().color();
  const QColor foreground = index.data(Qt::ForegroundRole).value<QBrush>().color();
  // The cell itself as any other (selection, alternating rows), minus text
  // and the state colour, which go into the badge.
  opt.text.clear();
  opt.backgroundBrush = QBrush();
  const QWidget* widget = opt.widget;
  QStyle* style = widget ? widget->style() : QApplication::style();
  style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
  if (text.isEmpty()) return;

  const QFontMetrics fm(opt.font);
  QRect badge = opt.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
  const int textWidth = fm.horizontalAdvance(text) + 2;  // + rounding slack
  const bool fits = textWidth + 2 * kPadX <= badge.width();
  if (fits) badge.setWidth(textWidth + 2 * kPadX);
  painter->save();
  painter->setRenderHint(QPainter::Antialiasing);
  painter->setPen(QPen(foreground.isValid() ? foreground.lighter(160) : Qt::gray, 1));
  painter->setBrush(background.isValid() ? background : opt.palette.base().color());
  const qreal radius = badge.height() / 2.0;
  painter->drawRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
  painter->setFont(opt.font);
  painter->setPen(foreground.isValid() ? foreground : opt.palette.text().color());
  painter->drawText(badge.adjusted(kPadX, 0, -kPadX, 0), Qt::AlignCenter,
                    fits ? text : fm.elidedText(text, Qt::ElideRight, badge.width() - 2 * kPadX));
  painter->restore();
}

QSize StateDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
  QStyleOptionViewItem opt(option);
  initStyleOption(&opt, index);
  const QFontMetrics fm(opt.font);
  return QSize(fm.horizontalAdvance(opt.text) + 2 + 2 * (kPadX + kMargin),
               fm.height() + 2 * kMargin + 4);
}
