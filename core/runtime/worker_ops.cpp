// What each op does: the real call, tried without blocking first, with its
// events. Runs inside ipclab-worker.
#include <pthread.h>
#include <signal.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "observer/kernel_probe.hpp"
#include "runtime/worker_emit.hpp"
#include "runtime/worker_sync.hpp"

namespace ipclab {

volatile sig_atomic_t g_caught[65];
std::atomic<bool> g_any_caught{false};

namespace {

void on_caught(int sig) {
  if (sig > 0 && sig < 65) g_caught[sig] = 1;
  g_any_caught.store(true);
}

}  // namespace

std::string sig_name(int sig) {
  return signal_display_name(sig);
}

void emit_call(WorkerContext& w, int obj, long nr) {
  EventRecord r = w.record(EventKind::call, obj);
  r.syscall = static_cast<int16_t>(nr);
  w.emit(r);
}

void emit_return(WorkerContext& w, int obj, long nr, int64_t value, int err,
                 std::string_view detail) {
  EventRecord r = w.record(EventKind::ret, obj);
  r.syscall = static_cast<int16_t>(nr);
  r.value = value;
  r.flags |= EventRecord::kHasValue;
  if (err) {
    r.peer = err;
    r.flags |= EventRecord::kHasErrno;
  } else if (!detail.empty()) {
    WorkerContext::set_data(r, detail);
  }
  w.emit(r);
}

void emit_error(WorkerContext& w, int obj, int err, std::string_view what) {
  EventRecord r = w.record(EventKind::error, obj);
  r.peer = err;
  r.flags |= EventRecord::kHasErrno;
  WorkerContext::set_data(r, what);
  w.emit(r);
}

void emit_value(WorkerContext& w, EventKind ev, int obj, int64_t value, std::string_view detail) {
  EventRecord r = w.record(ev, obj);
  r.value = value;
  r.flags |= EventRecord::kHasValue;
  WorkerContext::set_data(r, detail);
  w.emit(r);
}

void enter_block(WorkerContext& w, int obj, long nr, bool timed, bool on_child) {
  w.slot->blocked_obj.store(obj);
  w.slot->blocked_timed.store(on_child ? 2 : timed ? 1 : 0);
  w.slot->blocked_nr.store(static_cast<int32_t>(nr));
  w.set_state(WorkerState::blocked);
  EventRecord r = w.record(EventKind::block, obj);
  r.syscall = static_cast<int16_t>(nr);
  if (timed) r.flags |= EventRecord::kTimed;
  w.emit(r);
  w.wake_pump();
}

// On success the unblock rides on the record the caller writes next (the
// return or the acquire, at once): the same event, one record fewer.
void leave_block(WorkerContext& w, int obj, int err) {
  w.set_state(WorkerState::running);
  w.slot->blocked_obj.store(-1);
  if (err == 0) {
    w.pending |= EventRecord::kUnblock;
    return;
  }
  EventRecord r = w.record(EventKind::unblock, obj);
  if (err == EINTR)
    WorkerContext::set_data(r, "interrupted by a signal");
  else if (err == ETIMEDOUT)
    WorkerContext::set_data(r, "timed out");
  w.emit(r);
  if (err == EINTR) deliver_caught_signals(w);
}

namespace {

// Robust mutexes this process locked with EOWNERDEAD and has not made
// consistent yet (bit = object index): unlocking one makes it unusable.
uint64_t g_inconsistent = 0;

void do_mutex(WorkerContext& w, const Op& op) {
  ObjectSlot& slot = w.ctl->objects[op.obj];
  const uint64_t bit = uint64_t{1} << op.obj;
  if (op.kind == OpKind::mutex_consistent) {
    const int rc = pthread_mutex_consistent(&slot.mutex);
    if (rc == EINVAL)
      return emit_error(w, op.obj, rc,
                        "pthread_mutex_consistent: not robust, or its owner did not die");
    if (rc != 0) return emit_error(w, op.obj, rc, "pthread_mutex_consistent failed");
    g_inconsistent &= ~bit;
    return emit_value(w, EventKind::value, op.obj, 1,
                      "pthread_mutex_consistent: the mutex is usable again");
  }
  if (op.kind == OpKind::mutex_unlock) {
    const int32_t was = slot.owner.load();
    if (was != w.index) {
      // Not ours: the error-checking mutex refuses with EPERM, after the
      // same test glibc makes (its owner field is not this thread). Made
      // here first because glibc's unlock of a robust mutex that another
      // process made not recoverable crashes (SIGSEGV) instead of refusing.
      const pid_t owner = __atomic_load_n(&slot.mutex.__data.__owner, __ATOMIC_RELAXED);
      const int rc = owner == ::gettid() ? pthread_mutex_unlock(&slot.mutex) : EPERM;
      if (rc != 0) return emit_error(w, op.obj, rc, "unlock of a mutex this process does not hold");
      return emit_value(w, EventKind::release, op.obj, 0, "pthread_mutex_unlock");
    }
    // Reported before the call: the waiter it wakes can never report its
    // acquire before this release.
    slot.owner.store(-1);
    const bool breaks = (g_inconsistent & bit) != 0;
    g_inconsistent &= ~bit;
    emit_value(w, EventKind::release, op.obj, 0,
               breaks ? "unlocked without pthread_mutex_consistent: now ENOTRECOVERABLE"
                      : "pthread_mutex_unlock");
    const int rc = pthread_mutex_unlock(&slot.mutex);
    if (rc != 0) {
      slot.owner.store(was);
      emit_error(w, op.obj, rc, "pthread_mutex_unlock failed");
    }
    return;
  }
  int rc = pthread_mutex_trylock(&slot.mutex);
  if (rc == EBUSY && op.kind == OpKind::mutex_trylock) {
    emit_return(w, op.obj, -1, -1, EBUSY);
    return;
  }
  if (rc == EBUSY) {
    // A mutex that is not robust whose owner died stays locked: this waits
    // for ever (until the session ends the process).
    enter_block(w, op.obj, SYS_futex, false);
    rc = pthread_mutex_lock(&slot.mutex);
    leave_block(w, op.obj, rc == EOWNERDEAD ? 0 : rc);
  }
  if (rc == ENOTRECOVERABLE)
    return emit_error(w, op.obj, rc,
                      "ENOTRECOVERABLE: unlocked after its owner died, never made consistent");
  if (rc == EDEADLK)
    return emit_error(w, op.obj, rc, "EDEADLK: this process already holds the mutex");
  if (rc != 0 && rc != EOWNERDEAD) return emit_error(w, op.obj, rc, "lock failed");
  slot.owner.store(w.index);
  if (rc == EOWNERDEAD) {
    // The kernel gave it to us from the dead owner's robust list; the data
    // it guarded may be half-updated, so glibc wants it repaired first.
    g_inconsistent |= bit;
    return emit_value(w, EventKind::acquire, op.obj, 1,
                      "EOWNERDEAD: the owner died holding it; call pthread_mutex_consistent");
  }
  emit_value(w, EventKind::acquire, op.obj, 1, "pthread_mutex_lock");
}

void do_shm(WorkerContext& w, const Op& op) {
  WorkerObject& o = w.objects[static_cast<size_t>(op.obj)];
  if (!o.cells) return emit_error(w, op.obj, EBADF, "shared memory not mapped");
  int64_t* cell = &o.cells[op.cell];
  // Plain loads and stores, as a C program without synchronisation does:
  // relaxed atomics keep the compiler honest without adding any ordering.
  auto load = [&] { return __atomic_load_n(cell, __ATOMIC_RELAXED); };
  auto store = [&](int64_t v) { __atomic_store_n(cell, v, __ATOMIC_RELAXED); };
  EventRecord r = w.record(EventKind::value, op.obj);
  r.flags |= EventRecord::kHasValue;
  r.msg = op.cell;  // the cell index travels in msg for value events on cells
  switch (op.kind) {
    case OpKind::shm_read:
      r.value = load();
      WorkerContext::set_data(r, "read");
      break;
    case OpKind::shm_write:
      store(op.value);
      r.value = op.value;
      WorkerContext::set_data(r, "write");
      break;
    case OpKind::shm_add: {
      const int64_t v = load() + op.value;
      store(v);
      r.value = v;
      WorkerContext::set_data(r, "add");
      break;
    }
    case OpKind::shm_load:
      w.reg = w.loaded = load();
      r.value = w.reg;
      WorkerContext::set_data(r, "load");
      break;
    case OpKind::shm_compute:
      w.reg += op.value;
      r.value = w.reg;
      WorkerContext::set_data(r, "compute");
      break;
    case OpKind::shm_store: {
      const int64_t before = load();
      store(w.reg);
      r.value = w.reg;
      WorkerContext::set_data(r, "store");
      w.emit(r);
      if (before != w.loaded) {
        // Someone stored between our load and this store: their update is lost.
        EventRecord race = w.record(EventKind::race, op.obj);
        race.msg = op.cell;
        race.value = before;
        race.flags |= EventRecord::kHasValue;
        WorkerContext::set_data(race, "lost update: loaded " + std::to_string(w.loaded) +
                                          ", but the cell held " + std::to_string(before) +
                                          " when this process stored " + std::to_string(w.reg) +
                                          " over it");
        w.emit(race);
      }
      return;
    }
    default:
      break;
  }
  w.emit(r);
}

// Whether the kernel will merge this standard signal into one of its kind
// already pending in the target: the kernel keeps one pending bit per
// standard signal in the process-wide set (ShdPnd), and kill() or sigqueue()
// of a signal whose bit is set changes nothing (legacy_queue in the kernel's
// __send_signal). Real-time signals queue one entry per sending, so they are
// never merged this way (up to RLIMIT_SIGPENDING, which fails with EAGAIN).
//
// Read from /proc/PID/status just before the call, so it is exact whenever
// the target cannot take the signal between the two: it waits at its step
// gate, or has the signal blocked (as `sigwait` does from the start) and is
// not in a sigwait for it, or is asleep in something else. A target running
// freely, about to take it in sigwaitinfo() at that instant, may take the
// pending one in between: then this one is reported lost although it took
// the freed place (the report errs towards "lost", never the other way).
bool merges_into_pending(pid_t pid, int sig) {
  if (sig >= SIGRTMIN || sig <= 0 || sig > 64) return false;
  const std::optional<uint64_t> pending = shared_pending_signals(pid);
  return pending && (*pending & (uint64_t{1} << (sig - 1))) != 0;
}

void do_signal(WorkerContext& w, const Op& op) {
  for (int t : op.targets) {
    const pid_t pid = w.ctl->workers[t].pid.load();
    EventRecord r = w.record(EventKind::signal, -1);
    r.peer = t;
    if (op.has_value) {
      r.value = op.value;
      r.flags |= EventRecord::kHasValue;
    }
    // The supervisor adds the target and, for a lost one, why (session_pump.cpp).
    const bool lost = merges_into_pending(pid, op.sig);
    WorkerContext::set_data(
        r, lost ? std::string(kSignalLostPrefix) + " " + sig_name(op.sig) : sig_name(op.sig));
    w.emit(r);
    const long nr = op.has_value ? SYS_rt_sigqueueinfo : SYS_kill;
    emit_call(w, -1, nr);
    int rc;
    if (op.has_value) {
      sigval v{};
      v.sival_int = static_cast<int>(op.value);
      rc = ::sigqueue(pid, op.sig, v);
    } else {
      rc = ::kill(pid, op.sig);
    }
    emit_return(w, -1, nr, rc, rc == 0 ? 0 : errno);
  }
}

void do_sigwait(WorkerContext& w, const Op& op) {
  sigset_t set;
  sigemptyset(&set);
  for (int sig : op.sigs) sigaddset(&set, sig);
  siginfo_t info{};
  const timespec zero{0, 0};
  emit_call(w, -1, SYS_rt_sigtimedwait);
  int sig = ::sigtimedwait(&set, &info, &zero);
  if (sig < 0 && errno == EAGAIN) {
    enter_block(w, -1, SYS_rt_sigtimedwait, false);
    do sig = ::sigwaitinfo(&set, &info);
    while (sig < 0 && errno == EINTR);
    leave_block(w, -1, sig < 0 ? errno : 0);
  }
  emit_return(w, -1, SYS_rt_sigtimedwait, sig, sig < 0 ? errno : 0);
  if (sig < 0) return;
  EventRecord r = w.record(EventKind::deliver, -1);
  if (info.si_code == SI_QUEUE) {
    r.value = info.si_value.sival_int;
    r.flags |= EventRecord::kHasValue;
  }
  const std::string detail = sig_name(sig) + " from pid " + std::to_string(info.si_pid);
  WorkerContext::set_data(r, detail);
  w.emit(r);
}

void do_on_signal(WorkerContext& w, const Op& op) {
  struct sigaction sa {};
  sa.sa_handler = on_caught;
  sa.sa_flags = op.restart ? SA_RESTART : 0;
  sigemptyset(&sa.sa_mask);
  const int rc = ::sigaction(op.sig, &sa, nullptr);
  sigset_t one;
  sigemptyset(&one);
  sigaddset(&one, op.sig);
  ::sigprocmask(SIG_UNBLOCK, &one, nullptr);
  emit_return(w, -1, SYS_rt_sigaction, rc, rc == 0 ? 0 : errno);
}

void sleep_ms(int64_t ms) {
  timespec ts{static_cast<time_t>(ms / 1000), static_cast<long>((ms % 1000) * 1'000'000)};
  while (::clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, &ts) == EINTR) {
  }
}

void compute_ms(int64_t ms) {
  const uint64_t end = monotonic_ns() + static_cast<uint64_t>(ms) * 1'000'000ull;
  volatile uint64_t sink = 0;
  while (monotonic_ns() < end)
    for (int i = 0; i < 1000; ++i) sink = sink + static_cast<uint64_t>(i);
}

}  // namespace

void deliver_caught_signals(WorkerContext& w) {
  g_any_caught.store(false);
  for (int sig = 1; sig < 65; ++sig) {
    if (!g_caught[sig]) continue;
    g_caught[sig] = 0;
    EventRecord r = w.record(EventKind::deliver, -1);
    WorkerContext::set_data(r, sig_name(sig) + " caught by the handler");
    w.emit(r);
  }
}

bool step_folds(OpKind kind) {
  switch (kind) {
    case OpKind::send:
    case OpKind::recv:
    case OpKind::sem_wait:
    case OpKind::sem_post:
    case OpKind::sem_trywait:
    case OpKind::mutex_lock:
    case OpKind::mutex_unlock:
    case OpKind::mutex_trylock:
      return true;
    default:
      return false;
  }
}

OpEnd run_op(WorkerContext& w, const Op& op, int* exit_code) {
  if (op.repeat_while != RepeatWhile::never) return do_flag_test(w, op);
  if (op.flag_role != FlagRole::none) {
    do_flag_store(w, op);
    return OpEnd::next;
  }
  switch (op.kind) {
    case OpKind::send:
      do_send(w, op);
      break;
    case OpKind::recv:
      do_recv(w, op);
      break;
    case OpKind::sem_wait:
    case OpKind::sem_post:
    case OpKind::sem_trywait:
      do_sem(w, op);
      break;
    case OpKind::mutex_lock:
    case OpKind::mutex_unlock:
    case OpKind::mutex_trylock:
      do_mutex(w, op);
      break;
    case OpKind::shm_read:
    case OpKind::shm_write:
    case OpKind::shm_add:
    case OpKind::shm_load:
    case OpKind::shm_compute:
    case OpKind::shm_store:
      do_shm(w, op);
      break;
    case OpKind::signal:
      do_signal(w, op);
      break;
    case OpKind::sigwait:
      do_sigwait(w, op);
      break;
    case OpKind::on_signal:
      do_on_signal(w, op);
      break;
    case OpKind::sleep:
      emit_call(w, -1, SYS_clock_nanosleep);
      w.wake_pump();
      sleep_ms(op.value);
      emit_return(w, -1, SYS_clock_nanosleep, 0, 0);
      break;
    case OpKind::compute:
      w.wake_pump();
      compute_ms(op.value);
      break;
    case OpKind::print: {
      emit_call(w, -1, SYS_write);
      const std::string line = op.text + "\n";
      const ssize_t n = ::write(STDOUT_FILENO, line.data(), line.size());
      EventRecord r = w.record(EventKind::ret, -1);
      r.syscall = SYS_write;
      r.value = n;
      r.flags |= EventRecord::kHasValue;
      WorkerContext::set_data(r, op.text);
      w.emit(r);
      break;
    }
    case OpKind::exit:
      *exit_code = static_cast<int>(op.value);
      return OpEnd::exit;
    case OpKind::exec:
      do_exec(w, op);
      break;
    case OpKind::rpc_call:
      do_rpc_call(w, op);
      break;
    case OpKind::rpc_serve:
      do_rpc_serve(w, op);
      break;
    case OpKind::mutex_consistent:
      do_mutex(w, op);
      break;
    case OpKind::rw_rdlock:
    case OpKind::rw_wrlock:
    case OpKind::rw_unlock:
      do_rwlock(w, op);
      break;
    case OpKind::file_lock:
    case OpKind::file_unlock:
      do_file_lock(w, op);
      break;
    case OpKind::cond_wait:
    case OpKind::cond_signal:
    case OpKind::cond_broadcast:
      do_cond(w, op);
      break;
    case OpKind::event_set:
    case OpKind::event_reset:
    case OpKind::event_wait:
      do_event(w, op);
      break;
    case OpKind::barrier_wait:
      do_barrier(w, op);
      break;
    case OpKind::measure:
      do_measure(w, op);
      break;
    case OpKind::unsupported:
      emit_error(w, op.obj, ENOTSUP, "this action is not available in this version");
      break;
  }
  return OpEnd::next;
}

}  // namespace ipclab
