// SyncNode: a read-write lock, condition variable, event, barrier or file
// lock. One line says the state in the student's words ("2 readers inside",
// "set", "3 of 5 arrived", "pairs with mutex guard"), then who is inside
// (chips in the holders' colours, with "read" / "write" or "shared" /
// "exclusive" when that is known) and who waits, in queue order, and the
// kernel's own word (/proc/locks for a file lock) when it has one. Built
// from the snapshot's holders and waiters, so it shows whatever the core
// tracks for the kind.
#pragma once

#include "object_node.h"

class SyncNode : public ObjectNode {
 public:
  using ObjectNode::ObjectNode;
  QString text() const override;
  // The state line ("2 readers inside", "not set", ...).
  QString stateText() const;

 protected:
  QSizeF measure() const override;
  void paintBody(QPainter* p, const QRectF& body) override;

 private:
  // The state line's colour: green when one may go on, red when all must wait.
  QColor stateColor() const;
  // Barrier: the slots of the parties, filled for those that arrived.
  void paintBarrier(QPainter* p, const QRectF& row) const;
};
