#include "timeline_model.h"

#include <algorithm>

#include "runtime/session.hpp"
#include "scenario/scenario.hpp"

namespace {

using ipclab::EventKind;
using ipclab::WorkerState;

size_t index(WorkerState s) {
  return static_cast<size_t>(s);
}

bool isLockKind(ipclab::ObjectKind k) {
  return k == ipclab::ObjectKind::mutex || k == ipclab::ObjectKind::rwlock ||
         k == ipclab::ObjectKind::file_lock;
}

uint64_t pendingKey(int obj, int64_t msg) {
  return (static_cast<uint64_t>(static_cast<uint16_t>(obj)) << 48) |
         (static_cast<uint64_t>(msg) & 0xffff'ffff'ffffULL);
}

}  // namespace

void TimelineModel::setScenario(const ipclab::Scenario& scenario,
                                const std::vector<ipclab::WorkerIdentity>& workers) {
  clear();
  for (const ipclab::ObjectSpec& o : scenario.objects) {
    objects_.push_back(o.name);
    lockObjects_.push_back(isLockKind(o.mechanism));
  }
  lanes_.resize(workers.size());
  for (size_t i = 0; i < workers.size(); ++i) lanes_[i].name = workers[i].name;
}

void TimelineModel::clear() {
  lanes_.clear();
  objects_.clear();
  lockObjects_.clear();
  arrows_.clear();
  switches_.clear();
  pending_.clear();
  pendingOrder_.clear();
  delivered_ = 0;
  events_ = 0;
  now_ = 0;
}

const std::string& TimelineModel::objectName(int obj) const {
  static const std::string none;
  return obj >= 0 && static_cast<size_t>(obj) < objects_.size() ? objects_[static_cast<size_t>(obj)]
                                                                : none;
}

bool TimelineModel::isLock(int obj) const {
  return obj >= 0 && static_cast<size_t>(obj) < lockObjects_.size() &&
         lockObjects_[static_cast<size_t>(obj)];
}

uint64_t TimelineModel::timeIn(int lane, WorkerState state) const {
  if (lane < 0 || static_cast<size_t>(lane) >= lanes_.size()) return 0;
  const Lane& l = lanes_[static_cast<size_t>(lane)];
  uint64_t ns = l.totalNs[index(state)];
  if (l.started && l.state == state && now_ > l.since) ns += now_ - l.since;
  return ns;
}

size_t TimelineModel::storedItems() const {
  size_t n = arrows_.size() + pending_.size() + switches_.size();
  for (const Lane& l : lanes_) n += l.spans.size() + l.buckets.size() + l.locks.size();
  return n;
}

void TimelineModel::append(const std::vector<ipclab::Event>& events) {
  for (const ipclab::Event& e : events) apply(e);
  events_ += events.size();
}

void TimelineModel::applySnapshot(const ipclab::Snapshot& snapshot) {
  now_ = std::max(now_, snapshot.t_ns);
  for (size_t i = 0; i < snapshot.workers.size() && i < lanes_.size(); ++i) {
    Lane& lane = lanes_[i];
    const ipclab::WorkerStatus& w = snapshot.workers[i];
    // Back at the gate: the step ended with the last event it reported.
    if (w.state == WorkerState::at_gate && lane.state == WorkerState::running)
      enter(lane, WorkerState::at_gate, std::max(lane.lastEvent, lane.since));
    else if (!lane.started && w.state == WorkerState::at_gate)
      enter(lane, WorkerState::at_gate, snapshot.t_ns);
  }
}

void TimelineModel::enter(Lane& lane, WorkerState state, uint64_t t, int obj) {
  if (!lane.started) {
    lane.started = true;
    lane.state = state;
    lane.stateObj = obj;
    lane.since = t;
    return;
  }
  if (lane.state == state && lane.stateObj == obj) return;  // the same span goes on
  t = std::max(t, lane.since);
  if (t > lane.since) {
    lane.totalNs[index(lane.state)] += t - lane.since;
    StateSpan* last = lane.spans.empty() ? nullptr : &lane.spans.back();
    if (last && last->t1 == lane.since && last->state == lane.state && last->obj == lane.stateObj)
      last->t1 = t;  // a zero-length detour in between: merge
    else
      lane.spans.push_back({lane.since, t, lane.state, lane.stateObj});
    if (lane.spans.size() > kMaxSpans) summarize(lane);
  }
  ++lane.transitions;
  lane.state = state;
  lane.stateObj = obj;
  lane.since = t;
}

void TimelineModel::summarize(Lane& lane) {
  // Fold the oldest quarter of the exact spans into buckets no wider than
  // bucketNs; a span longer than that stays one (pure) bucket.
  const size_t fold = kMaxSpans / 4;
  for (size_t i = 0; i < fold && !lane.spans.empty(); ++i) {
    const StateSpan s = lane.spans.front();
    lane.spans.pop_front();
    Bucket* b = lane.buckets.empty() ? nullptr : &lane.buckets.back();
    if (!b || s.t1 - b->t0 > lane.bucketNs) {
      lane.buckets.push_back({s.t0, s.t1, {}});
      b = &lane.buckets.back();
    }
    b->t1 = s.t1;
    b->ns[index(s.state)] += s.t1 - s.t0;
  }
  while (lane.buckets.size() > kMaxBuckets) {
    // Coarser: merge neighbours that fit twice the old width.
    lane.bucketNs *= 2;
    std::deque<Bucket> merged;
    for (const Bucket& b : lane.buckets) {
      if (!merged.empty() && b.t1 - merged.back().t0 <= lane.bucketNs) {
        Bucket& m = merged.back();
        m.t1 = b.t1;
        for (size_t k = 0; k < kStateCount; ++k) m.ns[k] += b.ns[k];
      } else {
        merged.push_back(b);
      }
    }
    lane.buckets.swap(merged);
  }
}

void TimelineModel::apply(const ipclab::Event& e) {
  now_ = std::max(now_, e.t_ns);
  if (e.ev == EventKind::switch_ && e.obj >= 0) {
    switches_.push_back({e.t_ns, e.obj, e.data});
    if (switches_.size() > kMaxSwitches) switches_.pop_front();
    return;
  }
  if (e.worker < 0) return;  // the session's own events (kernel samples, deadlock)
  const auto w = static_cast<size_t>(e.worker);
  if (w >= lanes_.size()) {
    lanes_.resize(w + 1);
    lanes_[w].name = e.proc;
  }
  Lane& lane = lanes_[w];
  const uint64_t t = e.t_ns;
  switch (e.ev) {
    case EventKind::spawn:
      enter(lane, WorkerState::at_gate, t);
      break;
    case EventKind::step:
      // The previous step ended with the last event it reported; the
      // process waited at its gate from then until this step.
      if (lane.started && lane.state == WorkerState::running && lane.lastEvent > lane.since &&
          lane.lastEvent < t)
        enter(lane, WorkerState::at_gate, lane.lastEvent);
      enter(lane, WorkerState::running, t);
      break;
    case EventKind::block:
      enter(lane, WorkerState::blocked, t, e.obj);
      break;
    case EventKind::unblock:
      enter(lane, WorkerState::running, t);
      break;
    case EventKind::exit:
      enter(lane, e.value.has_value() ? WorkerState::exited : WorkerState::killed, t);
      for (LockSpan& l : lane.locks)
        if (l.t1 == 0) l.t1 = std::max(t, l.t0);
      break;
    case EventKind::acquire:
    case EventKind::release:
      if (isLock(e.obj)) onLock(lane, e);
      break;
    case EventKind::send:
    case EventKind::recv:
      if (e.msg >= 0 && e.obj >= 0) onMessage(e);
      break;
    default:
      break;
  }
  lane.lastEvent = std::max(lane.lastEvent, t);
}

void TimelineModel::onLock(Lane& lane, const ipclab::Event& e) {
  if (e.ev == EventKind::acquire) {
    lane.locks.push_back({e.t_ns, 0, e.obj, 1});
    ++lane.lockHolds;
  } else {
    for (auto it = lane.locks.rbegin(); it != lane.locks.rend(); ++it)
      if (it->obj == e.obj && it->t1 == 0) {
        it->t1 = std::max(e.t_ns, it->t0);
        break;
      }
  }
  if (lane.locks.size() <= kMaxLocks) return;
  // Older holds of the same lock merge pairwise into one span; the open
  // ones stay as they are.
  std::deque<LockSpan> merged;
  const size_t old = lane.locks.size() / 2;
  for (size_t i = 0; i < lane.locks.size(); ++i) {
    const LockSpan& l = lane.locks[i];
    if (i < old && !merged.empty() && merged.back().obj == l.obj && merged.back().t1 != 0 &&
        l.t1 != 0 && merged.back().holds < 1024) {
      merged.back().t1 = l.t1;
      merged.back().holds += l.holds;
    } else {
      merged.push_back(l);
    }
  }
  lane.locks.swap(merged);
  while (lane.locks.size() > kMaxLocks) lane.locks.pop_front();
}

void TimelineModel::onMessage(const ipclab::Event& e) {
  const bool isSend = e.ev == EventKind::send;
  const uint64_t key = pendingKey(e.obj, e.msg);
  auto it = pending_.find(key);
  if (it == pending_.end() || it->second.isSend == isSend) {
    pending_[key] = {e.t_ns, e.worker, isSend};
    pendingOrder_.push_back(key);
    while (pending_.size() > kMaxPending && !pendingOrder_.empty()) {
      pending_.erase(pendingOrder_.front());  // never received (or seen): forget it
      pendingOrder_.pop_front();
    }
    if (pendingOrder_.size() > 4 * kMaxPending) {
      // Keys of matched messages pile up in the order list: drop those.
      std::erase_if(pendingOrder_, [this](uint64_t k) { return !pending_.contains(k); });
    }
    return;
  }
  const Pending other = it->second;
  pending_.erase(it);
  Arrow a;
  a.obj = e.obj;
  a.msg = e.msg;
  a.from = isSend ? e.worker : other.worker;
  a.to = isSend ? other.worker : e.worker;
  a.tSend = isSend ? e.t_ns : other.t;
  a.tRecv = isSend ? other.t : e.t_ns;
  arrows_.push_back(a);
  ++delivered_;
  if (arrows_.size() > kMaxArrows) arrows_.erase(arrows_.begin(), arrows_.begin() + kMaxArrows / 4);
}
