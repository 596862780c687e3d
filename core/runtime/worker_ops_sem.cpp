// Semaphore ops in the worker, every flavor: POSIX named (sem_open) and
// unnamed (sem_init in the control block) with sem_wait/sem_post, System V
// with semop. A wait is first tried without blocking (sem_trywait, semop
// with IPC_NOWAIT); only when that says EAGAIN does the worker report
// `block` and make the blocking call.
#include <semaphore.h>
#include <sys/sem.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <cerrno>

#include "runtime/worker_emit.hpp"
#include "runtime/worker_sync.hpp"

namespace ipclab {

namespace {

int64_t posix_value(sem_t* s) {
  int v = 0;
  ::sem_getvalue(s, &v);
  return v;
}

int64_t sysv_value(int id) {
  return ::semctl(id, 0, GETVAL);
}

// CLOCK_REALTIME now + ms: the absolute deadline sem_timedwait takes.
timespec deadline_in(int64_t ms) {
  timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  t.tv_sec += static_cast<time_t>(ms / 1000);
  t.tv_nsec += static_cast<long>((ms % 1000) * 1'000'000);
  if (t.tv_nsec >= 1'000'000'000) {
    t.tv_sec += 1;
    t.tv_nsec -= 1'000'000'000;
  }
  return t;
}

void do_posix(WorkerContext& w, const Op& op, sem_t* s) {
  if (op.kind == OpKind::sem_post) {
    // Reported before the call, as a send is: a waiter this post wakes can
    // never report its acquire before the release that allowed it. The
    // value is the count this post makes.
    emit_value(w, EventKind::release, op.obj, posix_value(s) + 1, "sem_post");
    if (::sem_post(s) != 0) emit_error(w, op.obj, errno, "sem_post failed");
    return;
  }
  int rc = ::sem_trywait(s);
  int err = rc == 0 ? 0 : errno;
  if (err == EAGAIN && op.kind == OpKind::sem_trywait) {
    emit_return(w, op.obj, -1, -1, EAGAIN);
    return emit_value(w, EventKind::value, op.obj, posix_value(s),
                      "sem_trywait: the count is 0, not acquired");
  }
  if (err == EAGAIN) {
    // sem_wait and sem_timedwait sleep in futex(FUTEX_WAIT...).
    const bool timed = op.timeout_ms >= 0;
    enter_block(w, op.obj, SYS_futex, timed);
    if (timed) {
      const timespec deadline = deadline_in(op.timeout_ms);
      rc = ::sem_timedwait(s, &deadline);
    } else {
      rc = ::sem_wait(s);
    }
    err = rc == 0 ? 0 : errno;
    leave_block(w, op.obj, err);
  }
  if (err) return emit_return(w, op.obj, -1, -1, err);
  emit_value(w, EventKind::acquire, op.obj, posix_value(s), "sem_wait");
}

void do_sysv(WorkerContext& w, const Op& op, int id, bool undo) {
  const short flags = undo ? SEM_UNDO : 0;
  if (op.kind == OpKind::sem_post) {
    // V: add 1. Reported before the call, as sem_post is.
    emit_value(w, EventKind::release, op.obj, sysv_value(id) + 1, "semop +1");
    sembuf v{0, 1, flags};
    if (::semop(id, &v, 1) != 0) emit_error(w, op.obj, errno, "semop failed");
    return;
  }
  // P: subtract 1, first without waiting.
  sembuf p{0, -1, static_cast<short>(flags | IPC_NOWAIT)};
  long rc = ::semop(id, &p, 1);
  int err = rc == 0 ? 0 : errno;
  if (err == EAGAIN && op.kind == OpKind::sem_trywait) {
    emit_return(w, op.obj, SYS_semop, -1, EAGAIN);
    return emit_value(w, EventKind::value, op.obj, sysv_value(id),
                      "semop IPC_NOWAIT: the count is 0, not acquired");
  }
  long nr = SYS_semop;
  if (err == EAGAIN) {
    p.sem_flg = flags;
    const bool timed = op.timeout_ms >= 0;
    // The system call itself, not glibc's semop(), which on some targets
    // is semtimedop with no timeout: the worker announces the call the
    // kernel will show in /proc/PID/syscall.
    nr = timed ? SYS_semtimedop : SYS_semop;
    enter_block(w, op.obj, nr, timed);
    if (timed) {
      const timespec rel{static_cast<time_t>(op.timeout_ms / 1000),
                         static_cast<long>((op.timeout_ms % 1000) * 1'000'000)};
      rc = ::syscall(SYS_semtimedop, id, &p, 1, &rel);
    } else {
      rc = ::syscall(SYS_semop, id, &p, 1);
    }
    err = rc == 0 ? 0 : errno;
    // semtimedop says EAGAIN when the time is up: the unblock says timed out.
    leave_block(w, op.obj, timed && err == EAGAIN ? ETIMEDOUT : err);
  }
  if (err) return emit_return(w, op.obj, nr, -1, err);
  emit_value(w, EventKind::acquire, op.obj, sysv_value(id),
             undo ? "semop -1 SEM_UNDO" : "semop -1");
}

}  // namespace

void do_sem(WorkerContext& w, const Op& op) {
  const ObjectSpec& spec = w.scenario.objects[static_cast<size_t>(op.obj)];
  if (spec.flavor == "sysv") {
    const int id = w.ctl->objects[op.obj].sysv_sem_id;
    if (id < 0) return emit_error(w, op.obj, EBADF, "semaphore not open");
    return do_sysv(w, op, id, spec.undo);
  }
  sem_t* s = w.objects[static_cast<size_t>(op.obj)].sem;
  if (!s) return emit_error(w, op.obj, EBADF, "semaphore not open");
  do_posix(w, op, s);
}

}  // namespace ipclab
