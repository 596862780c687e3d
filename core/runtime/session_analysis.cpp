// The session's analysis of what its processes do: deadlocks (a cycle in
// the wait-for graph, or every process blocked), starvation hints, and the
// toll of lost updates on shared cells. Runs on the pump thread.
#include <algorithm>

#include "runtime/session_impl.hpp"
#include "runtime/wait_for.hpp"

namespace ipclab {

std::optional<Session::Impl::Deadlock> Session::Impl::find_deadlock() {
  // A cycle of processes each waiting for what the next one holds, all of
  // them asleep in their call by the kernel's account.
  WaitGraph g;
  g.waits_on.assign(ids.size(), -1);
  g.alive.assign(ids.size(), false);
  int live = 0, blocked = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (children[i].reaped) continue;
    ++live;
    g.alive[i] = true;
    const WorkerSlot& slot = ctl->workers[i];
    if (slot.state.load() != WorkerState::blocked) continue;
    ++blocked;
    if (slot.blocked_timed.load() == 0) g.waits_on[i] = slot.blocked_obj.load();
  }
  if (blocked == 0) return std::nullopt;
  auto asleep = [&](int w) {
    const WorkerSlot& slot = ctl->workers[w];
    return slot.state.load() == WorkerState::blocked &&
           asleep_in_its_call(slot, probe_process(children[static_cast<size_t>(w)].pid));
  };
  auto worker_name = [&](int w) { return ids[static_cast<size_t>(w)].name; };
  auto object_name = [&](int obj) { return scenario.objects[static_cast<size_t>(obj)].name; };
  // The model has applied each cycle member's block event, and every event
  // a worker wrote before it (a release, say): the holders it names are
  // current, whatever other workers' rings still hold.
  std::vector<WaitLink> cycle;
  {
    std::lock_guard lock(mu);
    for (size_t i = 0; i < ids.size(); ++i)
      if (g.waits_on[i] >= 0 && model.blocked_on(static_cast<int>(i)) != g.waits_on[i])
        g.waits_on[i] = -1;  // the model has not seen this block yet
    g.holders = [this](int waiter, int obj) {
      if (mechanism(obj) == ObjectKind::file_lock) {
        // Byte ranges: the kernel names the lock that blocks this request.
        const pid_t pid = children[static_cast<size_t>(waiter)].pid;
        for (const KernelFileLock& l : host.file_locks(obj)) {
          if (!l.waiting || l.pid != pid || l.blocker <= 0) continue;
          for (size_t i = 0; i < children.size(); ++i)
            if (children[i].pid == l.blocker) return std::vector<int>{static_cast<int>(i)};
        }
      }
      return model.holders(obj);
    };
    cycle = find_wait_cycle(g);
  }
  if (!cycle.empty()) {
    // A semaphore may be posted by anyone, not only by who took it: a cycle
    // through one is certain only when no process is left to post.
    const bool certain = std::none_of(cycle.begin(), cycle.end(), [&](const WaitLink& l) {
      return mechanism(l.obj) == ObjectKind::semaphore;
    });
    if (certain || blocked == live) {
      for (const WaitLink& l : cycle)
        if (!asleep(l.waiter)) return std::nullopt;
      return Deadlock{describe_cycle(cycle, worker_name, object_name), cycle};
    }
  }
  if (blocked != live || !ctl_rings_empty()) return std::nullopt;
  // No cycle, yet every live process is blocked (not in a timed wait) and
  // the kernel agrees: none is left to release another.
  // Seen twice, kAllBlockedForMs apart, with nobody woken in between
  // (voluntary context switches unchanged): a wake-up already on its way
  // (the last writer of a pipe closing, a descriptor another process held
  // for a moment) shows up as a switch.
  std::vector<uint64_t> seen;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (children[i].reaped) continue;
    const WorkerSlot& slot = ctl->workers[i];
    if (slot.blocked_timed.load()) return std::nullopt;
    const ProcessTruth t = probe_process(children[i].pid);
    if (slot.state.load() != WorkerState::blocked || !asleep_in_its_call(slot, t))
      return std::nullopt;
    seen.push_back(t.voluntary_switches);
  }
  const uint64_t now = monotonic_ns();
  if (seen != all_blocked_seen) {
    all_blocked_seen = seen;
    all_blocked_since = now;
    return std::nullopt;
  }
  if (now - all_blocked_since < kAllBlockedForMs * 1'000'000ull) return std::nullopt;
  std::string text;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (children[i].reaped) continue;
    const WorkerSlot& slot = ctl->workers[i];
    const int obj = slot.blocked_obj.load();
    text += (text.empty() ? "" : "; ") + ids[i].name + " waits ";
    if (obj < 0) {
      text += "for a signal";
      continue;
    }
    const ObjectSpec& spec = scenario.objects[static_cast<size_t>(obj)];
    text += "on " + std::string(to_string(mechanism(obj))) + " '" + spec.name + "'";
    std::lock_guard lock(mu);
    std::string held;
    for (int h : model.holders(obj)) {
      if (h == static_cast<int>(i)) continue;
      held += (held.empty() ? "" : ", ") + ids[static_cast<size_t>(h)].name;
      if (children[static_cast<size_t>(h)].reaped) held += " (which exited holding it)";
    }
    if (!held.empty()) text += " held by " + held;
    if (spec.mechanism == ObjectKind::semaphore)
      text += " (count " + std::to_string(model.fill(obj)) + ")";
  }
  return Deadlock{"every process is blocked and none can release another: " + text, {}};
}

bool Session::Impl::analysis_events(EventBatch& out, bool all_done) {
  std::vector<Event> made;
  {
    std::lock_guard lock(mu);
    // A process overtaken again and again on the object it waits for.
    for (const StateModel::Starving& s : model.take_starving()) {
      // Only while it still waits: the same batch may have served it, or
      // it may be gone, and nothing of a process may follow its exit.
      if (model.blocked_on(s.worker) != s.obj || children[static_cast<size_t>(s.worker)].reaped)
        continue;
      Event e;
      e.ev = EventKind::value;
      e.worker = s.worker;
      e.proc = ids[static_cast<size_t>(s.worker)].name;
      e.pid = children[static_cast<size_t>(s.worker)].pid;
      e.obj = s.obj;
      e.obj_name = scenario.objects[static_cast<size_t>(s.obj)].name;
      e.value = s.times;
      e.detail = "starving: " + ids[static_cast<size_t>(s.worker)].name + " has waited on " +
                 scenario.objects[static_cast<size_t>(s.obj)].name + " while others got it " +
                 std::to_string(s.times) + " times";
      made.push_back(std::move(e));
    }
    // A message a byte stream split is seen by the model alone (no worker
    // can tell): the log shows it as a value event of the reader on the channel.
    const std::vector<Finding>& found = model.findings();
    for (; findings_told < found.size(); ++findings_told) {
      const Finding& f = found[findings_told];
      if (f.kind != FindingKind::split) continue;
      Event e;
      e.ev = EventKind::value;
      e.detail = f.text;
      // Nothing of a process may follow its exit: once it is gone the
      // session says it, naming the reader.
      if (f.worker >= 0 && !children[static_cast<size_t>(f.worker)].reaped) {
        e.worker = f.worker;
        e.proc = ids[static_cast<size_t>(f.worker)].name;
        e.pid = children[static_cast<size_t>(f.worker)].pid;
      } else if (f.worker >= 0) {
        e.detail = ids[static_cast<size_t>(f.worker)].name + ": " + f.text;
      }
      e.obj = f.obj;
      if (f.obj >= 0) e.obj_name = scenario.objects[static_cast<size_t>(f.obj)].name;
      made.push_back(std::move(e));
    }
    // At the end, each shared cell that lost updates: what it holds against
    // what it would hold had none been lost.
    if (all_done && mode != RunMode::finished) {
      for (size_t i = 0; i < scenario.objects.size(); ++i) {
        const int obj = static_cast<int>(i);
        if (scenario.objects[i].mechanism != ObjectKind::shared_memory || !model.lost_updates(obj))
          continue;
        const std::vector<int64_t>& got = model.cells(obj);
        const std::vector<int64_t>& want = model.expected_cells(obj);
        for (size_t c = 0; c < got.size() && c < want.size(); ++c) {
          if (got[c] == want[c]) continue;
          Event e;
          e.ev = EventKind::race;
          e.obj = obj;
          e.obj_name = scenario.objects[i].name;
          e.value = got[c];
          e.detail = scenario.objects[i].name + "[" + std::to_string(c) + "] ended at " +
                     std::to_string(got[c]) + ", but the updates made add up to " +
                     std::to_string(want[c]) + ": " + std::to_string(model.lost_updates(obj)) +
                     " lost";
          made.push_back(std::move(e));
        }
      }
    }
  }
  if (made.empty()) return false;
  for (Event& e : made) {
    e.t_ns = now_since(*ctl);
    out.push_back(std::move(e));
  }
  return true;
}

bool Session::Impl::two_or_more_blocked() const {
  int blocked = 0, live = 0;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (children[i].reaped) continue;
    ++live;
    if (ctl->workers[i].state.load() == WorkerState::blocked) ++blocked;
  }
  return blocked >= 2 || (blocked == 1 && live == 1);
}

}  // namespace ipclab
