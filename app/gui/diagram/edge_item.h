// EdgeItem: a line from a process to an object its plan uses (labelled with
// the actions: "send", "wait · post", ...), or from a process to the process
// it signals. An arrow shows which way data goes. The edge of the action a
// process is on is drawn in its colour; a process blocked on the object is
// drawn red and dashed with the word "blocked". An edge on a deadlock cycle
// is drawn thick and red, solid, with an arrow along the cycle: "waits for"
// from the waiting process to the object, "held by" from the object to the
// process that holds it.
#pragma once

#include <QGraphicsItem>
#include <QPainterPath>
#include <QString>

class ProcessNode;

class EdgeItem : public QGraphicsItem {
 public:
  enum Flow { None = 0, ToTarget = 1, FromTarget = 2 };
  enum class Cycle { None, Waits, Holds };

  // `target` is an ObjectNode or, for a signal, the ProcessNode signalled.
  EdgeItem(ProcessNode* from, QGraphicsItem* target, bool signal);

  ProcessNode* from() const { return from_; }
  QGraphicsItem* target() const { return target_; }
  void addVerb(const QString& verb, Flow flow);
  QString label() const { return verbs_.join(QStringLiteral(" · ")); }
  // The words are translated: set them again when the language changes.
  void clearVerbs();
  bool isBlocked() const { return blocked_; }
  // True when it changed.
  bool setStatus(bool blocked, bool active);
  void setCycle(Cycle cycle);
  Cycle cycle() const { return cycle_; }
  // Recomputes the path after the nodes moved.
  void adjust();
  // Where the line meets the process / the target, in scene coordinates.
  QPointF processEnd() const { return start_; }
  QPointF targetEnd() const { return end_; }

  QRectF boundingRect() const override;
  QPainterPath shape() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 private:
  QRectF labelRect(const QString& text, qreal t) const;
  QRectF labelRect(qreal width) const;  // at the label's place
  void placeLabel();
  QString cycleWord() const;
  void paintCycle(QPainter* p);
  // Caches what painting needs (points along the curve, label widths,
  // bounds): measuring a curve on every frame cost more than drawing it.
  void cacheGeometry();

  ProcessNode* from_;
  QGraphicsItem* target_;
  bool signal_;
  QStringList verbs_;
  int flow_ = None;
  bool blocked_ = false;
  bool active_ = false;
  Cycle cycle_ = Cycle::None;
  QPointF start_;
  QPointF end_;
  QPainterPath path_;
  qreal labelT_ = 0.5;           // where along the path the label sits
  QPointF labelAt_;              // the path's point at labelT_
  QPointF nearEnd_, nearStart_;  // where the arrow heads point from
  qreal labelWidth_ = 0, blockedWidth_ = 0, cycleWidth_ = 0;
  QRectF bounds_;
};
