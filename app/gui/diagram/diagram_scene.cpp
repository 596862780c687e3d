#include "diagram_scene.h"

#include <QCoreApplication>
#include <algorithm>

#include "channel_node.h"
#include "deadlock_banner.h"
#include "diagram_paint.h"
#include "edge_item.h"
#include "message_token.h"
#include "op_text.h"
#include "process_node.h"
#include "rpc_node.h"
#include "state_style.h"

namespace {

class Words {
  Q_DECLARE_TR_FUNCTIONS(DiagramScene)
 public:
  // What an edge says a process does with the object: short, a verb.
  static std::pair<QString, EdgeItem::Flow> verb(ipclab::OpKind kind) {
    using K = ipclab::OpKind;
    switch (kind) {
      case K::send:
        return {tr("send"), EdgeItem::ToTarget};
      case K::recv:
        return {tr("receive"), EdgeItem::FromTarget};
      case K::sem_wait:
      case K::sem_trywait:
        return {tr("wait"), EdgeItem::None};
      case K::sem_post:
        return {tr("post"), EdgeItem::None};
      case K::mutex_lock:
      case K::mutex_trylock:
        return {tr("lock"), EdgeItem::None};
      case K::mutex_unlock:
      case K::rw_unlock:
      case K::file_unlock:
        return {tr("unlock"), EdgeItem::None};
      case K::file_lock:
        return {tr("lock"), EdgeItem::None};
      case K::rw_rdlock:
        return {tr("read lock"), EdgeItem::None};
      case K::rw_wrlock:
        return {tr("write lock"), EdgeItem::None};
      case K::cond_wait:
      case K::event_wait:
      case K::barrier_wait:
        return {tr("wait"), EdgeItem::None};
      case K::cond_signal:
        return {tr("signal", "pthread_cond_signal"), EdgeItem::None};
      case K::cond_broadcast:
        return {tr("broadcast"), EdgeItem::None};
      case K::event_set:
        return {tr("set", "an event"), EdgeItem::None};
      case K::event_reset:
        return {tr("reset", "an event"), EdgeItem::None};
      case K::shm_read:
      case K::shm_load:
        return {tr("read"), EdgeItem::FromTarget};
      case K::shm_write:
      case K::shm_add:
      case K::shm_store:
        return {tr("write"), EdgeItem::ToTarget};
      case K::rpc_call:
        // The request goes in, the reply comes back.
        return {tr("call"), static_cast<EdgeItem::Flow>(EdgeItem::ToTarget | EdgeItem::FromTarget)};
      case K::rpc_serve:
        return {tr("serve"),
                static_cast<EdgeItem::Flow>(EdgeItem::ToTarget | EdgeItem::FromTarget)};
      default:
        return {QString(), EdgeItem::None};
    }
  }
};

// Receiving ops that wait on an object do so through recv; shm_compute only
// computes in the process and joins nothing.
bool joinsObject(const ipclab::Op& op) {
  return op.obj >= 0 && op.kind != ipclab::OpKind::shm_compute && op.kind != ipclab::OpKind::signal;
}

// How long a switched channel stays outlined.
constexpr qint64 kHighlightMs = 1600;
// mq_maxmsg when the lesson gives no capacity (core's object_host.cpp).
constexpr int kDefaultMqCapacity = 8;

}  // namespace

DiagramScene::DiagramScene(QObject* parent)
    : QGraphicsScene(parent),
      tokens_(new MessageTokens(this, this)),
      banner_(new DeadlockBanner(&names_)) {
  addItem(banner_);
  setBackgroundBrush(QColor(0xfa, 0xfb, 0xfc));
  highlightTimer_.setInterval(40);
  connect(&highlightTimer_, &QTimer::timeout, this, &DiagramScene::tickHighlights);
}

DiagramScene::~DiagramScene() = default;

void DiagramScene::clearSession() {
  tokens_->clear();
  for (auto& [key, edge] : edges_) delete edge;
  for (auto& [key, edge] : signalEdges_) delete edge;
  for (ProcessNode* node : processes_) delete node;
  for (ObjectNode* node : objects_) delete node;
  edges_.clear();
  signalEdges_.clear();
  edgeOps_.clear();
  processes_.clear();
  objects_.clear();
  inFlight_.clear();
  unreturnedSend_.clear();
  rpcCalls_.clear();
  mechanisms_.clear();
  highlights_.clear();
  highlightTimer_.stop();
  banner_->setCycle({});
  plans_.clear();
  specs_.clear();
  objectNames_.clear();
  names_.clear();
  selected_ = -1;
  setSceneRect(QRectF(0, 0, 400, 200));
}

void DiagramScene::setScenario(const ipclab::Scenario& scenario,
                               const std::vector<ipclab::WorkerIdentity>& workers) {
  clearSession();
  for (const ipclab::WorkerIdentity& w : workers) names_ << QString::fromStdString(w.name);
  specs_ = scenario.objects;
  objectNames_ = OpText::objectNames(scenario);
  for (size_t i = 0; i < workers.size(); ++i) {
    plans_.push_back(ipclab::make_plan(scenario, workers, static_cast<int>(i)));
    auto* node = new ProcessNode(static_cast<int>(i), names_.at(static_cast<int>(i)));
    addItem(node);
    processes_.push_back(node);
  }
  for (size_t i = 0; i < specs_.size(); ++i) {
    ObjectNode* node = makeObjectNode(static_cast<int>(i), specs_[i], &names_);
    ObjectView view;
    view.name = QString::fromStdString(specs_[i].name);
    view.kind = specs_[i].kind;
    view.switchable = ipclab::is_switchable(specs_[i]);
    view.hidden = hidden_.contains(view.name);
    view.isPrivate = specs_[i].is_private;
    for (const auto& plan : plans_)
      for (const ipclab::Op& op : plan)
        view.isGuard = view.isGuard ||
                       (op.obj == static_cast<int>(i) && op.flag_role != ipclab::FlagRole::none);
    mechanisms_.push_back(specs_[i].mechanism);
    fillMechanism(i, &view);
    node->setView(view);
    addItem(node);
    objects_.push_back(node);
  }
  inFlight_.assign(specs_.size(), {});
  unreturnedSend_.assign(workers.size(), {-1, -1});
  rpcCalls_.assign(specs_.size(), {});
  buildEdges();
  layout();
}

void DiagramScene::buildEdges() {
  for (size_t w = 0; w < plans_.size(); ++w) {
    const int worker = static_cast<int>(w);
    for (const ipclab::Op& op : plans_[w]) {
      EdgeItem* edge = nullptr;
      if (op.kind == ipclab::OpKind::signal) {
        for (int target : op.targets) {
          if (target < 0 || target >= processCount() || target == worker) continue;
          EdgeItem*& e = signalEdges_[{worker, target}];
          if (!e) {
            e = new EdgeItem(processes_[w], processes_[static_cast<size_t>(target)], true);
            addItem(e);
          }
          e->addVerb(QString::fromStdString(ipclab::signal_to_name(op.sig)), EdgeItem::ToTarget);
        }
        continue;
      }
      if (!joinsObject(op) || op.obj >= objectCount()) continue;
      EdgeItem*& e = edges_[{worker, op.obj}];
      if (!e) {
        e = new EdgeItem(processes_[w], objects_[static_cast<size_t>(op.obj)], false);
        addItem(e);
      }
      edge = e;
      edgeOps_[edge].insert(op.kind);
    }
  }
  labelEdges();
}

void DiagramScene::labelEdges() {
  for (auto& [edge, ops] : edgeOps_) {
    edge->clearVerbs();
    for (ipclab::OpKind kind : ops) {
      const auto [word, flow] = Words::verb(kind);
      if (!word.isEmpty()) edge->addVerb(word, flow);
    }
  }
}

QString DiagramScene::actionLabel(int worker, int op) const {
  if (worker < 0 || worker >= processCount()) return QString();
  const auto& plan = plans_[static_cast<size_t>(worker)];
  if (op < 0 || static_cast<size_t>(op) >= plan.size()) return QString();  // done
  return OpText::label(plan[static_cast<size_t>(op)], objectNames_);
}

void DiagramScene::retranslate() {
  labelEdges();
  for (ProcessNode* node : processes_) {
    ProcessNode::State s = node->state();
    s.action = actionLabel(node->worker(), s.op);
    node->setState(s);
    node->update();
  }
  for (ObjectNode* node : objects_) node->setView(node->view());
  banner_->retranslate();
  if (banner_->isVisible()) layout();
  update();
}

void DiagramScene::setHiddenObjects(const QStringList& names) {
  if (names == hidden_) return;
  hidden_ = names;
  bool resized = false;
  for (ObjectNode* node : objects_) {
    ObjectView view = node->view();
    view.hidden = hidden_.contains(view.name);
    const QSizeF before = node->size();
    node->setView(view);
    resized = resized || node->size() != before;
  }
  if (resized) layout();
}

void DiagramScene::relayout() {
  for (ProcessNode* node : processes_) node->setState(node->state());
  for (ObjectNode* node : objects_) node->setView(node->view());
  layout();
  update();
}

void DiagramScene::setSelectedProcess(int worker) {
  selected_ = worker;
  for (ProcessNode* node : processes_) node->setSelected(node->worker() == worker);
}

ProcessNode* DiagramScene::processNode(int worker) const {
  if (worker < 0 || worker >= processCount()) return nullptr;
  return processes_[static_cast<size_t>(worker)];
}

ObjectNode* DiagramScene::objectNode(int obj) const {
  if (obj < 0 || obj >= objectCount()) return nullptr;
  return objects_[static_cast<size_t>(obj)];
}

ipclab::ObjectKind DiagramScene::mechanism(int obj) const {
  if (obj < 0 || static_cast<size_t>(obj) >= mechanisms_.size()) return ipclab::ObjectKind::pipe;
  return mechanisms_[static_cast<size_t>(obj)];
}

void DiagramScene::fillMechanism(size_t i, ObjectView* view) const {
  view->mechanism = mechanisms_[i];
  view->capacity = mechanisms_[i] == ipclab::ObjectKind::posix_mq
                       ? (specs_[i].capacity > 0 ? specs_[i].capacity : kDefaultMqCapacity)
                       : 0;
}

void DiagramScene::tickHighlights() {
  for (auto it = highlights_.begin(); it != highlights_.end();) {
    const qint64 ms = it->second.since.elapsed();
    // Without animations the outline stays whole, then goes; with them it fades.
    const qreal strength = ms >= kHighlightMs ? 0.0
                           : it->second.fade  ? 1.0 - static_cast<qreal>(ms) / kHighlightMs
                                              : 1.0;
    if (auto* channel = dynamic_cast<ChannelNode*>(objectNode(it->first)))
      channel->setSwitchHighlight(strength, it->second.from, it->second.to);
    it = strength <= 0 ? highlights_.erase(it) : std::next(it);
  }
  if (highlights_.empty()) highlightTimer_.stop();
}

EdgeItem* DiagramScene::edge(int worker, int obj) const {
  const auto it = edges_.find({worker, obj});
  return it == edges_.end() ? nullptr : it->second;
}

EdgeItem* DiagramScene::signalEdge(int from, int to) const {
  const auto it = signalEdges_.find({from, to});
  return it == signalEdges_.end() ? nullptr : it->second;
}

void DiagramScene::applySnapshot(const ipclab::Snapshot& snap) {
  if (snap.workers.size() != processes_.size() || snap.objects.size() != objects_.size()) return;
  for (size_t i = 0; i < snap.workers.size(); ++i) {
    const ipclab::WorkerStatus& w = snap.workers[i];
    ProcessNode::State s;
    s.pid = w.pid;
    s.state = w.state;
    if (w.state == ipclab::WorkerState::blocked && w.blocked_obj >= 0 &&
        static_cast<size_t>(w.blocked_obj) < snap.objects.size())
      s.blockedOn = QString::fromStdString(specs_[static_cast<size_t>(w.blocked_obj)].name);
    s.action = actionLabel(static_cast<int>(i), w.op);
    s.op = w.op;
    s.opCount = w.op_count;
    s.exitCode = w.exit_code;
    s.termSignal = w.term_signal;
    s.overtaken = w.overtaken;
    s.deadlocked =
        std::any_of(snap.deadlock_cycle.begin(), snap.deadlock_cycle.end(),
                    [i](const ipclab::WaitLink& l) { return l.waiter == static_cast<int>(i); });
    processes_[i]->setState(s);
  }
  // A switch the snapshot tells before its event arrived.
  for (size_t i = 0; i < snap.objects.size(); ++i)
    if (snap.objects[i].mechanism != mechanisms_[i] &&
        ipclab::is_channel_mechanism(snap.objects[i].mechanism))
      switched(static_cast<int>(i), snap.objects[i].mechanism, animate_);
  bool resized = false;
  for (size_t i = 0; i < snap.objects.size(); ++i) {
    const ipclab::ObjectStatus& o = snap.objects[i];
    ObjectView view = objects_[i]->view();
    fillMechanism(i, &view);
    view.unit = QString::fromStdString(o.unit);
    view.fill = o.model_fill;
    view.kernelFill = o.kernel_fill;
    view.cells = o.cells;
    view.cellWriters = o.cell_writers;
    view.isPrivate = o.spec && o.spec->is_private;
    view.ownCopies.clear();
    for (const ipclab::ObjectStatus::OwnCopy& c : o.private_cells)
      view.ownCopies.push_back({c.worker, c.cells, c.err});
    if (view.isGuard) view.holders = o.holders;
    view.owner = o.owner;
    view.waiters = o.waiters;
    view.messages = inFlight_[i];
    view.address = o.address;
    view.kernelNote = o.kernel_note;
    rpcView(static_cast<int>(i), &view);
    fillSync(i, snap, &view);
    const QSizeF before = objects_[i]->size();
    objects_[i]->setView(view);
    resized = resized || objects_[i]->size() != before;
  }
  // Edges: the one a process is blocked on, and the one of its current action.
  for (auto& [key, edge] : edges_) {
    const ipclab::WorkerStatus& w = snap.workers[static_cast<size_t>(key.first)];
    const bool blocked = w.state == ipclab::WorkerState::blocked && w.blocked_obj == key.second;
    bool active = false;
    const auto& plan = plans_[static_cast<size_t>(key.first)];
    if (w.state != ipclab::WorkerState::exited && w.state != ipclab::WorkerState::killed &&
        w.op >= 0 && static_cast<size_t>(w.op) < plan.size())
      active = plan[static_cast<size_t>(w.op)].obj == key.second &&
               joinsObject(plan[static_cast<size_t>(w.op)]);
    edge->setStatus(blocked, active);
  }
  for (auto& [key, edge] : signalEdges_) {
    const ipclab::WorkerStatus& w = snap.workers[static_cast<size_t>(key.first)];
    const auto& plan = plans_[static_cast<size_t>(key.first)];
    bool active = false;
    if (w.op >= 0 && static_cast<size_t>(w.op) < plan.size() &&
        w.state != ipclab::WorkerState::exited) {
      const ipclab::Op& op = plan[static_cast<size_t>(w.op)];
      active = op.kind == ipclab::OpKind::signal &&
               std::find(op.targets.begin(), op.targets.end(), key.second) != op.targets.end();
    }
    edge->setStatus(false, active);
  }
  const bool bannerWas = banner_->isVisible();
  applyDeadlock(snap);
  if (resized || banner_->isVisible() != bannerWas) layout();
}

void DiagramScene::consume(int obj, const ipclab::Event& e) {
  auto& msgs = inFlight_[static_cast<size_t>(obj)];
  if (ipclab::keeps_message_boundaries(mechanism(obj))) {
    const auto it = std::find_if(msgs.begin(), msgs.end(),
                                 [&](const InFlightMessage& m) { return m.seq == e.msg; });
    if (it != msgs.end()) msgs.erase(it);
    return;
  }
  int64_t left = e.bytes;
  while (left > 0 && !msgs.empty()) {
    InFlightMessage& m = msgs.front();
    const int64_t take = std::min(left, m.bytes);
    m.bytes -= take;
    left -= take;
    if (m.bytes == 0) msgs.erase(msgs.begin());
  }
}

void DiagramScene::sendReturned(const ipclab::Event& e) {
  // A send is reported before its call: the message is in the channel only
  // if the call returned without an error (EPIPE, EINTR). A process killed
  // inside the call (SIGPIPE) never returns from it.
  if (e.worker < 0 || e.worker >= processCount()) return;
  auto& [obj, seq] = unreturnedSend_[static_cast<size_t>(e.worker)];
  if (obj < 0 || (e.ev == ipclab::EventKind::ret && e.obj != obj)) return;
  const bool failed = e.ev == ipclab::EventKind::exit || (e.value && *e.value < 0);
  if (failed) {
    auto& msgs = inFlight_[static_cast<size_t>(obj)];
    const auto it = std::find_if(msgs.begin(), msgs.end(), [&](const InFlightMessage& m) {
      return m.seq == seq && m.sender == e.worker;
    });
    if (it != msgs.end()) msgs.erase(it);
  }
  obj = -1;
  seq = -1;
}

QPointF DiagramScene::anchorOf(int worker, int obj) const {
  if (EdgeItem* e = edge(worker, obj)) return e->processEnd();
  if (ProcessNode* node = processNode(worker)) return node->sceneBoundingRect().center();
  return {};
}

struct DiagramScene::Flight {
  QString text;
  QColor color;
  QPointF from;
  QPointF to;
  QPointF via = {};
  bool hasVia = false;
  // rpc: the leg a second leg of the same call may continue.
  int rpcObj = -1;
  int64_t rpcId = -1;
  bool reply = false;
  int delay = 0;  // ms before it sets off
};

bool DiagramScene::isRpc(int obj) const {
  return obj >= 0 && obj < objectCount() &&
         specs_[static_cast<size_t>(obj)].mechanism == ipclab::ObjectKind::rpc;
}

void DiagramScene::rpcView(int obj, ObjectView* view) const {
  if (!isRpc(obj)) return;
  const RpcCalls& calls = rpcCalls_[static_cast<size_t>(obj)];
  view->calls = calls.recent(RpcNode::kRows);
  view->callCount = calls.total();
}

void DiagramScene::rpcEvent(const ipclab::Event& e, std::vector<Flight>* flights) {
  if (e.worker < 0 || e.worker >= processCount()) return;
  const auto& plan = plans_[static_cast<size_t>(e.worker)];
  if (e.op < 0 || static_cast<size_t>(e.op) >= plan.size()) return;
  const ipclab::Op& op = plan[static_cast<size_t>(e.op)];
  if (op.kind != ipclab::OpKind::rpc_call && op.kind != ipclab::OpKind::rpc_serve) return;
  const bool caller = op.kind == ipclab::OpKind::rpc_call;
  RpcCalls& calls = rpcCalls_[static_cast<size_t>(e.obj)];
  calls.apply(e, caller ? RpcCalls::Role::caller : RpcCalls::Role::server,
              QString::fromStdString(op.text));
  const bool move = e.ev == ipclab::EventKind::send || e.ev == ipclab::EventKind::recv;
  if (!flights || !move || !e.value || *e.value < 0) return;
  const int64_t id = *e.value;
  const auto& all = calls.calls();
  const auto call =
      std::find_if(all.rbegin(), all.rend(), [id](const RpcCall& c) { return c.id == id; });
  if (call == all.rend()) return;
  // The server sends the reply and the caller receives it; the request goes the other way.
  const bool reply = caller == (e.ev == ipclab::EventKind::recv);
  QString text = reply ? QStringLiteral("#%1 → %2").arg(id).arg(call->result)
                       : QStringLiteral("#%1 %2").arg(id).arg(call->callText());
  if (text.size() > 22) text = text.left(21) + QStringLiteral("…");
  const QColor color = StateStyle::processColor(call->caller);
  const QPointF centre = objects_[static_cast<size_t>(e.obj)]->sceneBoundingRect().center();
  const QPointF end = anchorOf(e.worker, e.obj);
  if (e.ev == ipclab::EventKind::recv) {
    // Out of the rpc: one flight through it when the way in was in this frame too.
    for (auto it = flights->rbegin(); it != flights->rend(); ++it)
      if (it->rpcObj == e.obj && it->rpcId == id && it->reply == reply && !it->hasVia) {
        it->via = it->to;
        it->to = end;
        it->hasVia = true;
        return;
      }
  }
  Flight f;
  f.text = text;
  f.color = color;
  f.from = e.ev == ipclab::EventKind::send ? end : centre;
  f.to = e.ev == ipclab::EventKind::send ? centre : end;
  f.rpcObj = e.obj;
  f.rpcId = id;
  f.reply = reply;
  // A reply sets off once its request, flying in the same frame, has arrived.
  if (reply)
    for (const Flight& request : *flights)
      if (request.rpcObj == e.obj && request.rpcId == id && !request.reply)
        f.delay = request.delay + MessageTokens::durationMs(request.hasVia);
  flights->push_back(f);
}

void DiagramScene::applyEvents(const std::vector<ipclab::Event>& events, bool animate) {
  std::vector<Flight> flights;
  std::set<int> rpcChanged;
  animate_ = animate;
  for (const ipclab::Event& e : events) {
    const bool onObject = e.obj >= 0 && e.obj < objectCount();
    if (e.ev == ipclab::EventKind::switch_ && onObject) {
      if (const auto to = ipclab::object_kind_from(e.data)) switched(e.obj, *to, animate);
      continue;
    }
    if (onObject && isRpc(e.obj)) {
      rpcEvent(e, animate ? &flights : nullptr);
      rpcChanged.insert(e.obj);
      continue;
    }
    if (e.ev == ipclab::EventKind::send && onObject) {
      inFlight_[static_cast<size_t>(e.obj)].push_back({e.msg, std::max<int64_t>(e.bytes, 0),
                                                       e.value.value_or(0), e.worker,
                                                       QString::fromStdString(e.data)});
      // Keep the picture bounded when nobody reads.
      auto& msgs = inFlight_[static_cast<size_t>(e.obj)];
      if (msgs.size() > 256) msgs.erase(msgs.begin());
      if (e.worker >= 0 && e.worker < processCount())
        unreturnedSend_[static_cast<size_t>(e.worker)] = {e.obj, e.msg};
    } else if (e.ev == ipclab::EventKind::recv && onObject) {
      consume(e.obj, e);
    } else if (e.ev == ipclab::EventKind::ret || e.ev == ipclab::EventKind::exit) {
      sendReturned(e);
    }
    if (!animate) continue;
    const QString seq = QStringLiteral("#%1");
    if (e.ev == ipclab::EventKind::send && onObject && e.msg >= 0) {
      flights.push_back({seq.arg(e.msg), StateStyle::processColor(e.worker),
                         anchorOf(e.worker, e.obj),
                         objects_[static_cast<size_t>(e.obj)]->sceneBoundingRect().center()});
    } else if (e.ev == ipclab::EventKind::recv && onObject && e.msg >= 0) {
      flights.push_back({seq.arg(e.msg), StateStyle::processColor(e.worker),
                         objects_[static_cast<size_t>(e.obj)]->sceneBoundingRect().center(),
                         anchorOf(e.worker, e.obj)});
    } else if (e.ev == ipclab::EventKind::recv && onObject && e.bytes == 0 && e.msg < 0) {
      // 0 bytes and no message: end of file (the other end is closed).
      flights.push_back({tr("EOF"), QColor(0x6b, 0x72, 0x80),
                         objects_[static_cast<size_t>(e.obj)]->sceneBoundingRect().center(),
                         anchorOf(e.worker, e.obj)});
    } else if (e.ev == ipclab::EventKind::signal && e.worker >= 0 && e.worker < processCount() &&
               e.op >= 0 &&
               static_cast<size_t>(e.op) < plans_[static_cast<size_t>(e.worker)].size()) {
      const ipclab::Op& op = plans_[static_cast<size_t>(e.worker)][static_cast<size_t>(e.op)];
      for (int target : op.targets)
        if (EdgeItem* edge = signalEdge(e.worker, target))
          flights.push_back({QString::fromStdString(ipclab::signal_to_name(op.sig)),
                             QColor(0x8e, 0x44, 0xad), edge->processEnd(), edge->targetEnd()});
    }
  }
  // One frame launches at most a pool's worth of tokens: the latest ones.
  const size_t first = flights.size() > static_cast<size_t>(MessageTokens::kMaxTokens)
                           ? flights.size() - MessageTokens::kMaxTokens
                           : 0;
  for (size_t i = first; i < flights.size(); ++i) {
    const Flight& f = flights[i];
    if (f.hasVia)
      tokens_->launch(f.text, f.color, f.from, f.via, f.to, f.delay);
    else
      tokens_->launch(f.text, f.color, f.from, f.to, f.delay);
  }
  // The rpc nodes show their calls now: a reply needs no snapshot to be seen.
  bool resized = false;
  for (int obj : rpcChanged) {
    ObjectNode* node = objects_[static_cast<size_t>(obj)];
    ObjectView view = node->view();
    rpcView(obj, &view);
    const QSizeF before = node->size();
    node->setView(view);
    resized = resized || node->size() != before;
  }
  if (resized) layout();
}
