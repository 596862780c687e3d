#include "rpc_node.h"

#include <QPainter>
#include <algorithm>

#include "diagram_paint.h"
#include "state_style.h"

namespace {

class Words {
  Q_DECLARE_TR_FUNCTIONS(RpcNode)
 public:
  static QString calls(int n) { return n == 1 ? tr("1 call") : tr("%1 calls").arg(n); }
  static QString pending(int n) { return tr("%1 pending").arg(n); }
  static QString none() { return tr("no call yet"); }
  static QString waiting() { return tr("waiting for the server"); }
  static QString serving(const QString& server) { return tr("being served by %1").arg(server); }
  static QString answered(const QString& server) { return tr("answered by %1").arg(server); }
  static QString failed() { return tr("failed: no reply"); }
  static QString noServer() { return tr("failed: no server to call"); }
  static QString calledBy(const QString& caller) { return tr("called by %1").arg(caller); }
  static QString earlier(int n) { return tr("%1 earlier not shown").arg(n); }
};

// Row geometry, in lines of the application font.
constexpr qreal kRowHeight = 2.45;
constexpr qreal kRowGap = 0.3;
constexpr qreal kCallScale = 1.0;
constexpr qreal kStateScale = 0.9;

struct RowStyle {
  QColor fill, border, state;
  qreal width;
};

RowStyle styleOf(const RpcCall& call) {
  using ipclab::WorkerState;
  switch (call.state) {
    case RpcCall::State::waiting:
    case RpcCall::State::serving:
      // Pending: its caller is blocked until the reply, so the row wears the
      // colours of a blocked process, with a thicker frame.
      return {StateStyle::stateBackground(WorkerState::blocked), DiagramPaint::blocked(),
              StateStyle::stateForeground(WorkerState::blocked), 2.2};
    case RpcCall::State::answered:
      return {QColor(0xf2, 0xf8, 0xf3), QColor(0xb7, 0xd3, 0xbe), QColor(0x1e, 0x6b, 0x31), 1.0};
    case RpcCall::State::failed:
      return {QColor(0xee, 0xef, 0xf1), QColor(0x8a, 0x94, 0x9f), DiagramPaint::blocked(), 1.6};
  }
  return {};
}

int pendingCount(const std::vector<RpcCall>& calls) {
  return static_cast<int>(
      std::count_if(calls.begin(), calls.end(), [](const RpcCall& c) { return c.pending(); }));
}

}  // namespace

QString RpcNode::stateText(const RpcCall& call) const {
  switch (call.state) {
    case RpcCall::State::waiting:
      return Words::waiting();
    case RpcCall::State::serving:
      return Words::serving(workerName(call.server));
    case RpcCall::State::answered:
      return Words::answered(workerName(call.server));
    case RpcCall::State::failed:
      // Without an id the request was never sent: connect() found no server.
      return call.id < 0 ? Words::noServer() : Words::failed();
  }
  return QString();
}

QString RpcNode::rowText(const RpcCall& call) const {
  QString out = call.id >= 0 ? QStringLiteral("#%1 ").arg(call.id) : QString();
  out += call.callText();
  if (call.state == RpcCall::State::answered) out += QStringLiteral(" → ") + call.result;
  return QStringLiteral("%1 · %2 · %3")
      .arg(out, stateText(call), Words::calledBy(workerName(call.caller)));
}

QString RpcNode::countsText() const {
  const int pending = pendingCount(view_.calls);
  QString out = Words::calls(view_.callCount);
  if (pending > 0) out += QStringLiteral(" · ") + Words::pending(pending);
  return out;
}

QString RpcNode::text() const {
  QString out = QStringLiteral("%1: %2").arg(view_.name, countsText());
  for (const RpcCall& call : view_.calls) out += QLatin1Char('\n') + rowText(call);
  return out;
}

QSizeF RpcNode::measure() const {
  const qreal u = DiagramPaint::lineHeight();
  const int rows = std::clamp(static_cast<int>(view_.calls.size()), 1, kRows);
  return QSizeF(u * 19, u * (1.6 + rows * (kRowHeight + kRowGap) + 1.6));
}

void RpcNode::paintBody(QPainter* p, const QRectF& body) {
  const qreal u = DiagramPaint::lineHeight();
  qreal y = body.top() + u * 0.1;
  if (view_.calls.empty()) {
    const QRectF row(body.left(), y, body.width(), u * kRowHeight);
    p->save();
    p->setPen(QPen(QColor(0xa9, 0xb3, 0xbe), 1, Qt::DashLine));
    p->setBrush(QColor(0xf7, 0xf8, 0xfa));
    p->drawRoundedRect(row, 5, 5);
    p->restore();
    DiagramPaint::text(p, row.adjusted(u * 0.5, 0, -u * 0.5, 0), Words::none(),
                       DiagramPaint::muted(), 0.95);
    y = row.bottom() + u * kRowGap;
  }
  for (const RpcCall& call : view_.calls) {
    const QRectF row(body.left(), y, body.width(), u * kRowHeight);
    paintRow(p, row, call);
    y = row.bottom() + u * kRowGap;
  }
  // Below the rows: how many calls there were, and how many still wait.
  const QRectF line(body.left(), y, body.width(), u * 1.3);
  const bool pending = pendingCount(view_.calls) > 0;
  DiagramPaint::text(p, line, countsText(),
                     pending ? styleOf(RpcCall()).state : DiagramPaint::ink(), 1.0, true);
  const int hidden = view_.callCount - static_cast<int>(view_.calls.size());
  if (hidden > 0)
    DiagramPaint::text(p, line, Words::earlier(hidden), DiagramPaint::muted(), 0.85, false,
                       Qt::AlignRight);
}

void RpcNode::paintRow(QPainter* p, const QRectF& row, const RpcCall& call) const {
  const qreal u = DiagramPaint::lineHeight();
  const RowStyle style = styleOf(call);
  p->save();
  p->setPen(QPen(style.border, style.width));
  p->setBrush(style.fill);
  p->drawRoundedRect(
      row.adjusted(style.width / 2, style.width / 2, -style.width / 2, -style.width / 2), 5, 5);
  p->restore();
  const qreal pad = u * 0.45;
  const qreal left = row.left() + pad;
  const qreal right = row.right() - pad;
  const qreal callH = DiagramPaint::lineHeight(kCallScale) * 1.1;
  const QRectF top(left, row.top() + u * 0.15, right - left, callH);

  // Who called: a chip in the caller's colour, on the right.
  const QString caller = workerName(call.caller);
  const qreal chipW = std::min(DiagramPaint::chipWidth(caller, 0.85, true), top.width() * 0.4);
  DiagramPaint::chip(p, QRectF(right - chipW, top.top() + 1, chipW, top.height() - 2),
                     StateStyle::processColor(call.caller), Qt::white, caller, 0.85, true);
  qreal x = left;
  const qreal textRight = right - chipW - u * 0.4;
  // "#1", the call, and its result right after it: the pair reads as one line.
  if (call.id >= 0) {
    const QString seq = QStringLiteral("#%1").arg(call.id);
    const qreal w = DiagramPaint::textWidth(seq, kCallScale, true) + u * 0.35;
    DiagramPaint::text(p, QRectF(x, top.top(), w, top.height()), seq, DiagramPaint::ink(),
                       kCallScale, true);
    x += w;
  }
  const bool answered = call.state == RpcCall::State::answered;
  const QString result = answered ? QStringLiteral("→ ") + call.result : QString();
  const qreal resultW = answered ? std::min(DiagramPaint::textWidth(result, kCallScale, true) + 2,
                                            (textRight - x) * 0.45)
                                 : 0.0;
  const QString what = call.callText();
  const qreal whatW = std::min(DiagramPaint::textWidth(what, kCallScale) + u * 0.35,
                               std::max(0.0, textRight - x - resultW));
  DiagramPaint::text(p, QRectF(x, top.top(), whatW, top.height()), what, DiagramPaint::ink(),
                     kCallScale);
  x += whatW;
  if (answered)
    DiagramPaint::text(p, QRectF(x, top.top(), textRight - x, top.height()), result, style.state,
                       kCallScale, true);

  // How far it got, in words, in the state's colour.
  const QRectF bottom(left, top.bottom(), right - left, row.bottom() - top.bottom() - u * 0.1);
  DiagramPaint::text(p, bottom, stateText(call), style.state, kStateScale, true);
}
