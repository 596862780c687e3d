// RpcNode: a remote procedure call object. Each call is one row that pairs
// the request with its reply: "#1 add(19, 23) → 42", who called it (a chip
// in the caller's colour) and how far it got, in words: waiting for the
// server, being served by it, answered, or failed. Pending calls (their
// caller is blocked until the reply) are highlighted in the colours of a
// blocked process. It shows the last
// kRows calls, every pending one first, and counts them all below.
#pragma once

#include "object_node.h"

class RpcNode : public ObjectNode {
 public:
  static constexpr int kRows = 4;

  using ObjectNode::ObjectNode;

  // The name and the counts on the first line, then one line per call shown.
  QString text() const override;
  // One call's row in words: "#1 add(19, 23) → 42 · answered by server · called by client".
  QString rowText(const RpcCall& call) const;
  // "waiting for the server", "being served by server", "answered by server",
  // "failed: no reply", "failed: no server to call".
  QString stateText(const RpcCall& call) const;

 protected:
  QSizeF measure() const override;
  void paintBody(QPainter* p, const QRectF& body) override;

 private:
  QString countsText() const;
  void paintRow(QPainter* p, const QRectF& row, const RpcCall& call) const;
};
