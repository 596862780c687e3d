// MutexNode: a mutex (or critical section) with a padlock, its owner as a
// chip in the owner's colour (or "free") and the processes waiting for it;
// "owner died" when the owner ended holding it, and the kernel's note.
#pragma once

#include "object_node.h"

class MutexNode : public ObjectNode {
 public:
  using ObjectNode::ObjectNode;
  QString text() const override;

 protected:
  int owner() const;
  bool ownerDied() const;
  QSizeF measure() const override;
  void paintBody(QPainter* p, const QRectF& body) override;
};
