#include "semaphore_node.h"

#include <QPainter>
#include <algorithm>
#include <functional>

#include "diagram_paint.h"

namespace {

class Words {
  Q_DECLARE_TR_FUNCTIONS(SemaphoreNode)
 public:
  static QString count() { return tr("count"); }
  static QString waiting() { return tr("waiting:"); }
  static QString nobody() { return tr("nobody waits"); }
  static QString inside() { return tr("inside:"); }
  static QString nobodyInside() { return tr("nobody inside"); }
  static QString kernel(qint64 v) { return tr("kernel: %1").arg(v); }
};

QStringList names(const std::vector<int>& workers, const std::function<QString(int)>& name) {
  QStringList out;
  for (int w : workers) out << name(w);
  return out;
}

}  // namespace

QString SemaphoreNode::text() const {
  const QString count = view_.hidden ? QStringLiteral("?") : QString::number(view_.fill);
  QString out = QStringLiteral("%1: %2 %3").arg(view_.name, Words::count(), count);
  // Who is inside and how many wait tell the count (nobody waits on a
  // count above 0): hidden with it.
  if (view_.hidden)
    return out + QStringLiteral(", %1 ?, %2 ?").arg(Words::waiting(), Words::inside());
  if (!view_.waiters.empty())
    out += QStringLiteral(", %1 %2").arg(Words::waiting(), names(view_.waiters, [this](int w) {
                                                             return workerName(w);
                                                           }).join(QStringLiteral(", ")));
  if (!view_.holders.empty())
    out += QStringLiteral(", %1 %2").arg(Words::inside(), names(view_.holders, [this](int w) {
                                                            return workerName(w);
                                                          }).join(QStringLiteral(", ")));
  if (view_.kernelFill && !view_.hidden)
    out += QStringLiteral(" (%1)").arg(Words::kernel(*view_.kernelFill));
  return out;
}

QSizeF SemaphoreNode::measure() const {
  const qreal u = DiagramPaint::lineHeight();
  return QSizeF(u * 14, u * 5.6);
}

void SemaphoreNode::paintBody(QPainter* p, const QRectF& body) {
  const qreal u = DiagramPaint::lineHeight();
  // The count in a circle: the number a student watches go up and down.
  const qreal d = std::min(body.height(), u * 2.5);
  const QRectF circle(body.left(), body.top() + (body.height() - d) / 2, d, d);
  p->save();
  const bool zero = view_.fill <= 0;
  if (view_.hidden) {  // a question asks for this count: no colour gives it away
    p->setPen(QPen(DiagramPaint::frame(), 2, Qt::DashLine));
    p->setBrush(QColor(0xf7, 0xf8, 0xfa));
  } else {
    p->setPen(QPen(zero ? DiagramPaint::blocked() : QColor(0x1e, 0x7b, 0x34), 2));
    p->setBrush(zero ? QColor(0xfb, 0xe3, 0xe5) : QColor(0xe1, 0xf3, 0xe5));
  }
  p->drawEllipse(circle);
  p->restore();
  DiagramPaint::text(p, circle, view_.hidden ? QStringLiteral("?") : QString::number(view_.fill),
                     DiagramPaint::ink(), 1.5, true, Qt::AlignHCenter);
  const qreal x = circle.right() + u * 0.6;
  const qreal right = body.right();
  const QRectF top(x, body.top(), right - x, u * 1.2);
  DiagramPaint::text(p, top, Words::count(), DiagramPaint::muted(), 0.85);
  if (view_.kernelFill && !view_.hidden)
    DiagramPaint::text(p, top, Words::kernel(*view_.kernelFill), DiagramPaint::muted(), 0.85, false,
                       Qt::AlignRight);
  // Who got past it (holders) and who waits, in queue order.
  const qreal labelW = std::max(DiagramPaint::textWidth(Words::waiting(), 0.85, true),
                                DiagramPaint::textWidth(Words::inside(), 0.85, true)) +
                       6;
  qreal y = top.bottom() + u * 0.15;
  if (view_.hidden) {  // who is inside and who waits would tell the count
    for (const QString& label : {Words::inside(), Words::waiting()}) {
      DiagramPaint::text(p, QRectF(x, y, right - x, u * 1.2), QStringLiteral("%1 ?").arg(label),
                         DiagramPaint::ink(), 0.85, true);
      y += u * 1.35;
    }
    return;
  }
  paintRow(p, QRectF(x, y, right - x, u * 1.2), labelW, Words::inside(), DiagramPaint::ink(),
           view_.holders, {}, Words::nobodyInside());
  y += u * 1.35;
  paintRow(p, QRectF(x, y, right - x, u * 1.2), labelW, Words::waiting(), DiagramPaint::blocked(),
           view_.waiters, {}, Words::nobody());
}
