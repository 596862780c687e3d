// DiagramScene: synchronization objects and deadlocks (see the header).
#include <algorithm>
#include <set>

#include "deadlock_banner.h"
#include "diagram_paint.h"
#include "diagram_scene.h"
#include "edge_item.h"

namespace {

bool ended(const ipclab::WorkerStatus& w) {
  return w.state == ipclab::WorkerState::exited || w.state == ipclab::WorkerState::killed;
}

// `auto_reset` is an event's field once the core has it; until then the
// lesson's choice is not known (and the node does not guess).
template <typename Spec>
std::optional<bool> autoResetOf(const Spec& spec) {
  if constexpr (requires { spec.auto_reset; })
    return static_cast<bool>(spec.auto_reset);
  else
    return std::nullopt;
}

// 'r' or 'w' for an op that takes obj shared or exclusive; 0 for any other.
char modeOfOp(const ipclab::Op& op) {
  using K = ipclab::OpKind;
  switch (op.kind) {
    case K::rw_rdlock:
      return 'r';
    case K::rw_wrlock:
      return 'w';
    case K::file_lock:
      if (op.text == "exclusive") return 'w';
      if (op.text == "shared") return 'r';
      return 0;
    default:
      return 0;
  }
}

bool isSync(ipclab::ObjectKind k) {
  using K = ipclab::ObjectKind;
  return k == K::semaphore || k == K::mutex || k == K::rwlock || k == K::condvar || k == K::event ||
         k == K::barrier || k == K::file_lock;
}

}  // namespace

char DiagramScene::modeOf(int worker, int obj, const ipclab::WorkerStatus& w, bool waiting) const {
  if (worker < 0 || static_cast<size_t>(worker) >= plans_.size()) return 0;
  const auto& plan = plans_[static_cast<size_t>(worker)];
  const int op = std::min(w.op, static_cast<int>(plan.size()));
  if (waiting) {
    // It waits in its current op.
    if (op < 0 || op >= static_cast<int>(plan.size())) return 0;
    const ipclab::Op& o = plan[static_cast<size_t>(op)];
    return o.obj == obj ? modeOfOp(o) : 0;
  }
  // It holds what the last op that took obj before its current one took.
  for (int i = op - 1; i >= 0; --i) {
    const ipclab::Op& o = plan[static_cast<size_t>(i)];
    if (o.obj != obj) continue;
    if (const char m = modeOfOp(o)) return m;
  }
  return 0;
}

void DiagramScene::fillSync(size_t i, const ipclab::Snapshot& snap, ObjectView* view) const {
  const ipclab::ObjectStatus& o = snap.objects[i];
  const ipclab::ObjectSpec& spec = specs_[i];
  if (!isSync(spec.mechanism)) return;
  const int obj = static_cast<int>(i);
  view->holders = o.holders;
  view->holderModes.clear();
  view->waiterModes.clear();
  view->ended.clear();
  auto status = [&](int w) -> const ipclab::WorkerStatus* {
    return w >= 0 && static_cast<size_t>(w) < snap.workers.size()
               ? &snap.workers[static_cast<size_t>(w)]
               : nullptr;
  };
  for (int h : o.holders) {
    const ipclab::WorkerStatus* w = status(h);
    view->holderModes.push_back(w ? modeOf(h, obj, *w, false) : 0);
    if (w && ended(*w)) view->ended.push_back(h);
  }
  if (const ipclab::WorkerStatus* w = status(o.owner); w && ended(*w))
    view->ended.push_back(o.owner);
  for (int waiter : o.waiters) {
    const ipclab::WorkerStatus* w = status(waiter);
    view->waiterModes.push_back(w ? modeOf(waiter, obj, *w, true) : 0);
  }
  view->parties = spec.parties;
  view->autoReset = spec.mechanism == ipclab::ObjectKind::event ? autoResetOf(spec) : std::nullopt;
  // A condvar's mutex: the one its waits name in any plan.
  view->partner.clear();
  if (spec.mechanism == ipclab::ObjectKind::condvar)
    for (const auto& plan : plans_) {
      const auto it = std::find_if(plan.begin(), plan.end(), [obj](const ipclab::Op& op) {
        return op.kind == ipclab::OpKind::cond_wait && op.obj == obj && op.in_obj >= 0;
      });
      if (it != plan.end() && static_cast<size_t>(it->in_obj) < specs_.size()) {
        view->partner = QString::fromStdString(specs_[static_cast<size_t>(it->in_obj)].name);
        break;
      }
    }
  view->inCycle = std::any_of(snap.deadlock_cycle.begin(), snap.deadlock_cycle.end(),
                              [obj](const ipclab::WaitLink& l) { return l.obj == obj; });
}

void DiagramScene::applyDeadlock(const ipclab::Snapshot& snap) {
  // Waits: the waiter's edge to the object; holds: the holder's edge to it.
  std::map<EdgeItem*, EdgeItem::Cycle> roles;
  std::vector<DeadlockBanner::Link> links;
  for (const ipclab::WaitLink& l : snap.deadlock_cycle) {
    if (l.obj < 0 || l.obj >= objectCount()) continue;
    if (EdgeItem* e = edge(l.waiter, l.obj)) roles[e] = EdgeItem::Cycle::Waits;
    if (EdgeItem* e = edge(l.holder, l.obj); e && !roles.count(e))
      roles[e] = EdgeItem::Cycle::Holds;
    links.push_back(
        {l.waiter, QString::fromStdString(specs_[static_cast<size_t>(l.obj)].name), l.holder});
  }
  for (auto& [key, e] : edges_) {
    const auto it = roles.find(e);
    e->setCycle(it == roles.end() ? EdgeItem::Cycle::None : it->second);
  }
  banner_->setCycle(links);
}

qreal DiagramScene::placeBanner(const QSizeF& size) {
  if (!banner_->isVisible()) return 0;
  const qreal u = DiagramPaint::lineHeight();
  // As wide as the view allows without making the diagram smaller: a
  // banner of fewer rows leaves the nodes larger.
  qreal width = std::max(size.width(), u * 36);
  if (!viewSize_.isEmpty() && viewSize_.height() > 0)
    width =
        std::max(width, (size.height() + u * 8) * viewSize_.width() / viewSize_.height() - u * 3);
  const qreal h = banner_->setWidth(width);
  const qreal gap = u * 1.4;
  banner_->setPos((size.width() - banner_->boundingRect().width() + 4) / 2, -h - gap);
  return h + gap;
}
