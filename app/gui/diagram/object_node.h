// ObjectNode: the base of every IPC object in the diagram, and the facts a
// node draws (ObjectView, copied from the snapshot and the events: nothing
// points into the Session). Each kind draws itself in its own subclass
// (channel_node, cells_node, semaphore_node, mutex_node, rpc_node);
// makeObjectNode picks the right one. text() says in words what the node
// shows, for tests and tooltips.
#pragma once

#include <QGraphicsItem>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "rpc_calls.h"
#include "scenario/scenario.hpp"

// A message in a channel, as the send and recv events told it.
struct InFlightMessage {
  int64_t seq = 0;
  int64_t bytes = 0;  // bytes still unread (streams)
  int64_t priority = 0;
  int sender = -1;
  QString data;
  bool operator==(const InFlightMessage&) const = default;
};

struct ObjectView {
  QString name;
  ipclab::ObjectKind kind = ipclab::ObjectKind::pipe;
  ipclab::ObjectKind mechanism = ipclab::ObjectKind::pipe;
  QString unit;  // "bytes", "messages", "count", ""
  int64_t fill = 0;
  std::optional<int64_t> kernelFill;
  std::vector<int64_t> cells;
  std::vector<int> cellWriters;
  int owner = -1;
  std::vector<int> waiters;
  std::vector<InFlightMessage> messages;  // oldest first
  int capacity = 0;                       // message queue slots (0 = unknown)
  std::string address;                    // sockets: "127.0.0.1:40123" or the socket file
  std::string kernelNote;                 // what else the kernel says (the next datagram)
  std::vector<RpcCall> calls;             // rpc: the calls shown, oldest first
  int callCount = 0;                      // rpc: every call made so far
  bool switchable = false;  // channel: can change mechanism while it runs (a control shows)
  // Synchronization objects: who is inside (holders, as the model says,
  // in the order they got it) and how (holderModes / waiterModes, one per
  // holder / waiter: 'r' shared or reading, 'w' exclusive or writing, 0 not
  // known), which of them have ended, what it pairs with.
  std::vector<int> holders;
  std::vector<char> holderModes;
  std::vector<char> waiterModes;
  std::vector<int> ended;         // holders (or the owner) that exited or were killed
  QString partner;                // condvar: the mutex its waits release
  int parties = 0;                // barrier
  std::optional<bool> autoReset;  // event: when the lesson says
  bool inCycle = false;           // on the snapshot's deadlock cycle
  // A lesson question hides this object's value until it is answered: the
  // node draws "?" where the count, the cells, the fill or the holders go.
  bool hidden = false;
  // A private shared_memory: each process's own copy, read by the kernel
  // from that process's memory, in worker order (cells_node).
  struct OwnCopy {
    int worker = -1;
    std::vector<int64_t> cells;  // empty: it could not be read, `err` says why
    int err = 0;                 // ESRCH: it has ended; EPERM: refused; 0: not mapped yet
    bool operator==(const OwnCopy&) const = default;
  };
  bool isPrivate = false;
  std::vector<OwnCopy> ownCopies;
  // A shared_memory a flag lock (`critical: {guard: ...}`) guards: `holders`
  // are the processes inside its critical section, two of them a broken lock.
  bool isGuard = false;
  bool operator==(const ObjectView&) const = default;
};

class ObjectNode : public QGraphicsItem {
 public:
  ObjectNode(int index, const QStringList* workerNames);

  int index() const { return index_; }
  const ObjectView& view() const { return view_; }
  // True when it changed.
  bool setView(const ObjectView& view);
  // Size for the current font; layout places nodes by it.
  QSizeF size() const { return size_; }
  virtual QString text() const;
  // "1 byte", "6 bytes", "3 messages".
  static QString bytesText(qint64 n);
  static QString messagesText(qint64 n);

  QRectF boundingRect() const override;
  void paint(QPainter* p, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

 protected:
  virtual QSizeF measure() const;
  // Draws what the kind shows inside `body` (below the title line).
  virtual void paintBody(QPainter* p, const QRectF& body);
  QString workerName(int worker) const;
  // Chips with the names of `workers`, in order, from `x`; returns the x after them.
  qreal paintWorkerChips(QPainter* p, const std::vector<int>& workers, qreal x, qreal y,
                         qreal right, qreal height) const;
  // The same, each chip with a word after the name ("(read)") when `modes`
  // gives one; returns the x after them.
  qreal paintWorkerChips(QPainter* p, const std::vector<int>& workers,
                         const std::vector<char>& modes, qreal x, qreal y, qreal right,
                         qreal height) const;
  // What a mode means for this kind: "read" / "write", "shared" / "exclusive"; "" for none.
  QString modeWord(char mode) const;
  // "philosopher#1 (write)" for a holder or waiter.
  QString workerWithMode(int worker, char mode) const;
  // A label ("inside:", "waiting:") and the chips after it, on one row;
  // `none` (muted) when there are no workers.
  void paintRow(QPainter* p, const QRectF& row, qreal labelW, const QString& label,
                const QColor& labelColor, const std::vector<int>& workers,
                const std::vector<char>& modes, const QString& none) const;
  // "2 bytes", "3 messages", "1" (a count); "?" while hidden.
  QString fillText() const;
  // What the title says the object is: "semaphore", "channel: pipe".
  QString kindText() const;

  ObjectView view_;

 private:
  int index_;
  const QStringList* names_;
  QSizeF size_;
};

ObjectNode* makeObjectNode(int index, const ipclab::ObjectSpec& spec, const QStringList* names);
