// Condition variables, events and barriers: real calls on the objects that
// live in the control block (object_host_sync.cpp), with their events.
// Runs inside ipclab-worker.
#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <string>

#include "runtime/worker_emit.hpp"
#include "runtime/worker_sync.hpp"

namespace ipclab {
namespace {

// Not FUTEX_PRIVATE_FLAG: the word is in memory every worker maps.
long futex(std::atomic<uint32_t>* word, int op, uint32_t val) {
  return ::syscall(SYS_futex, reinterpret_cast<uint32_t*>(word), op, val, nullptr, nullptr, 0);
}

// How many processes sleep on `obj` now, as their own slots say.
int64_t sleeping_on(const WorkerContext& w, int obj) {
  int64_t n = 0;
  for (uint32_t i = 0; i < w.ctl->nworkers; ++i) {
    const WorkerSlot& s = w.ctl->workers[i];
    if (s.state.load() == WorkerState::blocked && s.blocked_obj.load() == obj) ++n;
  }
  return n;
}

void cond_wait(WorkerContext& w, const Op& op) {
  ObjectSlot& cond = w.ctl->objects[op.obj];
  const int m = op.in_obj;
  ObjectSlot& mutex = w.ctl->objects[m];
  if (mutex.owner.load() != w.index)
    return emit_error(w, op.obj, EPERM,
                      "pthread_cond_wait needs the mutex locked by this process first");
  // The mutex is released inside the call, atomically with joining the
  // condvar's waiters: reported before, as every release is, so no one's
  // acquire of it can come first in the log.
  mutex.owner.store(-1);
  emit_value(w, EventKind::release, m, 0, "pthread_cond_wait releases the mutex while it waits");
  enter_block(w, op.obj, SYS_futex, false);
  const int rc = pthread_cond_wait(&cond.cond, &mutex.mutex);
  leave_block(w, op.obj, rc == EOWNERDEAD ? 0 : rc);
  if (rc != 0 && rc != EOWNERDEAD) return emit_error(w, op.obj, rc, "pthread_cond_wait failed");
  mutex.owner.store(w.index);
  emit_value(w, EventKind::acquire, m, 1,
             rc == 0 ? "pthread_cond_wait woke up and locked the mutex again"
                     : "EOWNERDEAD: woke up, and the mutex's owner had died holding it");
}

}  // namespace

void do_cond(WorkerContext& w, const Op& op) {
  if (op.kind == OpKind::cond_wait) return cond_wait(w, op);
  ObjectSlot& cond = w.ctl->objects[op.obj];
  const bool all = op.kind == OpKind::cond_broadcast;
  // Before the call (it may wake a waiter); the value is how many wait now.
  emit_value(
      w, EventKind::release, op.obj, sleeping_on(w, op.obj),
      all ? "pthread_cond_broadcast: wakes every waiter" : "pthread_cond_signal: wakes one waiter");
  const int rc = all ? pthread_cond_broadcast(&cond.cond) : pthread_cond_signal(&cond.cond);
  if (rc != 0)
    emit_error(w, op.obj, rc, all ? "pthread_cond_broadcast failed" : "pthread_cond_signal failed");
}

void do_event(WorkerContext& w, const Op& op) {
  std::atomic<uint32_t>& word = w.ctl->objects[op.obj].event_word;
  const bool auto_reset = w.scenario.objects[static_cast<size_t>(op.obj)].auto_reset;
  if (op.kind == OpKind::event_set) {
    // Reported before the store and the wake, so a waiter it frees never
    // reports passing first.
    emit_value(w, EventKind::value, op.obj, 1,
               auto_reset ? "set: wakes one waiter, whose wait resets it (auto reset)"
                          : "set: wakes every waiter; it stays set until reset (manual reset)");
    word.store(1);
    futex(&word, FUTEX_WAKE, auto_reset ? 1 : INT_MAX);
    return;
  }
  if (op.kind == OpKind::event_reset) {
    word.store(0);
    return emit_value(w, EventKind::value, op.obj, 0, "reset");
  }
  // wait_event: an auto-reset event is taken (1 -> 0) by exactly one waiter.
  auto pass = [&] {
    if (!auto_reset) return word.load() == 1;
    uint32_t one = 1;
    return word.compare_exchange_strong(one, 0);
  };
  if (!pass()) {
    enter_block(w, op.obj, SYS_futex, false);
    // FUTEX_WAIT sleeps only while the word is still 0; a wake that finds
    // the event taken (auto) or reset again (manual) sleeps again.
    do futex(&word, FUTEX_WAIT, 0);
    while (!pass());
    leave_block(w, op.obj, 0);
  }
  emit_value(w, EventKind::acquire, op.obj, auto_reset ? 0 : 1,
             auto_reset ? "the event was set: passed, and reset it (auto reset)"
                        : "the event is set: passed (manual reset: it stays set)");
}

void do_barrier(WorkerContext& w, const Op& op) {
  ObjectSlot& slot = w.ctl->objects[op.obj];
  const int64_t parties = std::max(1, w.scenario.objects[static_cast<size_t>(op.obj)].parties);
  // Which arrival this is (next_msg is unused by barriers): all but the
  // last of each round sleep in the call.
  const int64_t arrival = slot.next_msg.fetch_add(1) + 1;
  const bool last = arrival % parties == 0;
  if (!last) enter_block(w, op.obj, SYS_futex, false);
  const int rc = pthread_barrier_wait(&slot.barrier);
  const bool serial = rc == PTHREAD_BARRIER_SERIAL_THREAD;
  if (!last) leave_block(w, op.obj, serial ? 0 : rc);
  if (rc != 0 && !serial) return emit_error(w, op.obj, rc, "pthread_barrier_wait failed");
  std::string detail = last ? "arrived last: the barrier opens" : "passed: every party has arrived";
  if (serial) detail += " (PTHREAD_BARRIER_SERIAL_THREAD)";
  // The value is the round (phase) this process passed.
  emit_value(w, EventKind::acquire, op.obj, (arrival - 1) / parties + 1, detail);
}

void note_mutexes_held_at_exit(WorkerContext& w) {
  for (size_t i = 0; i < w.scenario.objects.size() && i < kMaxObjects; ++i) {
    const ObjectSpec& spec = w.scenario.objects[i];
    if (spec.mechanism != ObjectKind::mutex) continue;
    if (w.ctl->objects[i].owner.load() != w.index) continue;
    emit_value(w, EventKind::value, static_cast<int>(i), 1,
               spec.robust
                   ? "exits holding it: the next locker gets EOWNERDEAD"
                   : "exits holding it: not robust, so never released; waiters wait for ever");
  }
}

}  // namespace ipclab
