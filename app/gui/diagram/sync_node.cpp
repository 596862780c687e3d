#include "sync_node.h"

#include <QCoreApplication>
#include <QPainter>
#include <algorithm>

#include "diagram_paint.h"
#include "state_style.h"

namespace {

class Words {
  Q_DECLARE_TR_FUNCTIONS(SyncNode)
 public:
  static QString inside() { return tr("inside:"); }
  static QString holds() { return tr("holds:"); }
  static QString waiting() { return tr("waiting:"); }
  static QString nobodyInside() { return tr("nobody inside"); }
  static QString nobodyHolds() { return tr("nobody holds it"); }
  static QString nobody() { return tr("nobody waits"); }
  static QString free() { return tr("free"); }
  static QString readers(int n) {
    return n == 1 ? tr("1 reader inside") : tr("%1 readers inside").arg(n);
  }
  static QString writer() { return tr("a writer inside: everyone else waits"); }
  static QString pairs(const QString& mutex) { return tr("pairs with mutex %1").arg(mutex); }
  static QString noPartner() { return tr("waits release their mutex"); }
  static QString set() { return tr("set"); }
  static QString unset() { return tr("not set"); }
  static QString manual() { return tr("manual reset"); }
  static QString autoReset() { return tr("auto reset"); }
  static QString arrived(int k, int n) { return tr("%1 of %2 arrived").arg(k).arg(n); }
  static QString arrivedSome(int k) { return tr("%1 arrived").arg(k); }
  static QString heldShared(int n) {
    return n == 1 ? tr("1 shared lock") : tr("%1 shared locks").arg(n);
  }
  static QString heldExclusive() { return tr("locked exclusively"); }
  static QString held(int n) {
    return n == 1 ? tr("held by 1 process") : tr("held by %1 processes").arg(n);
  }
};

int count(const std::vector<char>& modes, char mode) {
  return static_cast<int>(std::count(modes.begin(), modes.end(), mode));
}

}  // namespace

QString SyncNode::stateText() const {
  using K = ipclab::ObjectKind;
  if (view_.hidden) return QStringLiteral("?");
  const int holders = static_cast<int>(view_.holders.size());
  switch (view_.mechanism) {
    case K::rwlock:
      if (holders == 0) return Words::free();
      if (count(view_.holderModes, 'w') > 0) return Words::writer();
      return Words::readers(holders);
    case K::condvar:
      return view_.partner.isEmpty() ? Words::noPartner() : Words::pairs(view_.partner);
    case K::event: {
      // The kernel's word (the event's own storage) when there is one, else
      // the model's count: 1 while the event is set.
      const bool set = view_.kernelFill ? *view_.kernelFill > 0 : view_.fill > 0;
      QString out = set ? Words::set() : Words::unset();
      if (view_.autoReset)
        out += QStringLiteral(" · ") + (*view_.autoReset ? Words::autoReset() : Words::manual());
      return out;
    }
    case K::barrier: {
      const int k = static_cast<int>(view_.waiters.size());
      return view_.parties > 0 ? Words::arrived(k, view_.parties) : Words::arrivedSome(k);
    }
    case K::file_lock:
      if (holders == 0) return Words::free();
      if (count(view_.holderModes, 'w') > 0) return Words::heldExclusive();
      if (count(view_.holderModes, 'r') == holders) return Words::heldShared(holders);
      return Words::held(holders);
    default:
      return holders == 0 ? Words::free() : Words::held(holders);
  }
}

QColor SyncNode::stateColor() const {
  using K = ipclab::ObjectKind;
  const QColor green(0x1e, 0x7b, 0x34);
  if (view_.hidden) return DiagramPaint::ink();
  switch (view_.mechanism) {
    case K::event:
      return stateText().startsWith(Words::set()) ? green : DiagramPaint::blocked();
    case K::barrier:
    case K::condvar:
      return DiagramPaint::ink();
    default:
      return view_.holders.empty() ? green : DiagramPaint::ink();
  }
}

QString SyncNode::text() const {
  QString out = QStringLiteral("%1: %2").arg(view_.name, stateText());
  auto list = [this](const std::vector<int>& ws, const std::vector<char>& modes) {
    QStringList names;
    for (size_t i = 0; i < ws.size(); ++i)
      names << workerWithMode(ws[i], i < modes.size() ? modes[i] : 0);
    return names.join(QStringLiteral(", "));
  };
  if (!view_.holders.empty() && !view_.hidden)
    out += QStringLiteral(", %1 %2").arg(Words::inside(), list(view_.holders, view_.holderModes));
  if (view_.hidden)  // who waits tells the state as well (a barrier's arrivals)
    out += QStringLiteral(", %1 ?").arg(Words::waiting());
  else if (!view_.waiters.empty())
    out += QStringLiteral(", %1 %2").arg(Words::waiting(), list(view_.waiters, view_.waiterModes));
  if (!view_.kernelNote.empty() && !view_.hidden)
    out += QStringLiteral(" (%1)").arg(QString::fromStdString(view_.kernelNote));
  return out;
}

QSizeF SyncNode::measure() const {
  const qreal u = DiagramPaint::lineHeight();
  using K = ipclab::ObjectKind;
  // Condvars, barriers and events hold nobody: a state line and the waiters.
  const bool holds =
      view_.mechanism != K::condvar && view_.mechanism != K::barrier && view_.mechanism != K::event;
  qreal h = u * (1.6 + 1.45 + 1.35 + (holds ? 1.35 : 0) + 0.5);
  if (!view_.kernelNote.empty()) h += u * 1.25;
  return QSizeF(u * 17, h);
}

void SyncNode::paintBarrier(QPainter* p, const QRectF& row) const {
  // One slot per party, filled in the colour of each process waiting at it.
  const int n = std::clamp(view_.parties, 0, 12);
  if (n == 0) return;
  const qreal u = DiagramPaint::lineHeight();
  const qreal d = std::min(u * 0.95, (row.width() * 0.45) / n);
  qreal x = row.right() - n * (d + 3);
  p->save();
  for (int i = 0; i < n; ++i) {
    const QRectF slot(x, row.center().y() - d / 2, d, d);
    if (static_cast<size_t>(i) < view_.waiters.size()) {
      p->setPen(Qt::NoPen);
      p->setBrush(StateStyle::processColor(view_.waiters[static_cast<size_t>(i)]));
    } else {
      p->setPen(QPen(DiagramPaint::frame(), 1.5));
      p->setBrush(Qt::white);
    }
    p->drawEllipse(slot);
    x += d + 3;
  }
  p->restore();
}

void SyncNode::paintBody(QPainter* p, const QRectF& body) {
  using K = ipclab::ObjectKind;
  const qreal u = DiagramPaint::lineHeight();
  qreal y = body.top();
  const QRectF stateRow(body.left(), y, body.width(), u * 1.3);
  if (view_.mechanism == K::event) {
    // The state as a lamp-like chip: the word is what counts.
    const QString state = stateText();
    const bool set = state.startsWith(Words::set());
    const qreal w = std::min(body.width(), DiagramPaint::chipWidth(state, 1.0, true));
    DiagramPaint::chip(p, QRectF(stateRow.left(), y, w, stateRow.height()),
                       set ? QColor(0x1e, 0x7b, 0x34) : QColor(0xe4, 0xe7, 0xeb),
                       set ? Qt::white : DiagramPaint::ink(), state, 1.0, true);
  } else {
    DiagramPaint::text(p, stateRow, stateText(), stateColor(), 1.0, true);
    if (view_.mechanism == K::barrier && !view_.hidden) paintBarrier(p, stateRow);
  }
  y += u * 1.45;
  const qreal labelW = std::max({DiagramPaint::textWidth(Words::inside(), 0.85, true),
                                 DiagramPaint::textWidth(Words::holds(), 0.85, true),
                                 DiagramPaint::textWidth(Words::waiting(), 0.85, true)}) +
                       8;
  const bool holds =
      view_.mechanism != K::condvar && view_.mechanism != K::barrier && view_.mechanism != K::event;
  if (holds) {
    const bool lock = view_.mechanism == K::file_lock;
    if (view_.hidden)  // how many hold it is the question
      DiagramPaint::text(p, QRectF(body.left(), y, body.width(), u * 1.2),
                         QStringLiteral("%1 ?").arg(lock ? Words::holds() : Words::inside()),
                         DiagramPaint::ink(), 0.85, true);
    else
      paintRow(p, QRectF(body.left(), y, body.width(), u * 1.2), labelW,
               lock ? Words::holds() : Words::inside(), DiagramPaint::ink(), view_.holders,
               view_.holderModes, lock ? Words::nobodyHolds() : Words::nobodyInside());
    y += u * 1.35;
  }
  if (view_.hidden)
    DiagramPaint::text(p, QRectF(body.left(), y, body.width(), u * 1.2),
                       QStringLiteral("%1 ?").arg(Words::waiting()), DiagramPaint::ink(), 0.85,
                       true);
  else
    paintRow(p, QRectF(body.left(), y, body.width(), u * 1.2), labelW, Words::waiting(),
             DiagramPaint::blocked(), view_.waiters, view_.waiterModes, Words::nobody());
  y += u * 1.35;
  if (!view_.kernelNote.empty() && !view_.hidden)
    DiagramPaint::text(p, QRectF(body.left(), y, body.width(), u * 1.1),
                       QString::fromStdString(view_.kernelNote), DiagramPaint::muted(), 0.8);
}
