#include "edge_item.h"

#include <QCoreApplication>
#include <QGraphicsScene>
#include <QPainter>
#include <QtMath>

#include "diagram_paint.h"
#include "process_node.h"

namespace {

class Words {
  Q_DECLARE_TR_FUNCTIONS(EdgeItem)
 public:
  static QString blocked() { return tr("blocked"); }
  static QString waitsFor() { return tr("waits for", "a deadlock cycle: process -> object"); }
  static QString heldBy() { return tr("held by", "a deadlock cycle: object -> process"); }
};

QPointF sideMid(const QGraphicsItem* item, bool right) {
  const QRectF r = item->sceneBoundingRect();
  return QPointF(right ? r.right() - 2 : r.left() + 2, r.center().y());
}

void arrowHead(QPainter* p, const QPointF& tip, const QPointF& from, qreal size) {
  const QLineF line(tip, from);
  const qreal angle = qDegreesToRadians(line.angle());
  const QPointF a = tip + QPointF(std::cos(angle + 0.45) * size, -std::sin(angle + 0.45) * size);
  const QPointF b = tip + QPointF(std::cos(angle - 0.45) * size, -std::sin(angle - 0.45) * size);
  p->drawPolygon(QPolygonF({tip, a, b}));
}

}  // namespace

EdgeItem::EdgeItem(ProcessNode* from, QGraphicsItem* target, bool signal)
    : from_(from), target_(target), signal_(signal) {
  setZValue(0);
}

void EdgeItem::addVerb(const QString& verb, Flow flow) {
  if (!verbs_.contains(verb)) verbs_ << verb;
  flow_ |= flow;
  cacheGeometry();
  update();
}

void EdgeItem::clearVerbs() {
  verbs_.clear();
  cacheGeometry();
}

bool EdgeItem::setStatus(bool blocked, bool active) {
  if (blocked == blocked_ && active == active_) return false;
  blocked_ = blocked;
  active_ = active;
  update();
  return true;
}

void EdgeItem::setCycle(Cycle cycle) {
  if (cycle == cycle_) return;
  cycle_ = cycle;
  // Above the other edges, so the cycle reads as one line.
  setZValue(cycle_ == Cycle::None ? 0 : 0.5);
  cacheGeometry();
  update();
}

QString EdgeItem::cycleWord() const {
  return cycle_ == Cycle::Holds ? Words::heldBy() : Words::waitsFor();
}

void EdgeItem::adjust() {
  prepareGeometryChange();
  const QRectF a = from_->sceneBoundingRect();
  const QRectF b = target_->sceneBoundingRect();
  const bool targetRight = b.center().x() > a.center().x() + 1;
  if (std::abs(b.center().x() - a.center().x()) < 1) {
    // Same column (a signal between two processes on one side): join the
    // sides facing the middle, bowing outwards.
    start_ = sideMid(from_, true);
    end_ = sideMid(target_, true);
    const qreal bow = DiagramPaint::lineHeight() * 4;
    path_ = QPainterPath(start_);
    path_.cubicTo(start_ + QPointF(bow, 0), end_ + QPointF(bow, 0), end_);
    placeLabel();
    cacheGeometry();
    return;
  }
  start_ = sideMid(from_, targetRight);
  end_ = sideMid(target_, !targetRight);
  const qreal dx = (end_.x() - start_.x()) * 0.5;
  path_ = QPainterPath(start_);
  path_.cubicTo(start_ + QPointF(dx, 0), end_ - QPointF(dx, 0), end_);
  placeLabel();
  cacheGeometry();
}

void EdgeItem::cacheGeometry() {
  prepareGeometryChange();
  if (path_.isEmpty()) {
    labelAt_ = nearEnd_ = nearStart_ = QPointF();
  } else {
    labelAt_ = path_.pointAtPercent(labelT_);
    nearEnd_ = path_.pointAtPercent(0.93);
    nearStart_ = path_.pointAtPercent(0.07);
  }
  labelWidth_ = DiagramPaint::chipWidth(label(), 0.8, true);
  blockedWidth_ = DiagramPaint::chipWidth(Words::blocked(), 0.8, true);
  cycleWidth_ = DiagramPaint::chipWidth(cycleWord(), 0.9, true);
  bounds_ = path_.boundingRect().adjusted(-12, -12, 12, 12);
  bounds_ |= labelRect(labelWidth_).adjusted(-2, -2, 2, 2);
  bounds_ |= labelRect(blockedWidth_).adjusted(-2, -2, 2, 2);
  bounds_ |= labelRect(cycleWidth_).adjusted(-4, -4, 4, 4);
}

void EdgeItem::placeLabel() {
  // The middle, unless a node would hide the label there.
  labelT_ = 0.5;
  if (!scene()) return;
  const QString text = blocked_ ? Words::blocked() : label();
  for (qreal t : {0.5, 0.38, 0.62, 0.26, 0.74, 0.15, 0.85}) {
    bool covered = false;
    for (const QGraphicsItem* item : scene()->items(labelRect(text, t)))
      covered = covered || (item != this && item->zValue() >= 1 && item->zValue() < 10);
    if (!covered) {
      labelT_ = t;
      return;
    }
  }
}

QRectF EdgeItem::labelRect(const QString& text, qreal t) const {
  const QPointF at = path_.pointAtPercent(t);
  const qreal u = DiagramPaint::lineHeight(0.8);
  const qreal w = DiagramPaint::chipWidth(text, 0.8, true);
  return QRectF(at.x() - w / 2, at.y() - u * 0.6, w, u * 1.2);
}

QRectF EdgeItem::labelRect(qreal width) const {
  const qreal u = DiagramPaint::lineHeight(0.8);
  return QRectF(labelAt_.x() - width / 2, labelAt_.y() - u * 0.6, width, u * 1.2);
}

QRectF EdgeItem::boundingRect() const {
  return bounds_;
}

QPainterPath EdgeItem::shape() const {
  QPainterPathStroker stroker;
  stroker.setWidth(8);
  return stroker.createStroke(path_);
}

void EdgeItem::paint(QPainter* p, const QStyleOptionGraphicsItem*, QWidget*) {
  p->setRenderHint(QPainter::Antialiasing);
  if (cycle_ != Cycle::None) {
    paintCycle(p);
    return;
  }
  QColor color = signal_ ? QColor(0x8e, 0x44, 0xad) : QColor(0x9a, 0xa4, 0xb0);
  qreal width = 1.6;
  if (active_) {
    color = from_->color();
    width = 2.6;
  }
  if (blocked_) {
    color = DiagramPaint::blocked();
    width = 2.8;
  }
  Qt::PenStyle style = Qt::SolidLine;
  if (blocked_)
    style = Qt::DashLine;
  else if (signal_)
    style = Qt::DotLine;
  p->setPen(QPen(color, width, style, Qt::RoundCap));
  p->setBrush(Qt::NoBrush);
  p->drawPath(path_);
  p->setPen(Qt::NoPen);
  p->setBrush(color);
  const qreal head = 6 + width * 2;
  if (flow_ & ToTarget) arrowHead(p, end_, nearEnd_, head);
  if (flow_ & FromTarget) arrowHead(p, start_, nearStart_, head);
  // One label in the middle, where edges that share an end are furthest apart.
  if (blocked_) {
    DiagramPaint::chip(p, labelRect(blockedWidth_), DiagramPaint::blocked(), Qt::white,
                       Words::blocked(), 0.8, true);
    return;
  }
  const QString text = label();
  if (!text.isEmpty())
    DiagramPaint::chip(p, labelRect(labelWidth_), QColor(0xee, 0xf1, 0xf4), DiagramPaint::ink(),
                       text, 0.8, active_);
}

void EdgeItem::paintCycle(QPainter* p) {
  // Thick, solid and red, with the arrow along the cycle: into the object
  // from its waiter, out of it to its holder.
  const QColor red = DiagramPaint::blocked();
  p->setPen(QPen(Qt::white, 8, Qt::SolidLine, Qt::RoundCap));
  p->setBrush(Qt::NoBrush);
  p->drawPath(path_);
  p->setPen(QPen(red, 4.2, Qt::SolidLine, Qt::RoundCap));
  p->drawPath(path_);
  p->setPen(Qt::NoPen);
  p->setBrush(red);
  if (cycle_ == Cycle::Waits)
    arrowHead(p, end_, nearEnd_, 16);
  else
    arrowHead(p, start_, nearStart_, 16);
  const QRectF label = labelRect(cycleWidth_);
  p->save();
  p->setPen(QPen(Qt::white, 2));
  p->drawRoundedRect(label.adjusted(-1, -1, 1, 1), 8, 8);
  p->restore();
  DiagramPaint::chip(p, label, red, Qt::white, cycleWord(), 0.9, true);
}
