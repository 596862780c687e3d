#include "object_node.h"

#include <QPainter>

#include "cells_node.h"
#include "channel_node.h"
#include "diagram_paint.h"
#include "mutex_node.h"
#include "rpc_node.h"
#include "semaphore_node.h"
#include "state_style.h"
#include "sync_node.h"

namespace {

class Words {
  Q_DECLARE_TR_FUNCTIONS(ObjectNode)
 public:
  static QString bytes(qint64 n) { return n == 1 ? tr("1 byte") : tr("%1 bytes").arg(n); }
  static QString messages(qint64 n) { return n == 1 ? tr("1 message") : tr("%1 messages").arg(n); }
};

}  // namespace

ObjectNode::ObjectNode(int index, const QStringList* workerNames)
    : index_(index), names_(workerNames) {
  setZValue(1);
}

bool ObjectNode::setView(const ObjectView& view) {
  const QSizeF before = size_;
  if (view == view_ && !size_.isEmpty()) {
    if (measure() == before) return false;
  }
  view_ = view;
  const QSizeF after = measure();
  if (after != before) {
    prepareGeometryChange();
    size_ = after;
  }
  setToolTip(text());
  update();
  return true;
}

QString ObjectNode::workerName(int worker) const {
  if (!names_ || worker < 0 || worker >= names_->size()) return QStringLiteral("?");
  return names_->at(worker);
}

QString ObjectNode::bytesText(qint64 n) {
  return Words::bytes(n);
}

QString ObjectNode::messagesText(qint64 n) {
  return Words::messages(n);
}

QString ObjectNode::fillText() const {
  if (view_.hidden) return QStringLiteral("?");
  if (view_.unit == QLatin1String("bytes")) return Words::bytes(view_.fill);
  if (view_.unit == QLatin1String("messages")) return Words::messages(view_.fill);
  if (view_.unit.isEmpty()) return QString();
  return QString::number(view_.fill);
}

QString ObjectNode::text() const {
  const QString fill = fillText();
  return fill.isEmpty() ? view_.name : QStringLiteral("%1: %2").arg(view_.name, fill);
}

QSizeF ObjectNode::measure() const {
  const qreal u = DiagramPaint::lineHeight();
  return QSizeF(u * 14, u * 3.2);
}

QRectF ObjectNode::boundingRect() const {
  return QRectF(QPointF(0, 0), size_).adjusted(-2, -2, 2, 2);
}

void ObjectNode::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  const QRectF r(QPointF(0, 0), size_);
  const qreal u = DiagramPaint::lineHeight();
  p->setRenderHint(QPainter::Antialiasing);
  const bool waiting = !view_.waiters.empty();
  DiagramPaint::card(p, r, waiting ? DiagramPaint::blocked() : DiagramPaint::frame(),
                     view_.inCycle ? 3.4 : (waiting ? 2.0 : 1.2));
  // Title: the name, and what kind of object it is.
  const qreal pad = u * 0.5;
  const QRectF title(pad, u * 0.25, r.width() - 2 * pad, u * 1.2);
  const qreal nameW =
      std::min(title.width() * 0.55, DiagramPaint::textWidth(view_.name, 1.1, true));
  DiagramPaint::text(p, QRectF(title.left(), title.top(), nameW + 2, title.height()), view_.name,
                     DiagramPaint::ink(), 1.1, true);
  const QString kind = kindText();
  DiagramPaint::text(
      p, QRectF(title.left() + nameW + 8, title.top(), title.width() - nameW - 8, title.height()),
      kind, DiagramPaint::muted(), 0.85, false, Qt::AlignRight);
  paintBody(p, QRectF(pad, u * 1.6, r.width() - 2 * pad, r.height() - u * 1.6 - pad * 0.6));
}

QString ObjectNode::kindText() const {
  if (view_.isPrivate) return DiagramPaint::tr("private: one per process");
  const QString kind = DiagramPaint::kindWord(view_.mechanism);
  if (view_.kind == ipclab::ObjectKind::channel) return DiagramPaint::tr("channel: %1").arg(kind);
  return kind;
}

void ObjectNode::paintBody(QPainter* p, const QRectF& body) {
  const QString fill = fillText();
  DiagramPaint::text(p, body, fill.isEmpty() ? QStringLiteral("–") : fill, DiagramPaint::ink(), 1.1,
                     true);
}

qreal ObjectNode::paintWorkerChips(QPainter* p, const std::vector<int>& workers, qreal x, qreal y,
                                   qreal right, qreal height) const {
  return paintWorkerChips(p, workers, {}, x, y, right, height);
}

qreal ObjectNode::paintWorkerChips(QPainter* p, const std::vector<int>& workers,
                                   const std::vector<char>& modes, qreal x, qreal y, qreal right,
                                   qreal height) const {
  for (size_t i = 0; i < workers.size(); ++i) {
    const QString name = workerWithMode(workers[i], i < modes.size() ? modes[i] : 0);
    const qreal w = DiagramPaint::chipWidth(name, 0.85, true);
    if (x + w > right) {
      DiagramPaint::text(p, QRectF(x, y, right - x, height),
                         QStringLiteral("+%1").arg(workers.size() - i), DiagramPaint::muted(),
                         0.85);
      return right;
    }
    DiagramPaint::chip(p, QRectF(x, y, w, height), StateStyle::processColor(workers[i]), Qt::white,
                       name, 0.85, true);
    x += w + 4;
  }
  return x;
}

QString ObjectNode::modeWord(char mode) const {
  using K = ipclab::ObjectKind;
  if (mode == 0) return QString();
  if (view_.mechanism == K::rwlock)
    return mode == 'w' ? DiagramPaint::tr("write", "holds or waits for a rwlock as a writer")
                       : DiagramPaint::tr("read", "holds or waits for a rwlock as a reader");
  return mode == 'w' ? DiagramPaint::tr("exclusive", "a file lock")
                     : DiagramPaint::tr("shared", "a file lock");
}

QString ObjectNode::workerWithMode(int worker, char mode) const {
  const QString word = modeWord(mode);
  return word.isEmpty() ? workerName(worker)
                        : QStringLiteral("%1 (%2)").arg(workerName(worker), word);
}

void ObjectNode::paintRow(QPainter* p, const QRectF& row, qreal labelW, const QString& label,
                          const QColor& labelColor, const std::vector<int>& workers,
                          const std::vector<char>& modes, const QString& none) const {
  if (workers.empty()) {
    DiagramPaint::text(p, row, none, DiagramPaint::muted(), 0.9);
    return;
  }
  DiagramPaint::text(p, QRectF(row.left(), row.top(), labelW, row.height()), label, labelColor,
                     0.85, true);
  paintWorkerChips(p, workers, modes, row.left() + labelW, row.top(), row.right(), row.height());
}

ObjectNode* makeObjectNode(int index, const ipclab::ObjectSpec& spec, const QStringList* names) {
  using K = ipclab::ObjectKind;
  switch (spec.mechanism) {
    case K::semaphore:
      return new SemaphoreNode(index, names);
    case K::mutex:
      return new MutexNode(index, names);
    case K::shared_memory:
      return new CellsNode(index, names);
    case K::rpc:
      return new RpcNode(index, names);
    case K::rwlock:
    case K::condvar:
    case K::event:
    case K::barrier:
    case K::file_lock:
      return new SyncNode(index, names);
    default:
      if (ipclab::is_channel_mechanism(spec.mechanism)) return new ChannelNode(index, names);
      return new ObjectNode(index, names);
  }
}
