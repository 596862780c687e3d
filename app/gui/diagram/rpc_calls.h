// RpcCalls: the calls made through one rpc object, each paired with its
// reply, as the processes' own events tell them. A caller's `send` carries
// the call id in its value and the request "call ID: PROC ARGS..." in its
// data; the server's `recv` of that request, its `send` of "reply ID:
// RESULT" and the caller's `recv` of the reply carry the same id (core's
// worker_ops_rpc.cpp). The role of a process in an event (caller or server)
// comes from the op of its plan, not from the text on the wire.
#pragma once

#include <QString>
#include <QStringList>
#include <cstdint>
#include <vector>

#include "trace/event.hpp"

struct RpcCall {
  // How far the call got. Waiting and serving are pending: the caller is
  // blocked until the reply comes.
  enum class State { waiting, serving, answered, failed };

  int64_t id = -1;  // the call id; -1 for a call that never reached the server
  int caller = -1;  // worker index
  int server = -1;  // worker index, once a server took the request
  QString procedure;
  QStringList args;
  QString result;         // the reply's text after "reply ID: "
  bool returned = false;  // the caller has read the reply
  State state = State::waiting;

  bool pending() const { return state == State::waiting || state == State::serving; }
  // "add(19, 23)"
  QString callText() const;
  bool operator==(const RpcCall&) const = default;
};

class RpcCalls {
 public:
  enum class Role { caller, server };
  // The calls kept; older answered calls are forgotten first.
  static constexpr size_t kKept = 64;

  // One event on the rpc object, by a process acting as `role`; `request` is
  // the caller's op text ("add 19 23"), for a call that fails before it is
  // sent and so has no id.
  void apply(const ipclab::Event& e, Role role, const QString& request = QString());
  void clear() {
    calls_.clear();
    total_ = 0;
  }
  // Every call seen, also those no longer kept.
  int total() const { return total_; }
  // Oldest first.
  const std::vector<RpcCall>& calls() const { return calls_; }
  // At most `rows` calls to show, oldest first: every pending call, then the
  // most recent answered ones.
  std::vector<RpcCall> recent(size_t rows) const;

  // "call 3: add 19 23" -> procedure "add", args {"19", "23"}; false when
  // the text is not a request.
  static bool parseRequest(const QString& data, QString* procedure, QStringList* args);
  // "reply 3: 42" -> "42".
  static QString replyResult(const QString& data);

 private:
  RpcCall& find(int64_t id);
  void forgetOld();

  std::vector<RpcCall> calls_;
  int total_ = 0;
};
