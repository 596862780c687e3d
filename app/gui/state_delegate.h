// StateDelegate: draws a worker's state as a coloured badge with its word,
// so the colour survives the row being selected (the selected process is
// the one Space steps) and the word is always there beside it.
#pragma once

#include <QStyledItemDelegate>

class StateDelegate : public QStyledItemDelegate {
  Q_OBJECT

 public:
  using QStyledItemDelegate::QStyledItemDelegate;

  void paint(QPainter* painter, const QStyleOptionViewItem& option,
             const QModelIndex& index) const override;
  QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};
