// The pump thread of a Session: drains the workers' rings, reaps exits,
// paces run mode, samples the kernel, spots deadlocks, and hands batches of
// events to the consumer.
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>

#include "runtime/session_impl.hpp"

namespace ipclab {

namespace {

// While the session runs freely the pump drains the rings on this tick
// (sooner when a ring is half full): consumers get batches at up to 250 Hz,
// more than a GUI's 60 frames, and a pump that shares the CPU with the
// workers wakes no more than that.
constexpr int kFreeRunTickMs = 4;

size_t fullest_ring(ControlBlock& ctl, size_t workers) {
  size_t most = 0;
  for (size_t i = 0; i < workers; ++i) most = std::max(most, ctl.ring(static_cast<int>(i))->size());
  return most;
}

}  // namespace

Session::Impl::~Impl() {
  if (notify_fd >= 0) ::close(notify_fd);
}

void Session::Impl::poke_pump() const {
  const uint64_t one = 1;
  if (cmd_fd >= 0) [[maybe_unused]]
    ssize_t n = ::write(cmd_fd, &one, sizeof one);
}

Event Session::Impl::decode(int worker, const EventRecord& r, EventKind kind, uint64_t t_ns) const {
  Event e;
  e.t_ns = t_ns;
  e.ev = kind;
  e.worker = worker;
  e.proc = ids[static_cast<size_t>(worker)].name;
  e.pid = children[static_cast<size_t>(worker)].pid;
  e.op = r.op;
  e.obj = r.obj;
  const std::vector<Op>& plan = plans[static_cast<size_t>(worker)];
  const bool op_known = r.op >= 0 && static_cast<size_t>(r.op) < plan.size();
  if (kind == EventKind::step && op_known) e.obj = plan[static_cast<size_t>(r.op)].obj;
  if (e.obj >= 0 && static_cast<size_t>(e.obj) < scenario.objects.size())
    e.obj_name = scenario.objects[static_cast<size_t>(e.obj)].name;
  if (kind != r.ev) {
    // An event folded into this record (record_events): a step, an
    // unblock, the return a receive carries, the call a send carries.
    if (kind == EventKind::step && op_known) e.detail = plan[static_cast<size_t>(r.op)].label;
    if ((kind == EventKind::ret || kind == EventKind::call) && r.syscall >= 0) {
      e.syscall = r.syscall;
      e.syscall_name = std::string(syscall_name(r.syscall));
    }
    if (kind == EventKind::ret) e.value = r.bytes;
    return e;
  }
  e.msg = r.msg;
  e.bytes = r.bytes;
  if (r.flags & EventRecord::kHasValue) e.value = r.value;
  e.timed = (r.flags & EventRecord::kTimed) != 0;
  const bool carries_call = (r.flags & (EventRecord::kCall | EventRecord::kReturn)) != 0;
  if (r.syscall >= 0 && !carries_call) {
    e.syscall = r.syscall;
    e.syscall_name = std::string(syscall_name(r.syscall));
  }
  const std::string_view text(r.data, std::min<size_t>(r.data_len, sizeof r.data));
  if (r.ev == EventKind::send || r.ev == EventKind::recv)
    e.data = std::string(text);
  else
    e.detail = std::string(text);
  // read() returning 0 on a stream: no writer is left.
  if (r.ev == EventKind::recv && r.bytes == 0 && e.obj >= 0) {
    const ObjectKind k = mechanism(e.obj);
    if (is_channel_mechanism(k) && !keeps_message_boundaries(k)) e.detail = "end of file";
  }
  if (r.flags & EventRecord::kHasErrno) {
    const char* name = strerrorname_np(r.peer);
    e.detail += (e.detail.empty() ? "" : ": ") + std::string(name ? name : "errno") + " " +
                std::strerror(r.peer);
  }
  if (r.ev == EventKind::signal && r.peer >= 0 && static_cast<size_t>(r.peer) < ids.size()) {
    e.detail += " to " + ids[static_cast<size_t>(r.peer)].name + " (pid " +
                std::to_string(children[static_cast<size_t>(r.peer)].pid) + ")";
    // The worker's record has room for "lost: SIGUSR1" only (worker_ops.cpp).
    if (e.detail.starts_with(kSignalLostPrefix))
      e.detail += ": one was already pending there (ShdPnd), so the kernel merged this one into it";
  }
  if (r.ev == EventKind::step && op_known) e.detail = plan[static_cast<size_t>(r.op)].label;
  return e;
}

void Session::Impl::decode_batch(const EventBatch& batch, std::vector<Event>& out) const {
  out.reserve(out.size() + batch.items.size() + batch.items.size() / 2);
  for (const EventBatch::Item& it : batch.items) {
    if (!it.raw) {
      out.push_back(batch.made[it.index]);
      continue;
    }
    const EventRecord& r = batch.records[it.index];
    const RecordEvents kinds = record_events(r);
    for (int k = 0; k < kinds.count; ++k) {
      Event e = decode(it.worker, r, kinds.kinds[k], it.t_ns);
      // A shared cell's index travels in msg; consumers read it in words.
      if (e.ev == EventKind::value && e.obj >= 0 && e.msg >= 0 &&
          scenario.objects[static_cast<size_t>(e.obj)].mechanism == ObjectKind::shared_memory) {
        e.detail += " cell " + std::to_string(e.msg);
        e.msg = -1;
      }
      // A lost update's cell too; a ring's overflow names a message there.
      if (e.ev == EventKind::race && e.msg >= 0 && e.obj >= 0 &&
          scenario.objects[static_cast<size_t>(e.obj)].mechanism == ObjectKind::shared_memory)
        e.msg = -1;
      out.push_back(std::move(e));
    }
  }
}

size_t Session::Impl::drain_rings(EventBatch& out, bool everything) {
  // Records are popped straight into the batch and stay raw until a
  // consumer takes them; only the small items are ordered by time.
  //
  // Causality: a record stamped before `watermark` (taken before any ring
  // is read) can only depend on records pushed before it was stamped (a
  // release is pushed before its sem_post), hence before the rings were
  // read: all of them are in this drain. A record stamped later may depend
  // on one pushed after its ring was read; it waits for the next drain.
  const uint64_t t0 = ctl->t0_ns;
  const uint64_t now = monotonic_ns();
  const uint64_t watermark = now > t0 ? now - t0 : 0;
  const size_t first = out.items.size();
  out.append(held_back);
  for (size_t i = 0; i < ids.size(); ++i) {
    EventRing* ring = ctl->ring(static_cast<int>(i));
    const size_t waiting = ring->size();
    if (waiting == 0) continue;
    const size_t at = out.records.size();
    out.records.resize(at + waiting);
    const size_t n = ring->pop(out.records.data() + at, waiting);
    out.records.resize(at + n);
    for (size_t k = at; k < at + n; ++k) {
      const uint64_t t = out.records[k].t_ns;
      out.items.push_back(
          {t > t0 ? t - t0 : 0, static_cast<int32_t>(i), static_cast<uint32_t>(k), true});
    }
  }
  std::stable_sort(
      out.items.begin() + static_cast<std::ptrdiff_t>(first), out.items.end(),
      [](const EventBatch::Item& a, const EventBatch::Item& b) { return a.t_ns < b.t_ns; });
  if (!everything) {
    while (out.items.size() > first && out.items.back().raw && out.items.back().t_ns >= watermark) {
      const EventBatch::Item it = out.items.back();
      held_back.add_record(it.worker, it.t_ns, out.records[it.index]);
      out.items.pop_back();
    }
    std::reverse(held_back.items.begin(), held_back.items.end());
  }
  return out.items.size() - first;
}

void Session::Impl::reap_children(EventBatch& out) {
  for (size_t i = 0; i < children.size(); ++i) {
    Child& c = children[i];
    if (c.reaped) continue;
    siginfo_t info{};
    if (::waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(c.pidfd), &info,
                 WEXITED | WNOHANG) != 0 ||
        info.si_pid == 0)
      continue;
    c.reaped = true;
    Event e;
    e.t_ns = now_since(*ctl);
    e.ev = EventKind::exit;
    e.worker = static_cast<int>(i);
    e.proc = ids[i].name;
    e.pid = c.pid;
    if (info.si_code == CLD_EXITED) {
      c.exit_code = info.si_status;
      e.value = info.si_status;
      e.detail = "exit code " + std::to_string(info.si_status);
      // A worker the session stopped leaves from its gate, before its end.
      const int32_t op = ctl->workers[i].op.load();
      if (op >= 0 && static_cast<size_t>(op) < plans[i].size() &&
          plans[i][static_cast<size_t>(op)].kind != OpKind::exit)
        e.detail += ", stopped by the session before action " + std::to_string(op + 1) + " of " +
                    std::to_string(plans[i].size());
    } else {
      c.term_signal = info.si_status;
      ctl->workers[i].state.store(WorkerState::killed);
      e.detail = "killed by " + signal_display_name(info.si_status);
    }
    out.push_back(std::move(e));
  }
}

void Session::Impl::publish(EventBatch& batch) {
  if (batch.empty()) return;
  {
    std::lock_guard lock(mu);
    for (const EventBatch::Item& it : batch.items) {
      if (it.raw) {
        EventRecord& r = batch.records[it.index];
        const RecordEvents kinds = record_events(r);
        for (int k = 0; k < kinds.count; ++k) {
          note_happening(kinds.kinds[k], it.worker, r);
          if (kinds.kinds[k] == EventKind::signal) {
            // Its finding (a lost signal) wants the whole sentence, which
            // names the target: only the decoded event has it.
            Event e = decode(it.worker, r, EventKind::signal, 0);
            model.apply(e);
            continue;
          }
          model.apply(kinds.kinds[k], it.worker, r);
        }
        continue;
      }
      Event& e = batch.made[it.index];
      // The session's own events (kernel samples, deadlock) come from this
      // process, the supervisor: they carry its real pid like any other.
      if (e.worker < 0 && e.pid <= 0) e.pid = ::getpid();
      model.apply(e);
    }
    outbox.append(batch);
    batch.clear();
    ++activity;
  }
  const uint64_t one = 1;
  [[maybe_unused]] ssize_t n = ::write(notify_fd, &one, sizeof one);
  cv.notify_all();
}

void Session::Impl::sample_kernel(EventBatch& out) {
  last_kernel_fill.resize(scenario.objects.size());
  for (size_t i = 0; i < scenario.objects.size(); ++i) {
    const auto fill = host.kernel_fill(instance(static_cast<int>(i)), lender(children));
    if (!fill || fill == last_kernel_fill[i]) continue;
    last_kernel_fill[i] = fill;
    Event e;
    e.t_ns = now_since(*ctl);
    e.ev = EventKind::value;
    e.obj = static_cast<int>(i);
    e.obj_name = scenario.objects[i].name;
    e.value = *fill;
    const ObjectKind k = mechanism(static_cast<int>(i));
    e.detail = k == ObjectKind::semaphore  ? "kernel: sem_getvalue"
               : k == ObjectKind::posix_mq ? "kernel: mq_getattr mq_curmsgs"
               : k == ObjectKind::sysv_mq  ? "kernel: msgctl IPC_STAT msg_qnum"
               : k == ObjectKind::shm_ring
                   ? (scenario.objects[i].semaphores ? "shared memory: sem_getvalue(full)"
                                                     : "shared memory: slots not read yet")
                   : "kernel: FIONREAD bytes";
    out.push_back(std::move(e));
  }
}

ObjectHost::FdLender Session::Impl::lender(const std::vector<Child>& kids) const {
  return [this, &kids](int obj, int end) -> int {
    const auto& who = (end == 0 ? readers : writers)[static_cast<size_t>(obj)];
    const int fd = ctl->objects[obj].fd[end];
    if (fd < 0) return -1;
    for (int w : who) {
      const Child& c = kids[static_cast<size_t>(w)];
      if (c.reaped || c.pidfd < 0) continue;
      // A duplicate of the worker's own descriptor: the same open file.
      const int got = static_cast<int>(::syscall(SYS_pidfd_getfd, c.pidfd, fd, 0));
      if (got >= 0) return got;
    }
    return -1;
  };
}

// Settled: every granted step took effect. A worker counts as settled at
// its gate with no grant left, really asleep in its blocking call (the
// kernel says S, not R: a woken waiter is runnable until it reports), or
// reaped.
// A worker that says "blocked" has settled once the kernel has it asleep in
// the call it announced (not yet on its way there, not woken by a signal
// that is about to run its handler). A restarted timed wait shows as
// restart_syscall; without permission to read the syscall, the state alone.
bool asleep_in_its_call(const WorkerSlot& slot, const ProcessTruth& t) {
  if (t.state != 'S' && t.state != 'D') return false;
  if ((t.sig_pending & ~t.sig_blocked) != 0) return false;
  const long nr = slot.blocked_nr.load();
  return nr < 0 || t.syscall_nr < 0 || t.syscall_nr == nr || t.syscall_nr == SYS_restart_syscall;
}

bool Session::Impl::settled_locked() const {
  if (mode == RunMode::finished) return true;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (child_view[i].reaped) continue;
    const WorkerSlot& slot = ctl->workers[i];
    switch (slot.state.load()) {
      case WorkerState::at_gate:
        if (slot.grants.load() != 0) return false;
        break;
      case WorkerState::blocked: {
        // Waiting for a program it started (exec): settled when the program
        // ended or is itself asleep, waiting for something.
        if (slot.blocked_timed.load() == 2) {
          const pid_t child = slot.child_pid.load();
          if (child > 0 && probe_process(child).state != 'S') return false;
        }
        if (!asleep_in_its_call(slot, probe_process(child_view[i].pid))) return false;
        break;
      }
      default:
        return false;
    }
  }
  return ctl_rings_empty();
}

bool Session::Impl::ctl_rings_empty() const {
  for (size_t i = 0; i < ids.size(); ++i)
    if (ctl->ring(static_cast<int>(i))->size() != 0) return false;
  return true;
}

void Session::Impl::request_drain_and_wait() {
  std::unique_lock lock(mu);
  const uint64_t target = drained_gen + 2;
  drain_wanted.store(target);
  poke_pump();
  cv.wait_for(lock, std::chrono::seconds(2), [&] { return drained_gen >= target || quit.load(); });
}

void Session::Impl::pump_loop() {
  EventBatch batch;
  uint64_t next_sample = 0;
  uint64_t next_tick = 0;
  uint64_t next_deadlock_check = 0;
  bool dirty = true;  // sample the kernel after the first pass
  while (!quit.load()) {
    RunMode mode_now;
    double speed_now;
    {
      std::lock_guard lock(mu);
      mode_now = mode;
      speed_now = speed;
    }
    const bool free_running = mode_now == RunMode::running && speed_now <= 0;
    const uint64_t now = monotonic_ns();
    int timeout_ms = 100;
    if (mode_now == RunMode::running) {
      timeout_ms = free_running ? kFreeRunTickMs
                                : static_cast<int>(std::max<int64_t>(
                                      0, static_cast<int64_t>(next_tick - now) / 1'000'000));
      if (next_tick == 0 && !free_running) timeout_ms = 0;  // the first paced tick is now
    }
    // While running freely, poll on a tick without asking workers to
    // write the eventfd: no syscall per event on their side. The tick drains
    // the rings; only a ring past half full cuts it short, so the pump does
    // not spin beside workers that never stop writing.
    if (!free_running) ctl->consumer_sleeping.store(1, std::memory_order_seq_cst);
    if (free_running ? fullest_ring(*ctl, ids.size()) >= ctl->ring_capacity / 2
                     : !ctl_rings_empty())
      timeout_ms = 0;
    {
      std::lock_guard lock(mu);
      if (drained_gen < drain_wanted.load()) timeout_ms = 0;
    }
    // All blocked by their own account: look again soon, the kernel may not
    // agree yet (a worker reports `block` just before its blocking call).
    const bool suspect = two_or_more_blocked();
    if (suspect) timeout_ms = std::min(timeout_ms, 5);
    std::vector<pollfd> fds{{wake_fd, POLLIN, 0}, {cmd_fd, POLLIN, 0}};
    for (const Child& c : children)
      if (!c.reaped) fds.push_back({c.pidfd, POLLIN, 0});
    ::poll(fds.data(), fds.size(), timeout_ms);
    ctl->consumer_sleeping.store(0, std::memory_order_relaxed);
    uint64_t drain;
    [[maybe_unused]] ssize_t n1 = ::read(wake_fd, &drain, sizeof drain);
    [[maybe_unused]] ssize_t n2 = ::read(cmd_fd, &drain, sizeof drain);

    // Reap before draining: a process that is gone has written its last
    // event, so its exit comes after everything its ring still held.
    EventBatch exits;
    reap_children(exits);
    if (drain_rings(batch) > 0) dirty = true;
    {
      // A switch's event, in time order with what the workers did around it.
      std::lock_guard lock(mu);
      if (!injected.empty()) {
        for (Event& e : injected) batch.push_back(std::move(e));
        injected.clear();
        batch.sort_by_time();
        dirty = true;
      }
    }
    if (!exits.empty()) {
      dirty = true;
      batch.append(exits);
      batch.sort_by_time();
      std::lock_guard lock(mu);
      child_view = children;
    }
    const uint64_t t = monotonic_ns();
    if (mode_now == RunMode::running && speed_now > 0 && t >= next_tick) {
      // mode_now may be stale by a whole tick: grant under the lock, and
      // only if still running, so no step arrives after pause() returned.
      std::lock_guard lock(mu);
      for (size_t i = 0; i < ids.size() && mode == RunMode::running; ++i) {
        WorkerSlot& slot = ctl->workers[i];
        if (!children[i].reaped && slot.state.load() == WorkerState::at_gate &&
            slot.grants.load() == 0)
          gate_grant(slot, 1);
      }
      next_tick = t + static_cast<uint64_t>(1e9 / speed_now);
    }
    if ((dirty && mode_now != RunMode::running) || t >= next_sample) {
      sample_kernel(batch);
      next_sample = t + static_cast<uint64_t>(opts.sample_period.count()) * 1'000'000ull;
    }
    const bool all_done =
        std::all_of(children.begin(), children.end(), [](const Child& c) { return c.reaped; });
    publish(batch);
    // After publishing, so the model has seen every block drained so far;
    // at once when someone waits for this pass (a step settling).
    if (two_or_more_blocked() && (t >= next_deadlock_check || drained_gen < drain_wanted.load())) {
      bool already;
      {
        std::lock_guard lock(mu);
        already = deadlock.has_value();
      }
      if (!already) {
        if (auto d = find_deadlock()) {
          Event e;
          e.t_ns = now_since(*ctl);
          e.ev = EventKind::deadlock;
          e.detail = d->text;
          batch.push_back(e);
          {
            std::lock_guard lock(mu);
            deadlock = d->text;
            deadlock_cycle = d->cycle;
          }
          publish(batch);
        } else {
          // Not yet: a process in the cycle may be on its way into its call.
          next_deadlock_check = t + 2'000'000ull;
        }
      }
    }
    if (analysis_events(batch, all_done)) publish(batch);
    dirty = false;
    {
      std::lock_guard lock(mu);
      ++drained_gen;
      if (all_done && mode != RunMode::finished) {
        mode = RunMode::finished;
        ++activity;
      }
    }
    cv.notify_all();
  }
}

}  // namespace ipclab
