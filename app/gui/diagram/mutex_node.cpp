#include "mutex_node.h"

#include <QPainter>
#include <algorithm>

#include "diagram_paint.h"
#include "state_style.h"

namespace {

class Words {
  Q_DECLARE_TR_FUNCTIONS(MutexNode)
 public:
  static QString owner() { return tr("owner:"); }
  static QString free() { return tr("free"); }
  static QString waiting() { return tr("waiting:"); }
  static QString nobody() { return tr("nobody waits"); }
  static QString ownerDied() { return tr("owner died"); }
};

}  // namespace

int MutexNode::owner() const {
  // The owner the model names, or else the one holder (a critical section's guard).
  if (view_.owner >= 0) return view_.owner;
  return view_.holders.empty() ? -1 : view_.holders.front();
}

bool MutexNode::ownerDied() const {
  const int o = owner();
  return o >= 0 && std::find(view_.ended.begin(), view_.ended.end(), o) != view_.ended.end();
}

QString MutexNode::text() const {
  QString out =
      QStringLiteral("%1: %2 %3")
          .arg(view_.name, Words::owner(), owner() >= 0 ? workerName(owner()) : Words::free());
  if (ownerDied()) out += QStringLiteral(" (%1)").arg(Words::ownerDied());
  if (!view_.waiters.empty()) {
    QStringList names;
    for (int w : view_.waiters) names << workerName(w);
    out += QStringLiteral(", %1 %2").arg(Words::waiting(), names.join(QStringLiteral(", ")));
  }
  if (!view_.kernelNote.empty())
    out += QStringLiteral(" (%1)").arg(QString::fromStdString(view_.kernelNote));
  return out;
}

QSizeF MutexNode::measure() const {
  const qreal u = DiagramPaint::lineHeight();
  return QSizeF(u * 14, u * (view_.kernelNote.empty() ? 4.3 : 5.5));
}

void MutexNode::paintBody(QPainter* p, const QRectF& body) {
  const qreal u = DiagramPaint::lineHeight();
  const int holder = owner();
  const bool locked = holder >= 0;
  // A padlock, closed when someone holds the mutex.
  const qreal w = u * 1.7;
  const QRectF lock(body.left() + u * 0.2, body.top() + u * 1.1, w, u * 1.3);
  p->save();
  const QColor c = locked ? StateStyle::processColor(holder) : QColor(0x8a, 0x94, 0x9f);
  p->setPen(QPen(c, u * 0.22, Qt::SolidLine, Qt::RoundCap));
  p->setBrush(Qt::NoBrush);
  const QRectF shackle(lock.left() + w * 0.2, lock.top() - u * 0.9, w * 0.6, u * 1.5);
  if (locked) {
    p->drawArc(shackle, 0, 180 * 16);
    p->drawLine(QPointF(shackle.left(), shackle.center().y()), QPointF(shackle.left(), lock.top()));
    p->drawLine(QPointF(shackle.right(), shackle.center().y()),
                QPointF(shackle.right(), lock.top()));
  } else {
    const QRectF open = shackle.translated(0, -u * 0.3);
    p->drawArc(open, 0, 180 * 16);
    p->drawLine(QPointF(open.left(), open.center().y()), QPointF(open.left(), lock.top()));
  }
  p->setPen(Qt::NoPen);
  p->setBrush(c);
  p->drawRoundedRect(lock, 3, 3);
  p->restore();

  const qreal x = lock.right() + u * 0.7;
  const qreal right = body.right();
  qreal y = body.top() + u * 0.05;
  const qreal labelW = std::max(DiagramPaint::textWidth(Words::owner(), 0.85),
                                DiagramPaint::textWidth(Words::waiting(), 0.85)) +
                       8;
  DiagramPaint::text(p, QRectF(x, y, labelW, u * 1.2), Words::owner(), DiagramPaint::muted(), 0.85);
  if (locked) {
    const qreal after = paintWorkerChips(p, {holder}, x + labelW, y, right, u * 1.2);
    if (ownerDied())
      DiagramPaint::chip(
          p,
          QRectF(after, y,
                 std::min(right - after, DiagramPaint::chipWidth(Words::ownerDied(), 0.8, true)),
                 u * 1.2),
          DiagramPaint::blocked(), Qt::white, Words::ownerDied(), 0.8, true);
  } else
    DiagramPaint::text(p, QRectF(x + labelW, y, right - x - labelW, u * 1.2), Words::free(),
                       QColor(0x1e, 0x7b, 0x34), 0.95, true);
  y += u * 1.35;
  if (!view_.kernelNote.empty())
    DiagramPaint::text(p, QRectF(body.left(), body.top() + u * 2.75, body.width(), u * 1.1),
                       QString::fromStdString(view_.kernelNote), DiagramPaint::muted(), 0.8);
  if (view_.waiters.empty()) {
    DiagramPaint::text(p, QRectF(x, y, right - x, u * 1.2), Words::nobody(), DiagramPaint::muted(),
                       0.9);
    return;
  }
  DiagramPaint::text(p, QRectF(x, y, labelW, u * 1.2), Words::waiting(), DiagramPaint::blocked(),
                     0.85, true);
  paintWorkerChips(p, view_.waiters, x + labelW, y, right, u * 1.2);
}
