#include "channel_node.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>

#include "diagram_paint.h"
#include "socket_text.h"
#include "state_style.h"

namespace {

constexpr int kMaxSlotRows = 5;

class Words {
  Q_DECLARE_TR_FUNCTIONS(ChannelNode)
 public:
  static QString kernel(const QString& what) { return tr("kernel: %1").arg(what); }
  static QString empty() { return tr("empty"); }
  static QString priority(qint64 p) { return tr("prio %1").arg(p); }
  static QString more(int n) { return tr("… and %1 more").arg(n); }
  static QString ofCapacity(const QString& fill, int capacity) {
    return tr("%1 (room for %2)").arg(fill).arg(capacity);
  }
  // The control that opens the choice of mechanisms (short: it sits in the node).
  static QString switchControl() { return tr("⇄ Switch ▾"); }
};

}  // namespace

bool ChannelNode::keepsBoundaries(ipclab::ObjectKind m) {
  using K = ipclab::ObjectKind;
  return m == K::posix_mq || m == K::sysv_mq || m == K::unix_dgram || m == K::udp;
}

std::vector<InFlightMessage> ChannelNode::deliveryOrder() const {
  std::vector<InFlightMessage> out = view_.messages;
  if (view_.mechanism == ipclab::ObjectKind::posix_mq)
    std::stable_sort(
        out.begin(), out.end(),
        [](const InFlightMessage& a, const InFlightMessage& b) { return a.priority > b.priority; });
  return out;
}

QString ChannelNode::kernelText() const {
  if (!view_.kernelFill || view_.hidden) return QString();
  if (view_.unit == QLatin1String("messages"))
    return Words::kernel(ObjectNode::messagesText(*view_.kernelFill));
  return Words::kernel(ObjectNode::bytesText(*view_.kernelFill));
}

QString ChannelNode::text() const {
  QString out = ObjectNode::text();
  if (view_.hidden) return out;  // "buffer: ?": what is in it is the question
  for (const InFlightMessage& m : deliveryOrder())
    out += QStringLiteral("\n#%1 “%2”").arg(m.seq).arg(m.data) +
           (keepsBoundaries(view_.mechanism) ? QStringLiteral(" ") + Words::priority(m.priority)
                                             : QString());
  const QString kernel = kernelText();
  if (!kernel.isEmpty()) out += QLatin1Char('\n') + kernel;
  const QString note = SocketText::note(view_.kernelNote);
  if (!note.isEmpty()) out += QLatin1Char('\n') + Words::kernel(note);
  const QString address = SocketText::address(view_.address, view_.mechanism);
  if (!address.isEmpty()) out += QLatin1Char('\n') + address;
  return out;
}

qreal ChannelNode::controlHeight() const {
  return view_.switchable ? DiagramPaint::lineHeight() * 1.9 : 0.0;
}

QRectF ChannelNode::switchControlRect() const {
  if (!view_.switchable) return QRectF();
  const qreal u = DiagramPaint::lineHeight();
  const QString word = Words::switchControl();
  const qreal w = DiagramPaint::chipWidth(word, 0.95, true) + u * 0.4;
  const qreal pad = u * 0.5;
  const QRectF r(QPointF(0, 0), size());
  return QRectF(r.right() - pad - w, r.bottom() - pad * 0.6 - u * 1.45, w, u * 1.35);
}

void ChannelNode::setSwitchHighlight(qreal strength, ipclab::ObjectKind from,
                                     ipclab::ObjectKind to) {
  strength = std::clamp(strength, 0.0, 1.0);
  if (strength == highlight_ && from == switchedFrom_ && to == switchedTo_) return;
  highlight_ = strength;
  switchedFrom_ = from;
  switchedTo_ = to;
  update();
}

void ChannelNode::paintControl(QPainter* p, const QRectF& row) {
  const QRectF button = switchControlRect();
  // A button: raised, dark on light, with the arrow that says it opens a menu.
  p->save();
  p->setPen(QPen(QColor(0x3b, 0x5b, 0x86), 1.2));
  p->setBrush(QColor(0xe8, 0xf0, 0xfb));
  p->drawRoundedRect(button, 5, 5);
  p->restore();
  DiagramPaint::text(p, button, Words::switchControl(), QColor(0x1f, 0x3f, 0x6b), 0.95, true,
                     Qt::AlignHCenter);
  if (highlight_ <= 0) return;
  // Beside it, for the moment of the highlight: what it was and what it is now.
  const QString change =
      QStringLiteral("%1 → %2").arg(QString::fromLatin1(ipclab::to_string(switchedFrom_)),
                                    QString::fromLatin1(ipclab::to_string(switchedTo_)));
  const QRectF left(row.left(), button.top(), button.left() - row.left() - 6, button.height());
  const qreal w = std::min(left.width(), DiagramPaint::chipWidth(change, 0.9, true));
  QColor fill(0xb3, 0x6b, 0x00);
  fill.setAlphaF(0.25 + 0.75 * highlight_);
  DiagramPaint::chip(p, QRectF(left.left(), left.top(), w, left.height()), fill, Qt::white, change,
                     0.9, true);
}

qreal ChannelNode::addressHeight() const {
  return view_.address.empty() ? 0.0 : DiagramPaint::lineHeight() * 1.15;
}

int ChannelNode::slotRows() const {
  if (view_.hidden) return 3;
  return std::clamp(static_cast<int>(view_.messages.size()), 3, kMaxSlotRows);
}

QSizeF ChannelNode::measure() const {
  const qreal u = DiagramPaint::lineHeight();
  const qreal extra = addressHeight();
  const qreal control = controlHeight();
  // Wide enough for the name and the whole kind ("channel: POSIX message
  // queue"): a switch may change it to a longer one.
  const qreal title = DiagramPaint::textWidth(view_.name, 1.1, true) + 8 +
                      DiagramPaint::textWidth(kindText(), 0.85) + u * 1.2;
  const qreal w = std::clamp(title, u * 16, u * 22);
  if (keepsBoundaries(view_.mechanism))
    return QSizeF(w, u * (1.6 + slotRows() * 1.3 + 2.5) + extra + control);
  return QSizeF(w, u * 4.9 + extra + control);
}

void ChannelNode::paintBody(QPainter* p, const QRectF& full) {
  QRectF body = full;
  if (const qreal h = controlHeight(); h > 0) {
    paintControl(p, QRectF(body.left(), body.bottom() - h, body.width(), h));
    body.setBottom(body.bottom() - h);
  }
  if (highlight_ > 0) {
    // Just switched: the whole node outlined, fading as the highlight ends.
    p->save();
    QColor ring(0xe0, 0x8a, 0x00);
    ring.setAlphaF(highlight_);
    p->setPen(QPen(ring, 2 + 3 * highlight_));
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(QRectF(QPointF(0, 0), size()).adjusted(1, 1, -1, -1), 7, 7);
    p->restore();
  }
  if (const qreal h = addressHeight(); h > 0) {
    // Where the socket lives: the port (tcp, udp) or the socket file.
    DiagramPaint::text(p, QRectF(body.left(), body.top() - h * 0.15, body.width(), h * 0.9),
                       SocketText::shortAddress(view_.address, view_.mechanism),
                       DiagramPaint::muted(), 0.85);
    body.setTop(body.top() + h);
  }
  if (keepsBoundaries(view_.mechanism))
    paintSlots(p, body);
  else
    paintTube(p, body);
}

void ChannelNode::paintTube(QPainter* p, const QRectF& body) {
  const qreal u = DiagramPaint::lineHeight();
  const QRectF tube(body.left(), body.top() + u * 0.1, body.width(), u * 1.7);
  p->save();
  // The tube, open at both ends: data goes in on the left, comes out on the right.
  p->setPen(QPen(QColor(0x7a, 0x86, 0x94), 1.5));
  p->setBrush(QColor(0xf1, 0xf4, 0xf7));
  p->drawRoundedRect(tube, tube.height() / 2, tube.height() / 2);
  QPainterPath clip;
  clip.addRoundedRect(tube.adjusted(1, 1, -1, -1), tube.height() / 2, tube.height() / 2);
  p->setClipPath(clip);
  const qreal perByte = tube.width() / std::max<qreal>(48.0, static_cast<qreal>(view_.fill) * 1.15);
  qreal right = tube.right();
  const qreal minW = DiagramPaint::chipWidth(QStringLiteral("#88"), 0.8) + 2;
  if (view_.hidden) {
    DiagramPaint::text(p, tube, QStringLiteral("?"), DiagramPaint::ink(), 1.2, true,
                       Qt::AlignHCenter);
  } else if (!view_.messages.empty()) {
    for (const InFlightMessage& m : view_.messages) {  // oldest at the exit end
      const qreal w = std::max(minW, static_cast<qreal>(m.bytes) * perByte);
      const QRectF seg(right - w, tube.top(), w, tube.height());
      p->setPen(QPen(Qt::white, 1.5));
      p->setBrush(DiagramPaint::tint(StateStyle::processColor(m.sender), 55));
      p->drawRect(seg);
      DiagramPaint::text(p, seg, QStringLiteral("#%1").arg(m.seq), DiagramPaint::ink(), 0.8, true,
                         Qt::AlignHCenter);
      right -= w;
      if (right <= tube.left()) break;
    }
  } else if (view_.fill > 0) {
    const qreal w = std::max(minW, static_cast<qreal>(view_.fill) * perByte);
    p->setPen(Qt::NoPen);
    p->setBrush(QColor(0x9f, 0xc5, 0xe8));
    p->drawRect(QRectF(tube.right() - w, tube.top(), w, tube.height()));
  }
  p->restore();
  const QRectF line(body.left(), tube.bottom() + u * 0.2, body.width(), u * 1.2);
  const QString fill = view_.fill == 0 && !view_.hidden
                           ? QStringLiteral("%1 · %2").arg(fillText(), Words::empty())
                           : fillText();
  DiagramPaint::text(p, line, fill, DiagramPaint::ink(), 1.05, true);
  DiagramPaint::text(p, line, kernelText(), DiagramPaint::muted(), 0.85, false, Qt::AlignRight);
}

void ChannelNode::paintSlots(QPainter* p, const QRectF& body) {
  const qreal u = DiagramPaint::lineHeight();
  // Hidden: empty slots and a "?", so neither the messages nor their number show.
  const std::vector<InFlightMessage> order =
      view_.hidden ? std::vector<InFlightMessage>() : deliveryOrder();
  const int rows = view_.hidden ? 3 : slotRows();
  if (view_.hidden)
    DiagramPaint::text(p, QRectF(body.left(), body.top(), body.width(), u * 1.3 * rows),
                       QStringLiteral("?"), DiagramPaint::ink(), 1.4, true, Qt::AlignHCenter);
  const bool priorities = view_.mechanism == ipclab::ObjectKind::posix_mq;
  qreal y = body.top();
  for (int i = 0; i < rows; ++i, y += u * 1.3) {
    const QRectF slot(body.left(), y, body.width(), u * 1.15);
    const bool filled = i < static_cast<int>(order.size());
    const bool lastRow = i == rows - 1 && static_cast<int>(order.size()) > rows;
    p->save();
    // An empty slot: a faint outline (a dashed one read as a row of "=" when small).
    p->setPen(filled ? QPen(QColor(0xa9, 0xb3, 0xbe), 1) : QPen(QColor(0xd3, 0xd9, 0xe0), 1));
    p->setBrush(filled ? DiagramPaint::tint(
                             StateStyle::processColor(order[static_cast<size_t>(i)].sender), 30)
                       : QColor(0xf7, 0xf8, 0xfa));
    p->drawRoundedRect(slot, 4, 4);
    p->restore();
    if (!filled) continue;
    if (lastRow) {
      DiagramPaint::text(p, slot.adjusted(6, 0, -6, 0),
                         Words::more(static_cast<int>(order.size()) - rows + 1),
                         DiagramPaint::muted(), 0.85);
      continue;
    }
    const InFlightMessage& m = order[static_cast<size_t>(i)];
    const QString seq = QStringLiteral("#%1").arg(m.seq);
    const qreal seqW = DiagramPaint::textWidth(seq, 0.85, true) + 8;
    DiagramPaint::text(p, QRectF(slot.left() + 6, slot.top(), seqW, slot.height()), seq,
                       DiagramPaint::ink(), 0.85, true);
    qreal right = slot.right() - 4;
    if (priorities) {
      const QString prio = Words::priority(m.priority);
      const qreal w = DiagramPaint::chipWidth(prio, 0.8, true);
      DiagramPaint::chip(p, QRectF(right - w, slot.top() + 2, w, slot.height() - 4),
                         QColor(0x3b, 0x46, 0x55), Qt::white, prio, 0.8, true);
      right -= w + 6;
    }
    DiagramPaint::text(
        p,
        QRectF(slot.left() + 6 + seqW, slot.top(), right - slot.left() - 6 - seqW, slot.height()),
        QStringLiteral("“%1”").arg(m.data), DiagramPaint::ink(), 0.9);
  }
  const QRectF line(body.left(), y + u * 0.05, body.width(), u * 1.2);
  const QString fill =
      view_.capacity > 0 ? Words::ofCapacity(fillText(), view_.capacity) : fillText();
  DiagramPaint::text(p, line, fill, DiagramPaint::ink(), 1.0, true);
  DiagramPaint::text(p, line.translated(0, u * 1.1), kernelText(), DiagramPaint::muted(), 0.85);
}
