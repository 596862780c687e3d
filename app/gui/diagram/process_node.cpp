#include "process_node.h"

#include <QCoreApplication>
#include <QCursor>
#include <QPainter>

#include "diagram_paint.h"
#include "runtime/state_model.hpp"
#include "state_style.h"

namespace {

class Words {
  Q_DECLARE_TR_FUNCTIONS(ProcessNode)
 public:
  static QString blockedOn(const QString& obj) { return tr("blocked on %1").arg(obj); }
  static QString blockedSignal() { return tr("blocked, waiting for a signal"); }
  static QString exited(int code) { return tr("finished (exit code %1)").arg(code); }
  // The signal by its name (SIGPIPE), as the event log says it.
  static QString killed(int sig) {
    return tr("killed (signal %1)").arg(QString::fromStdString(ipclab::signal_display_name(sig)));
  }
  static QString pid(int pid) { return tr("pid %1").arg(pid); }
  static QString done() { return tr("no more actions"); }
  static QString progress(int op, int count) { return tr("%1 of %2").arg(op).arg(count); }
  static QString deadlocked() { return tr("deadlocked"); }
  static QString deadlockedTip() {
    return tr(
        "In a deadlock: it waits for what another process of the cycle holds, "
        "which waits in its turn; none of them can go on.");
  }
  static QString starving() { return tr("starving"); }
  static QString starvingTip(int times, const QString& obj) {
    return tr("Starving: others got %1 %2 times while this process kept waiting for it.")
        .arg(obj)
        .arg(times);
  }
};

}  // namespace

ProcessNode::ProcessNode(int worker, const QString& name)
    : worker_(worker), name_(name), size_(cardSize()) {
  setZValue(2);
  setAcceptedMouseButtons(Qt::LeftButton);
  setCursor(Qt::PointingHandCursor);
}

QSizeF ProcessNode::cardSize() {
  const qreal u = DiagramPaint::lineHeight();
  return QSizeF(u * 15.5, u * 4.4);
}

QColor ProcessNode::color() const {
  return StateStyle::processColor(worker_);
}

bool ProcessNode::setState(const State& state) {
  const bool resized = size_ != cardSize();
  if (state == state_ && !resized) return false;
  if (resized) {
    prepareGeometryChange();
    size_ = cardSize();
  }
  state_ = state;
  QString tip = QStringLiteral("%1 (%2)\n%3\n%4")
                    .arg(name_, Words::pid(state_.pid), stateText(), actionText());
  if (state_.deadlocked) tip += QStringLiteral("\n") + Words::deadlockedTip();
  if (starving())
    tip += QStringLiteral("\n") + Words::starvingTip(state_.overtaken, state_.blockedOn.isEmpty()
                                                                           ? QStringLiteral("?")
                                                                           : state_.blockedOn);
  setToolTip(tip);
  update();
  return true;
}

void ProcessNode::setSelected(bool selected) {
  if (selected == selected_) return;
  selected_ = selected;
  update();
}

QString ProcessNode::stateText() const {
  using S = ipclab::WorkerState;
  switch (state_.state) {
    case S::blocked:
      return state_.blockedOn.isEmpty() ? Words::blockedSignal()
                                        : Words::blockedOn(state_.blockedOn);
    case S::exited:
      return state_.exitCode > 0 ? Words::exited(state_.exitCode)
                                 : StateStyle::stateWord(S::exited);
    case S::killed:
      return state_.termSignal > 0 ? Words::killed(state_.termSignal)
                                   : StateStyle::stateWord(S::killed);
    default:
      return StateStyle::stateWord(state_.state);
  }
}

bool ProcessNode::starving() const {
  return state_.state == ipclab::WorkerState::blocked &&
         state_.overtaken >= ipclab::StateModel::kStarvingAfter;
}

QStringList ProcessNode::markers() const {
  QStringList out;
  if (state_.deadlocked) out << Words::deadlocked();
  if (starving()) out << Words::starving();
  return out;
}

QString ProcessNode::actionText() const {
  if (state_.action.isEmpty()) return Words::done();
  return state_.action;
}

QRectF ProcessNode::boundingRect() const {
  // The tags hang over the top edge.
  const qreal tag = DiagramPaint::lineHeight() * 0.95;
  return QRectF(QPointF(0, 0), size_).adjusted(-3, -3 - tag, 3, 3);
}

void ProcessNode::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  const QRectF r(QPointF(0, 0), size_);
  const qreal u = DiagramPaint::lineHeight();
  const bool blocked = state_.state == ipclab::WorkerState::blocked;
  p->setRenderHint(QPainter::Antialiasing);
  const qreal border = state_.deadlocked ? 3.4 : (blocked ? 2.2 : 1.6);
  DiagramPaint::card(
      p, r, selected_ ? DiagramPaint::ink() : (blocked ? DiagramPaint::blocked() : color()),
      selected_ ? 3.0 : border);
  // The process's colour as a stripe down the left edge.
  p->save();
  p->setPen(Qt::NoPen);
  p->setBrush(color());
  p->drawRoundedRect(QRectF(r.left() + 1, r.top() + 1, u * 0.55, r.height() - 2), 6, 6);
  p->restore();

  const qreal x = r.left() + u * 0.95;
  const qreal w = r.width() - u * 1.35;
  qreal y = r.top() + u * 0.3;
  // Line 1: name and pid.
  const QString pid = state_.pid > 0 ? Words::pid(state_.pid) : QString();
  const qreal pidW = DiagramPaint::textWidth(pid, 0.9) + 4;
  DiagramPaint::text(p, QRectF(x, y, w - pidW, u * 1.15), name_, DiagramPaint::ink(), 1.15, true);
  DiagramPaint::text(p, QRectF(x + w - pidW, y, pidW, u * 1.15), pid, DiagramPaint::muted(), 0.9,
                     false, Qt::AlignRight);
  y += u * 1.35;
  // Line 2: the state as a chip, in the state's colours, and the progress.
  const QString state = stateText();
  const qreal chipW = std::min(w * 0.78, DiagramPaint::chipWidth(state, 0.95, true));
  DiagramPaint::chip(p, QRectF(x, y, chipW, u * 1.2), StateStyle::stateBackground(state_.state),
                     StateStyle::stateForeground(state_.state), state, 0.95, true);
  if (state_.opCount > 0)
    DiagramPaint::text(p, QRectF(x + chipW + 6, y, w - chipW - 6, u * 1.2),
                       Words::progress(std::min(state_.op + 1, state_.opCount), state_.opCount),
                       DiagramPaint::muted(), 0.85, false, Qt::AlignRight);
  y += u * 1.45;
  // Line 3: the action it is on.
  DiagramPaint::text(p, QRectF(x, y, w, u * 1.1),
                     state_.action.isEmpty() ? actionText() : QStringLiteral("▸ ") + actionText(),
                     state_.action.isEmpty() ? DiagramPaint::muted() : DiagramPaint::ink(), 0.95);
  paintMarkers(p, r);
}

void ProcessNode::paintMarkers(QPainter* p, const QRectF& r) const {
  // Tags across the top edge, from the right: a word in a strong colour, with
  // a symbol, so neither colour nor word alone carries it.
  const qreal u = DiagramPaint::lineHeight();
  qreal right = r.right() - u * 0.6;
  const qreal h = u * 1.15;
  auto tag = [&](const QString& word, const QColor& fill, const QColor& ink) {
    const qreal w = DiagramPaint::chipWidth(word, 0.9, true);
    // Above the name line: it covers only the card's top edge.
    const QRectF rect(right - w, r.top() - h * 0.8, w, h);
    p->save();
    p->setPen(QPen(Qt::white, 2));
    p->setBrush(Qt::NoBrush);
    p->drawRoundedRect(rect.adjusted(-1, -1, 1, 1), 8, 8);
    p->restore();
    DiagramPaint::chip(p, rect, fill, ink, word, 0.9, true);
    right -= w + u * 0.4;
  };
  if (state_.deadlocked)
    tag(QStringLiteral("✖ ") + Words::deadlocked(), DiagramPaint::blocked(), Qt::white);
  if (starving())
    tag(QStringLiteral("⚠ ") + Words::starving(), QColor(0xf2, 0xa9, 0x00),
        QColor(0x2b, 0x1d, 0x00));
}
