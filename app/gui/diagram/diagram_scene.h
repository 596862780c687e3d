// DiagramScene: the processes and IPC objects of the running session as
// nodes, the edges between them, and the message tokens. It is built from
// the scenario and the workers' plans (core's make_plan, the same plan the
// workers execute), updated from snapshots (the state each node shows) and
// from event batches (which messages sit in each channel, the calls of an
// rpc object paired with their replies; tokens).
//
// A live switch of a channel's mechanism (its `switch` event, or a snapshot
// that says it runs on another one) redraws the node as the new kind with
// the same messages in it, in the order the new one hands them out, and
// outlines it for a moment (fading when `animate`).
//
// Synchronization objects show who is inside and how (read or write,
// shared or exclusive: the op of its plan each holder got it with) and who
// waits; a deadlock cycle in the snapshot is drawn along its edges in red,
// its processes tagged, and a banner above the diagram walks it
// (diagram_scene_sync.cpp).
//
// Layout: processes in two columns, the first half on the left and the rest
// on the right, the objects in the middle in scenario order, in one column,
// or in two or three when that shows many objects much larger in a wide,
// low view; deterministic for a given font and view size.
#pragma once

#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QStringList>
#include <QTimer>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "object_node.h"
#include "runtime/plan.hpp"
#include "runtime/session.hpp"

class DeadlockBanner;
class EdgeItem;
class MessageTokens;
class ProcessNode;

class DiagramScene : public QGraphicsScene {
  Q_OBJECT

 public:
  explicit DiagramScene(QObject* parent = nullptr);
  ~DiagramScene() override;

  void setScenario(const ipclab::Scenario& scenario,
                   const std::vector<ipclab::WorkerIdentity>& workers);
  void clearSession();
  void applySnapshot(const ipclab::Snapshot& snapshot);
  // Updates the messages in each channel; launches tokens when `animate`.
  void applyEvents(const std::vector<ipclab::Event>& events, bool animate);
  // The font changed: every node measures itself again.
  void relayout();
  void retranslate();
  void setSelectedProcess(int worker);
  // The view's size: the layout picks the number of object columns by it.
  void setViewSize(const QSizeF& size);
  // Objects (by name) whose values a lesson question hides: their nodes
  // draw "?" until the list no longer names them. Kept across sessions, so
  // it may be set before the scenario's nodes exist.
  void setHiddenObjects(const QStringList& names);
  QStringList hiddenObjects() const { return hidden_; }

  int processCount() const { return static_cast<int>(processes_.size()); }
  int objectCount() const { return static_cast<int>(objects_.size()); }
  ProcessNode* processNode(int worker) const;
  ObjectNode* objectNode(int obj) const;
  // The edge from a worker to an object (nullptr when its plan never uses it).
  EdgeItem* edge(int worker, int obj) const;
  EdgeItem* signalEdge(int from, int to) const;
  MessageTokens* tokens() const { return tokens_; }
  DeadlockBanner* deadlockBanner() const { return banner_; }
  // What channel `obj` runs on now, as the events and snapshots said.
  ipclab::ObjectKind mechanism(int obj) const;
  // The channel whose switch control is at `scenePos`, or -1.
  int switchControlAt(const QPointF& scenePos) const;

 private:
  void buildEdges();
  void labelEdges();
  void layout();
  int bestColumns() const;
  // Places the nodes (when `place`) and returns the diagram's size.
  QSizeF arrange(int objectColumns, bool place) const;
  void consume(int obj, const ipclab::Event& e);
  // A `return` or `exit` of a process with a send not yet returned: a send
  // whose call failed put nothing in the channel.
  void sendReturned(const ipclab::Event& e);
  // A token to launch at the end of a batch of events.
  struct Flight;
  bool isRpc(int obj) const;
  // An event on an rpc object: pairs calls with their replies, and adds the
  // request's and the reply's tokens to `flights` (nullptr: no animation).
  void rpcEvent(const ipclab::Event& e, std::vector<Flight>* flights);
  // The calls an rpc node shows.
  void rpcView(int obj, ObjectView* view) const;
  QPointF anchorOf(int worker, int obj) const;
  // Channel `obj` runs on `to` now: its messages are kept, reordered as
  // the new mechanism hands them out, and the node is highlighted.
  void switched(int obj, ipclab::ObjectKind to, bool animate);
  void tickHighlights();
  // A view of object i with what the scene knows (mechanism, capacity).
  void fillMechanism(size_t i, ObjectView* view) const;
  // What a synchronization object shows: holders and how they hold it,
  // waiters and what they wait for, what ended, what it pairs with.
  void fillSync(size_t i, const ipclab::Snapshot& snap, ObjectView* view) const;
  // How worker w holds (or, `waiting`, waits for) obj: 'r', 'w' or 0.
  char modeOf(int worker, int obj, const ipclab::WorkerStatus& w, bool waiting) const;
  // The cycle's edges, tags and banner.
  void applyDeadlock(const ipclab::Snapshot& snap);
  // Places the banner above the diagram of `size`; returns the height it takes.
  qreal placeBanner(const QSizeF& size);

  QStringList names_;
  QStringList hidden_;
  std::vector<ipclab::ObjectSpec> specs_;
  std::vector<std::vector<ipclab::Op>> plans_;
  QStringList objectNames_;  // for OpText
  QString actionLabel(int worker, int op) const;
  std::vector<ProcessNode*> processes_;
  std::vector<ObjectNode*> objects_;
  std::vector<std::vector<InFlightMessage>> inFlight_;
  std::vector<RpcCalls> rpcCalls_;  // by object; empty for other kinds
  // By worker: (object, message) of a send whose call has not returned yet.
  std::vector<std::pair<int, int64_t>> unreturnedSend_;
  std::map<std::pair<int, int>, EdgeItem*> edges_;        // (worker, obj)
  std::map<std::pair<int, int>, EdgeItem*> signalEdges_;  // (from, to)
  std::map<EdgeItem*, std::set<ipclab::OpKind>> edgeOps_;
  MessageTokens* tokens_;
  DeadlockBanner* banner_;
  std::vector<ipclab::ObjectKind> mechanisms_;  // by object, now
  struct Highlight {
    ipclab::ObjectKind from;
    ipclab::ObjectKind to;
    QElapsedTimer since;
    bool fade = false;
  };
  std::map<int, Highlight> highlights_;  // by object
  QTimer highlightTimer_;
  bool animate_ = true;  // the last batch's choice, for switches a snapshot tells first
  int selected_ = -1;
  QSizeF viewSize_;
  int columns_ = 1;
};
