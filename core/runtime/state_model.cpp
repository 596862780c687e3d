#include "runtime/state_model.hpp"

#include <algorithm>

namespace ipclab {

StateModel::StateModel(const Scenario& s, int nworkers)
    : objects_(s.objects.size()),
      blocked_on_(static_cast<size_t>(nworkers), -2),
      pending_send_(static_cast<size_t>(nworkers)),
      overtaken_(static_cast<size_t>(nworkers), 0),
      loaded_(static_cast<size_t>(nworkers), 0),
      reg_(static_cast<size_t>(nworkers), 0) {
  for (const ObjectSpec& spec : s.objects) names_.push_back(spec.name);
  for (size_t i = 0; i < s.objects.size(); ++i) {
    ObjectModel& o = objects_[i];
    o.mechanism = s.objects[i].mechanism;
    if (o.mechanism == ObjectKind::semaphore || o.mechanism == ObjectKind::event)
      o.count = s.objects[i].initial;
    o.robust = s.objects[i].robust;
    o.auto_reset = s.objects[i].auto_reset;
    if (o.mechanism == ObjectKind::semaphore && s.objects[i].flavor == "sysv" &&
        s.objects[i].undo) {
      o.undo = true;
      o.semadj.assign(static_cast<size_t>(nworkers), 0);
    }
    if (o.mechanism == ObjectKind::shared_memory) {
      o.cells.assign(static_cast<size_t>(s.objects[i].cells), 0);
      o.cell_writer.assign(o.cells.size(), -1);
      o.expected.assign(o.cells.size(), 0);
    }
  }
}

void StateModel::found(FindingKind kind, int worker, int obj, int64_t value, std::string text) {
  findings_.push_back({kind, worker, obj, value, std::move(text)});
}

// A byte stream: the bytes come out in the order they went in, whatever
// the messages were. A read that begins or ends inside a message split it.
void StateModel::stream_recv(ObjectModel& o, const Input& e) {
  int64_t left = e.bytes;
  if (o.in_flight.empty() || left <= 0) return;
  *e.msg = o.in_flight.front().seq;
  std::string split;
  while (left > 0 && !o.in_flight.empty()) {
    InFlight& m = o.in_flight.front();
    const int64_t take = std::min(left, m.bytes_left);
    const bool begun = m.bytes_left < m.bytes;
    m.bytes_left -= take;
    left -= take;
    if ((begun || m.bytes_left > 0) && split.empty() && m.bytes > 0)
      split = "message #" + std::to_string(m.seq) + " (" + std::to_string(m.bytes) +
              " bytes) was split: this read got " + std::to_string(take) + " of its bytes" +
              (begun ? ", the rest of it" : ", the rest stays in the channel");
    if (m.bytes_left == 0) o.in_flight.pop_front();
  }
  if (!split.empty()) found(FindingKind::split, e.worker, e.obj, e.bytes, split);
}

std::vector<std::string> StateModel::held_texts(int obj) const {
  std::vector<std::string> out;
  for (const Held& h : held(obj)) {
    for (const InFlight& m : objects_[static_cast<size_t>(obj)].in_flight) {
      if (m.seq != h.seq) continue;
      std::string text = m.data;
      if (m.bytes_left >= 0 && m.bytes_left < m.bytes)
        text.erase(0, std::min(text.size(), static_cast<size_t>(m.bytes - m.bytes_left)));
      out.push_back(std::move(text));
      break;
    }
  }
  return out;
}

std::vector<StateModel::Starving> StateModel::take_starving() {
  std::vector<Starving> out;
  out.swap(starving_);
  return out;
}

int64_t StateModel::fill(int obj) const {
  const ObjectModel& o = objects_[static_cast<size_t>(obj)];
  if (o.mechanism == ObjectKind::semaphore || o.mechanism == ObjectKind::event) return o.count;
  // Read-write and file locks: how many processes hold it (readers share).
  if (o.mechanism == ObjectKind::rwlock || o.mechanism == ObjectKind::file_lock)
    return static_cast<int64_t>(o.holders.size());
  if (o.mechanism == ObjectKind::barrier || o.mechanism == ObjectKind::condvar)
    return static_cast<int64_t>(o.waiters.size());
  if (keeps_message_boundaries(o.mechanism)) return static_cast<int64_t>(o.in_flight.size());
  int64_t bytes = 0;
  for (const InFlight& m : o.in_flight) bytes += m.bytes_left;
  return bytes;
}

int64_t moved_message_tag(ObjectKind to, int64_t priority) {
  if (to == ObjectKind::posix_mq) return priority;
  if (to == ObjectKind::sysv_mq) return priority > 0 ? priority : 1;
  return 0;
}

std::vector<StateModel::Held> StateModel::held(int obj) const {
  std::vector<Held> out;
  if (obj < 0 || static_cast<size_t>(obj) >= objects_.size()) return out;
  const ObjectModel& o = objects_[static_cast<size_t>(obj)];
  auto pending = [&](int64_t seq) {
    for (const PendingSend& p : pending_send_)
      if (p.obj == obj && p.seq == seq) return true;
    return false;
  };
  for (const InFlight& m : o.in_flight)
    if (!pending(m.seq)) out.push_back({m.seq, m.bytes_left, m.priority});
  // A POSIX queue hands out the highest priority first.
  if (o.mechanism == ObjectKind::posix_mq)
    std::stable_sort(out.begin(), out.end(),
                     [](const Held& a, const Held& b) { return a.priority > b.priority; });
  return out;
}

void StateModel::forget(const PendingSend& p) {
  if (p.obj < 0 || static_cast<size_t>(p.obj) >= objects_.size()) return;
  auto& q = objects_[static_cast<size_t>(p.obj)].in_flight;
  q.erase(std::remove_if(q.begin(), q.end(), [&](const InFlight& m) { return m.seq == p.seq; }),
          q.end());
}

void StateModel::apply(Event& e) {
  apply(Input{e.ev, e.worker, e.obj, &e.msg, e.bytes, e.value, e.data, e.detail});
}

void StateModel::apply(EventKind ev, int worker, EventRecord& r) {
  const std::string_view text(r.data, std::min<size_t>(r.data_len, sizeof r.data));
  const bool is_data = r.ev == EventKind::send || r.ev == EventKind::recv;
  std::optional<int64_t> value;
  if (r.flags & EventRecord::kHasValue) value = r.value;
  apply(Input{ev, worker, r.obj, &r.msg, r.bytes, value, is_data ? text : std::string_view(),
              is_data ? std::string_view() : text});
}

// The channel now runs on `to`; its messages moved there in the order a
// receiver would have got them, with the tag the move gave them.
void StateModel::switched(ObjectModel& o, std::string_view to) {
  const std::optional<ObjectKind> k = object_kind_from(to);
  if (!k) return;
  if (o.mechanism == ObjectKind::posix_mq)
    std::stable_sort(o.in_flight.begin(), o.in_flight.end(),
                     [](const InFlight& a, const InFlight& b) { return a.priority > b.priority; });
  for (InFlight& m : o.in_flight) {
    m.priority = moved_message_tag(*k, m.priority);
    // What is left of a message a stream reader had begun.
    if (static_cast<int64_t>(m.data.size()) > m.bytes_left && m.bytes_left >= 0)
      m.data.erase(0, m.data.size() - static_cast<size_t>(m.bytes_left));
    m.bytes = m.bytes_left;  // moved as a message of its own
  }
  o.mechanism = *k;
}

void StateModel::apply(const Input& e) {
  const bool has_obj = e.obj >= 0 && static_cast<size_t>(e.obj) < objects_.size();
  ObjectModel* o = has_obj ? &objects_[static_cast<size_t>(e.obj)] : nullptr;
  const size_t w = e.worker >= 0 ? static_cast<size_t>(e.worker) : 0;
  switch (e.ev) {
    case EventKind::block:
      if (e.worker >= 0) {
        blocked_on_[w] = e.obj;
        overtaken_[w] = 0;
      }
      if (o) o->waiters.push_back(e.worker);
      break;
    case EventKind::unblock:
    case EventKind::exit:
      if (e.worker >= 0 && blocked_on_[w] != -2) {
        const int was = blocked_on_[w];
        blocked_on_[w] = -2;
        if (was >= 0) {
          auto& ws = objects_[static_cast<size_t>(was)].waiters;
          ws.erase(std::remove(ws.begin(), ws.end(), e.worker), ws.end());
        }
      }
      if (e.ev == EventKind::exit && e.worker >= 0 && w < pending_send_.size()) {
        // Died inside the send's call (SIGPIPE): nothing was written.
        if (pending_send_[w].obj >= 0) forget(pending_send_[w]);
        pending_send_[w] = {};
      }
      if (e.ev == EventKind::exit) {
        for (ObjectModel& m : objects_) {
          // The kernel drops a dead process's file locks; a robust mutex
          // passes to the next locker (EOWNERDEAD). One that is not robust
          // stays held by the dead process for ever.
          const bool robust = m.mechanism == ObjectKind::mutex && m.robust;
          if (robust && m.owner == e.worker) m.owner = -1;
          if (m.mechanism == ObjectKind::file_lock || robust || m.undo)
            m.holders.erase(std::remove(m.holders.begin(), m.holders.end(), e.worker),
                            m.holders.end());
          // SEM_UNDO: the kernel adds the process's semadj back as it exits
          // (exit_sem), never taking the count below 0.
          if (m.undo && e.worker >= 0 && w < m.semadj.size()) {
            m.count = std::max<int64_t>(0, m.count + m.semadj[w]);
            m.semadj[w] = 0;
          }
        }
      }
      break;
    case EventKind::send:
      if (o)
        o->in_flight.push_back({*e.msg, e.bytes, e.value.value_or(0), std::string(e.data),
                                std::max<int64_t>(e.bytes, 0)});
      if (o && e.worker >= 0 && w < pending_send_.size()) pending_send_[w] = {e.obj, *e.msg};
      break;
    case EventKind::ret:
      // The send's call returned: its bytes are in the channel, or, when it
      // failed (EPIPE, EINTR...), they never got there.
      if (e.worker >= 0 && w < pending_send_.size() && pending_send_[w].obj == e.obj &&
          pending_send_[w].obj >= 0) {
        if (e.value && *e.value < 0) forget(pending_send_[w]);
        pending_send_[w] = {};
      }
      break;
    case EventKind::recv: {
      if (!o) break;
      if (keeps_message_boundaries(o->mechanism)) {
        // The kernel hands out the highest priority first, oldest first
        // within one priority: find the message it must have been.
        // A ring without semaphores names the slot's message itself.
        auto it = std::find_if(o->in_flight.begin(), o->in_flight.end(), [&](const InFlight& m) {
          if (*e.msg > 0) return m.seq == *e.msg;
          return m.data.compare(0, e.data.size(), e.data) == 0 && m.priority == e.value.value_or(0);
        });
        if (it != o->in_flight.end()) {
          *e.msg = it->seq;
          o->in_flight.erase(it);
        }
      } else {
        stream_recv(*o, e);
      }
      break;
    }
    case EventKind::acquire:
      if (!o) break;
      if (o->mechanism == ObjectKind::semaphore) --o->count;
      if (o->undo && e.worker >= 0 && w < o->semadj.size()) ++o->semadj[w];
      if (o->mechanism == ObjectKind::mutex) o->owner = e.worker;
      // A process holds a file or not: the kernel merges the ranges it
      // locks, and an unlock frees them all.
      if (o->mechanism == ObjectKind::file_lock &&
          std::find(o->holders.begin(), o->holders.end(), e.worker) != o->holders.end())
        break;
      // Passing an event or a barrier takes nothing another process needs back.
      if (o->mechanism == ObjectKind::event) {
        if (o->auto_reset) o->count = 0;
        break;
      }
      if (o->mechanism == ObjectKind::barrier) break;
      // A flag in shared memory used as a lock: the simulator sees who is
      // inside; a second one inside breaks mutual exclusion.
      if (o->mechanism == ObjectKind::shared_memory && e.worker >= 0 && !o->holders.empty() &&
          std::find(o->holders.begin(), o->holders.end(), e.worker) == o->holders.end())
        found(FindingKind::exclusion, e.worker, e.obj, static_cast<int64_t>(o->holders.size()) + 1,
              std::string(kExclusionPrefix) + " " + std::to_string(o->holders.size() + 1) +
                  " processes are inside the critical section guarded by " +
                  names_[static_cast<size_t>(e.obj)]);
      if (e.worker >= 0) o->holders.push_back(e.worker);
      // Everyone still waiting on it was overtaken once more.
      for (int waiter : o->waiters) {
        if (waiter == e.worker || waiter < 0) continue;
        if (++overtaken_[static_cast<size_t>(waiter)] == kStarvingAfter)
          starving_.push_back({waiter, e.obj, kStarvingAfter});
      }
      break;
    case EventKind::release: {
      if (!o) break;
      if (o->mechanism == ObjectKind::semaphore) ++o->count;
      if (o->undo && e.worker >= 0 && w < o->semadj.size()) --o->semadj[w];
      if (o->mechanism == ObjectKind::mutex) o->owner = -1;
      // A post by a process that never waited (a producer's "full") frees nothing of its own.
      auto it = std::find(o->holders.begin(), o->holders.end(), e.worker);
      if (it != o->holders.end()) o->holders.erase(it);
      break;
    }
    case EventKind::value:
      if (e.detail.starts_with(kStarvingPrefix))
        found(FindingKind::starvation, e.worker, e.obj, e.value.value_or(0), std::string(e.detail));
      if (o && o->mechanism == ObjectKind::event && e.value) o->count = *e.value;
      if (o && o->mechanism == ObjectKind::shared_memory && e.value && *e.msg >= 0 &&
          static_cast<size_t>(*e.msg) < o->cells.size()) {
        const auto cell = static_cast<size_t>(*e.msg);
        if (e.detail == "write") o->expected[cell] = *e.value;
        if (e.detail == "add") o->expected[cell] += *e.value - o->cells[cell];
        if (e.worker >= 0 && e.detail == "load") loaded_[w] = reg_[w] = *e.value;
        if (e.worker >= 0 && e.detail == "compute") reg_[w] = *e.value;
        if (e.worker >= 0 && e.detail == "store") o->expected[cell] += reg_[w] - loaded_[w];
        if (e.detail == "write" || e.detail == "add" || e.detail == "store") {
          o->cells[cell] = *e.value;
          o->cell_writer[cell] = e.worker;
        }
      }
      break;
    case EventKind::race:
      // A worker's lost update names its object; the session's summary at
      // the end (no worker) is not another loss.
      if (e.worker < 0) break;
      if (e.detail.starts_with(kExclusionPrefix)) {
        found(FindingKind::exclusion, e.worker, e.obj, 0, std::string(e.detail));
      } else if (e.detail.starts_with(kOverflowPrefix) || e.detail.starts_with(kUnderflowPrefix)) {
        // An overwritten message (its number in msg) leaves the channel
        // unread; an underflow read took nothing out of it.
        if (o && e.detail.starts_with(kOverflowPrefix) && *e.msg > 0)
          o->in_flight.erase(std::remove_if(o->in_flight.begin(), o->in_flight.end(),
                                            [&](const InFlight& m) { return m.seq == *e.msg; }),
                             o->in_flight.end());
        const bool over = e.detail.starts_with(kOverflowPrefix);
        found(over ? FindingKind::overflow : FindingKind::underflow, e.worker, e.obj, 0,
              std::string(e.detail));
      } else {
        ++lost_updates_;
        if (o) ++o->lost;
        found(FindingKind::race, e.worker, e.obj, 0, std::string(e.detail));
      }
      break;
    case EventKind::deadlock:
      found(FindingKind::deadlock, -1, -1, 0, std::string(e.detail));
      break;
    case EventKind::signal:
      if (e.detail.starts_with(kSignalLostPrefix))
        found(FindingKind::signal_lost, e.worker, -1, 0, std::string(e.detail));
      break;
    case EventKind::switch_:
      if (o) switched(*o, e.data);
      break;
    default:
      break;
  }
}

}  // namespace ipclab
