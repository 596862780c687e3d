#include "cells_node.h"

#include <QPainter>
#include <algorithm>
#include <cerrno>

#include "diagram_paint.h"
#include "state_style.h"

namespace {

constexpr int kPerRow = 6;

class Words {
  Q_DECLARE_TR_FUNCTIONS(CellsNode)
 public:
  static QString nobody() { return tr("not written yet"); }
  static QString by(const QString& name) { return tr("by %1").arg(name); }
  static QString ended() { return tr("ended: memory gone"); }
  static QString notMapped() { return tr("not mapped yet"); }
  static QString refused() { return tr("the kernel refused to read it (EPERM)"); }
  static QString unreadable() { return tr("cannot be read"); }
  static QString inside(const QString& names) {
    return tr("inside: %1", "the processes inside a flag lock's critical section").arg(names);
  }
  static QString nobodyInside() { return tr("nobody inside"); }
};

// A private object: one row per process, each this high (in lines).
constexpr qreal kCopyRow = 2.3;

}  // namespace

int CellsNode::rows() const {
  const int n = std::max<int>(1, static_cast<int>(view_.cells.size()));
  return (n + kPerRow - 1) / kPerRow;
}

QString CellsNode::text() const {
  if (view_.isPrivate) {
    QStringList copies;
    for (const ObjectView::OwnCopy& c : view_.ownCopies)
      copies << QStringLiteral("%1: %2").arg(workerName(c.worker), copyText(c));
    return QStringLiteral("%1: %2").arg(view_.name, copies.join(QStringLiteral(" · ")));
  }
  QStringList cells;
  for (size_t i = 0; i < view_.cells.size(); ++i) {
    const int writer = i < view_.cellWriters.size() ? view_.cellWriters[i] : -1;
    cells << QStringLiteral("[%1] %2 (%3)")
                 .arg(i)
                 .arg(view_.hidden ? QStringLiteral("?") : QString::number(view_.cells[i]))
                 .arg(writer >= 0 ? Words::by(workerName(writer)) : Words::nobody());
  }
  QString out = QStringLiteral("%1: %2").arg(view_.name, cells.join(QStringLiteral("  ")));
  if (view_.isGuard) out += QStringLiteral(" · ") + insideText();
  return out;
}

QString CellsNode::insideText() const {
  if (view_.holders.empty()) return Words::nobodyInside();
  QStringList names;
  for (int w : view_.holders) names << workerName(w);
  return Words::inside(names.join(QStringLiteral(", ")));
}

QString CellsNode::missingText(const ObjectView::OwnCopy& copy) const {
  if (copy.err == ESRCH) return Words::ended();
  if (copy.err == EPERM) return Words::refused();
  if (copy.err == 0) return Words::notMapped();
  return Words::unreadable();
}

QString CellsNode::copyText(const ObjectView::OwnCopy& copy) const {
  if (copy.cells.empty()) return missingText(copy);
  if (copy.cells.size() == 1) return QString::number(copy.cells[0]);
  QStringList values;
  for (int64_t v : copy.cells) values << QString::number(v);
  return QStringLiteral("[%1]").arg(values.join(QStringLiteral(", ")));
}

void CellsNode::paintCopies(QPainter* p, const QRectF& body) {
  const qreal u = DiagramPaint::lineHeight();
  const qreal nameW = u * 5.6;
  const qreal gap = u * 0.35;
  for (size_t r = 0; r < view_.ownCopies.size(); ++r) {
    const ObjectView::OwnCopy& c = view_.ownCopies[r];
    const QColor color = StateStyle::processColor(c.worker);
    const qreal y = body.top() + static_cast<qreal>(r) * u * kCopyRow;
    const QRectF row(body.left(), y, body.width(), u * 1.9);
    const QString name = workerName(c.worker);
    const qreal chipW = std::min(nameW - gap, DiagramPaint::chipWidth(name, 0.9, true));
    DiagramPaint::chip(p, QRectF(row.left(), row.top() + u * 0.3, chipW, u * 1.3), color, Qt::white,
                       name, 0.9, true);
    const qreal left = row.left() + nameW;
    if (c.cells.empty()) {
      DiagramPaint::text(p, QRectF(left, row.top(), row.right() - left, row.height()),
                         missingText(c), DiagramPaint::muted(), 0.85);
      continue;
    }
    const int n = static_cast<int>(c.cells.size());
    const qreal w = std::min(u * 4.5, (row.right() - left - gap * (n - 1)) / n);
    for (int i = 0; i < n; ++i) {
      const QRectF cell(left + i * (w + gap), row.top(), w, row.height());
      if (w < u * 1.5) {  // no room for more: say how many are left out
        DiagramPaint::text(p, QRectF(cell.left(), cell.top(), row.right() - cell.left(), u * 1.9),
                           QStringLiteral("+%1").arg(n - i), DiagramPaint::muted(), 0.85);
        break;
      }
      p->save();
      p->setPen(QPen(color, 2.0));
      p->setBrush(DiagramPaint::tint(color, 30));
      p->drawRoundedRect(cell, 4, 4);
      p->restore();
      DiagramPaint::text(p, cell, QString::number(c.cells[static_cast<size_t>(i)]),
                         DiagramPaint::ink(), 1.3, true, Qt::AlignHCenter);
      if (n > 1)
        DiagramPaint::text(p, QRectF(cell.left() + 3, cell.top(), cell.width(), u * 0.8),
                           QStringLiteral("[%1]").arg(i), DiagramPaint::muted(), 0.65);
    }
  }
}

QSizeF CellsNode::measure() const {
  const qreal u = DiagramPaint::lineHeight();
  if (view_.isPrivate) {
    const int copies = std::max<int>(1, static_cast<int>(view_.ownCopies.size()));
    return QSizeF(u * 16, u * (1.6 + copies * kCopyRow + 0.1));
  }
  // Room for "not written yet" under each cell of a full row.
  const int perRow = std::min(std::max<int>(1, static_cast<int>(view_.cells.size())), kPerRow);
  const qreal guardRow = view_.isGuard ? u * 1.4 : 0;
  return QSizeF(std::clamp(perRow * u * 7.0 + u, u * 14, u * 24),
                u * (1.6 + rows() * 3.1 + 0.3) + guardRow);
}

void CellsNode::paintBody(QPainter* p, const QRectF& body) {
  if (view_.isPrivate) return paintCopies(p, body);
  const qreal u = DiagramPaint::lineHeight();
  const int n = static_cast<int>(view_.cells.size());
  const int perRow = std::min(std::max(n, 1), kPerRow);
  const qreal gap = u * 0.35;
  const qreal w = std::min(u * 6.8, (body.width() - gap * (perRow - 1)) / perRow);
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
  if (!view_.isGuard) return;
  // Who is inside the section the flag guards: two at once is the bug.
  const qreal y = body.top() + rows() * u * 3.1;
  const bool broken = view_.holders.size() > 1;
  DiagramPaint::text(p, QRectF(body.left(), y, body.width(), u * 1.2), insideText(),
                     broken ? QColor(0xc0, 0x39, 0x2b) : DiagramPaint::muted(), 0.85, broken);
}
