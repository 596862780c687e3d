#include "cells_node.h"

#include <QPainter>

#include "diagram_paint.h"
#include "state_style.h"

namespace {

constexpr int kPerRow = 6;

class Words {
  Q_DECLARE_TR_FUNCTIONS(CellsNode)
 public:
  static QString nobody() { return tr("not written yet"); }
  static QString by(const QString& name) { return tr("by %1").arg(name); }
};

}  // namespace

int CellsNode::rows() const {
  const int n = std::max<int>(1, static_cast<int>(view_.cells.size()));
  return (n + kPerRow - 1) / kPerRow;
}

QString CellsNode::text() const {
  QStringList cells;
  for (size_t i = 0; i < view_.cells.size(); ++i) {
    const int writer = i < view_.cellWriters.size() ? view_.cellWriters[i] : -1;
    cells << QStringLiteral("[%1] %2 (%3)")
                 .arg(i)
                 .arg(view_.hidden ? QStringLiteral("?") : QString::number(view_.cells[i]))
                 .arg(writer >= 0 ? Words::by(workerName(writer)) : Words::nobody());
  }
  return QStringLiteral("%1: %2").arg(view_.name, cells.join(QStringLiteral("  ")));
}

QSizeF CellsNode::measure() const {
  const qreal u = DiagramPaint::lineHeight();
  return QSizeF(u * 14, u * (1.6 + rows() * 3.1 + 0.3));
}

void CellsNode::paintBody(QPainter* p, const QRectF& body) {
  const qreal u = DiagramPaint::lineHeight();
  const int n = static_cast<int>(view_.cells.size());
  const int perRow = std::min(std::max(n, 1), kPerRow);
  const qreal gap = u * 0.35;
  const qreal w = std::min(u * 6.0, (body.width() - gap * (perRow - 1)) / perRow);
  for (int i = 0; i < n; ++i) {
    const qreal x = body.left() + (i % kPerRow) * (w + gap);
    const qreal y = body.top() + (i / kPerRow) * u * 3.1;
    const int writer = static_cast<size_t>(i) < view_.cellWriters.size()
                           ? view_.cellWriters[static_cast<size_t>(i)]
                           : -1;
    const QColor color = writer >= 0 ? StateStyle::processColor(writer) : QColor(0xa9, 0xb3, 0xbe);
    const QRectF cell(x, y, w, u * 1.9);
    p->save();
    p->setPen(QPen(color, writer >= 0 ? 2.0 : 1.0));
    p->setBrush(writer >= 0 ? DiagramPaint::tint(color, 30) : QColor(0xf7, 0xf8, 0xfa));
    p->drawRoundedRect(cell, 4, 4);
    p->restore();
    DiagramPaint::text(
        p, cell,
        view_.hidden ? QStringLiteral("?") : QString::number(view_.cells[static_cast<size_t>(i)]),
        DiagramPaint::ink(), 1.4, true, Qt::AlignHCenter);
    DiagramPaint::text(p, QRectF(cell.left() + 3, cell.top(), cell.width(), u * 0.9),
                       QStringLiteral("[%1]").arg(i), DiagramPaint::muted(), 0.7);
    DiagramPaint::text(p, QRectF(x, cell.bottom() + 1, w, u * 1.0),
                       writer >= 0 ? Words::by(workerName(writer)) : Words::nobody(),
                       writer >= 0 ? color.darker(125) : DiagramPaint::muted(), 0.8, false,
                       Qt::AlignHCenter);
  }
}
