// ChannelNode: a channel that carries messages. A byte stream (pipe, FIFO,
// stream socket, shared-memory ring) is a tube filled from its exit end with
// the bytes in it, one segment per message still unread, and the fill in
// bytes beside what the kernel says. A queue that keeps message boundaries
// (POSIX or System V message queue, datagram socket) is a stack of slots,
// each with its message's number, text and priority, in the order the
// kernel will hand them out. A socket also shows where it lives: its port
// or its socket file, on a line of its own above the tube or the slots.
// A channel that can switch mechanism while it runs has a control at its
// foot ("⇄ Switch ▾") that opens the choices; right after a switch the node
// is outlined and says "pipe → posix_mq" for a moment.
#pragma once

#include "object_node.h"

class ChannelNode : public ObjectNode {
 public:
  using ObjectNode::ObjectNode;

  static bool keepsBoundaries(ipclab::ObjectKind mechanism);
  QString text() const override;
  // The messages in the order a receiver gets them.
  std::vector<InFlightMessage> deliveryOrder() const;

  // The switch control, in item coordinates (empty when not switchable).
  QRectF switchControlRect() const;
  // Just switched from `from` to `to`: outline at `strength` (0..1; 0 ends
  // the highlight).
  void setSwitchHighlight(qreal strength, ipclab::ObjectKind from, ipclab::ObjectKind to);
  qreal switchHighlight() const { return highlight_; }

 protected:
  QSizeF measure() const override;
  void paintBody(QPainter* p, const QRectF& body) override;

 private:
  int slotRows() const;
  void paintTube(QPainter* p, const QRectF& body);
  void paintSlots(QPainter* p, const QRectF& body);
  QString kernelText() const;
  qreal addressHeight() const;  // 0 unless the channel is a socket with an address
  qreal controlHeight() const;  // 0 unless switchable
  void paintControl(QPainter* p, const QRectF& row);

  qreal highlight_ = 0;
  ipclab::ObjectKind switchedFrom_ = ipclab::ObjectKind::pipe;
  ipclab::ObjectKind switchedTo_ = ipclab::ObjectKind::pipe;
};
