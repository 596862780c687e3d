// SemaphoreNode: a semaphore's count, large, and the processes blocked in
// sem_wait on it, in the order they blocked (the next to wake first).
#pragma once

#include "object_node.h"

class SemaphoreNode : public ObjectNode {
 public:
  using ObjectNode::ObjectNode;
  QString text() const override;

 protected:
  QSizeF measure() const override;
  void paintBody(QPainter* p, const QRectF& body) override;
};
