// CellsNode: shared memory as a row of cells with their values, read from
// the mapping itself, each tinted by the process that wrote it last (and
// that process's name under it). A private object (`private: true`) is a
// copy in each process instead: one row per process, its name and its own
// values, read from that process's memory.
#pragma once

#include "object_node.h"

class CellsNode : public ObjectNode {
 public:
  using ObjectNode::ObjectNode;
  QString text() const override;

 protected:
  QSizeF measure() const override;
  void paintBody(QPainter* p, const QRectF& body) override;

 private:
  int rows() const;
  QString copyText(const ObjectView::OwnCopy& copy) const;
  QString missingText(const ObjectView::OwnCopy& copy) const;
  QString insideText() const;  // a flag guard: who is inside its section
  void paintCopies(QPainter* p, const QRectF& body);
};
