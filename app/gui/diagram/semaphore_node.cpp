#include "semaphore_node.h"

#include <QPainter>

#include "diagram_paint.h"

namespace {

class Words {
  Q_DECLARE_TR_FUNCTIONS(SemaphoreNode)
 public:
  static QString count() { return tr("count"); }
  static QString waiting() { return tr("waiting:"); }
  static QString nobody() { return tr("nobody waits"); }
  static QString kernel(qint64 v) { return tr("kernel: %1").arg(v); }
};

QStringList names(const std::vector<int>& workers, const std::function<QString(int)>& name) {
  QStringList out;
  for (int w : workers) out << name(w);
  return out;
}

}  // namespace

QString SemaphoreNode::text() const {
  QString out = QStringLiteral("%1: %2 %3").arg(view_.name, Words::count()).arg(view_.fill);
  if (!view_.waiters.empty())
    out += QStringLiteral(", %1 %2").arg(Words::waiting(), names(view_.waiters, [this](int w) {
                                                             return workerName(w);
                                                           }).join(QStringLiteral(", ")));
  if (view_.kernelFill) out += QStringLiteral(" (%1)").arg(Words::kernel(*view_.kernelFill));
  return out;
}

QSizeF SemaphoreNode::measure() const {
  const qreal u = DiagramPaint::lineHeight();
  return QSizeF(u * 14, u * 4.3);
}

void SemaphoreNode::paintBody(QPainter* p, const QRectF& body) {
  const qreal u = DiagramPaint::lineHeight();
  // The count in a circle: the number a student watches go up and down.
  const qreal d = std::min(body.height(), u * 2.5);
  const QRectF circle(body.left(), body.top() + (body.height() - d) / 2, d, d);
  p->save();
  const bool zero = view_.fill <= 0;
  p->setPen(QPen(zero ? DiagramPaint::blocked() : QColor(0x1e, 0x7b, 0x34), 2));
  p->setBrush(zero ? QColor(0xfb, 0xe3, 0xe5) : QColor(0xe1, 0xf3, 0xe5));
  p->drawEllipse(circle);
  p->restore();
  DiagramPaint::text(p, circle, QString::number(view_.fill), DiagramPaint::ink(), 1.5, true,
                     Qt::AlignHCenter);
  const qreal x = circle.right() + u * 0.6;
  const qreal right = body.right();
  const QRectF top(x, body.top(), right - x, u * 1.2);
  DiagramPaint::text(p, top, Words::count(), DiagramPaint::muted(), 0.85);
  if (view_.kernelFill)
    DiagramPaint::text(p, top, Words::kernel(*view_.kernelFill), DiagramPaint::muted(), 0.85, false,
                       Qt::AlignRight);
  const qreal y = top.bottom() + u * 0.15;
  if (view_.waiters.empty()) {
    DiagramPaint::text(p, QRectF(x, y, right - x, u * 1.2), Words::nobody(), DiagramPaint::muted(),
                       0.9);
    return;
  }
  const qreal labelW = DiagramPaint::textWidth(Words::waiting(), 0.85) + 6;
  DiagramPaint::text(p, QRectF(x, y, labelW, u * 1.2), Words::waiting(), DiagramPaint::blocked(),
                     0.85, true);
  paintWorkerChips(p, view_.waiters, x + labelW, y, right, u * 1.2);
}
