// Read-write locks (a process-shared pthread_rwlock_t in the control block)
// and file locks (fcntl record locks, flock, open-file-description locks on
// a real file), each tried without blocking first, as every blocking op is.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "runtime/worker_emit.hpp"
#include "runtime/worker_sync.hpp"

namespace ipclab {

namespace {

// rwlock ------------------------------------------------------------------

void rw_unlock(WorkerContext& w, const Op& op, WorkerObject& o, pthread_rwlock_t* rw) {
  if (o.rw_held == 0) {
    // glibc does not check the caller (unlocking a lock you do not hold
    // corrupts it), so the worker refuses for it, with the errno the
    // error-checking mutex gives.
    return emit_error(w, op.obj, EPERM, "unlock of an rwlock this process does not hold");
  }
  // Reported before the call: a waiter it wakes can never report its
  // acquire before this release.
  const int was = o.rw_held;
  o.rw_held = was > 0 ? was - 1 : 0;
  emit_value(w, EventKind::release, op.obj, 0, "pthread_rwlock_unlock");
  const int rc = pthread_rwlock_unlock(rw);
  if (rc != 0) {
    o.rw_held = was;
    emit_error(w, op.obj, rc, "pthread_rwlock_unlock failed");
  }
}

}  // namespace

void do_rwlock(WorkerContext& w, const Op& op) {
  WorkerObject& o = w.objects[static_cast<size_t>(op.obj)];
  pthread_rwlock_t* rw = &w.ctl->objects[op.obj].rwlock;
  if (op.kind == OpKind::rw_unlock) return rw_unlock(w, op, o, rw);
  const bool reader = op.kind == OpKind::rw_rdlock;
  const char* call = reader ? "pthread_rwlock_rdlock" : "pthread_rwlock_wrlock";
  // Already the writer: the blocking call itself says EDEADLK at once (glibc
  // checks the owner), nothing to wait for.
  int rc = o.rw_held < 0 ? EBUSY
           : reader      ? pthread_rwlock_tryrdlock(rw)
                         : pthread_rwlock_trywrlock(rw);
  if (rc == EBUSY && o.rw_held < 0) {
    rc = reader ? pthread_rwlock_rdlock(rw) : pthread_rwlock_wrlock(rw);
  } else if (rc == EBUSY) {
    // A reader waits while a writer holds it (or, preferring writers, while
    // one waits); a writer waits while anyone holds it. Both sleep in futex.
    enter_block(w, op.obj, SYS_futex, false);
    rc = reader ? pthread_rwlock_rdlock(rw) : pthread_rwlock_wrlock(rw);
    leave_block(w, op.obj, rc);
  }
  if (rc != 0) {
    emit_return(w, op.obj, -1, -1, rc);
    return emit_error(w, op.obj, rc,
                      rc == EDEADLK ? "this process already holds the rwlock for writing"
                                    : "the rwlock could not be locked");
  }
  o.rw_held = reader ? o.rw_held + 1 : -1;
  emit_value(w, EventKind::acquire, op.obj, reader ? 0 : 1, call);
}

// file locks --------------------------------------------------------------

namespace {

constexpr uint8_t kFcntlLock = 1, kFlockLock = 2, kOfdLock = 4;

uint8_t style_bit(const std::string& style) {
  return style == "flock" ? kFlockLock : style == "ofd" ? kOfdLock : kFcntlLock;
}

long style_syscall(uint8_t style) {
  return style == kFlockLock ? SYS_flock : SYS_fcntl;
}

// The range as C writes it: [start, start + len), len 0 = to the end.
std::string range_words(const Op& op) {
  return "[" + std::to_string(op.start) + ", " +
         (op.len == 0 ? std::string("end") : std::to_string(op.start + op.len)) + ")";
}

// One lock call: 0 or the errno. `wait`: the blocking form.
int lock_call(int fd, const Op& op, uint8_t style, short type, bool wait) {
  if (style == kFlockLock) {
    const int how = type == F_UNLCK ? LOCK_UN : type == F_RDLCK ? LOCK_SH : LOCK_EX;
    return ::flock(fd, how | (wait ? 0 : LOCK_NB)) == 0 ? 0 : errno;
  }
  struct flock fl {};
  fl.l_type = type;
  fl.l_whence = SEEK_SET;
  fl.l_start = type == F_UNLCK ? 0 : op.start;
  fl.l_len = type == F_UNLCK ? 0 : op.len;
  // OFD locks need l_pid 0; the command says whose lock it is.
  const int cmd =
      style == kOfdLock ? (wait ? F_OFD_SETLKW : F_OFD_SETLK) : (wait ? F_SETLKW : F_SETLK);
  return ::fcntl(fd, cmd, &fl) == 0 ? 0 : errno;
}

std::string lock_words(const Op& op, uint8_t style, short type) {
  if (style == kFlockLock)
    return type == F_UNLCK ? "flock LOCK_UN" : type == F_RDLCK ? "flock LOCK_SH" : "flock LOCK_EX";
  const std::string cmd = style == kOfdLock ? "fcntl F_OFD_SETLK" : "fcntl F_SETLK";
  if (type == F_UNLCK) return cmd + " F_UNLCK";
  return cmd + "W " + (type == F_RDLCK ? "F_RDLCK " : "F_WRLCK ") + range_words(op);
}

void file_unlock(WorkerContext& w, const Op& op, WorkerObject& o) {
  // Whatever this process holds on the file goes, in each style it used:
  // a whole-file F_UNLCK, or LOCK_UN. Reported before the calls, so the
  // waiter they wake never reports its acquire first. Holding nothing, it
  // makes its own call all the same, as C would (and frees nothing).
  const uint8_t held = o.lock_styles;
  const uint8_t styles = held != 0 ? held : style_bit(op.style);
  if (held != 0) {
    const uint8_t named = held & kFcntlLock ? kFcntlLock : held & kOfdLock ? kOfdLock : kFlockLock;
    emit_value(w, EventKind::release, op.obj, 0, lock_words(op, named, F_UNLCK));
  }
  o.lock_styles = 0;
  for (uint8_t style : {kFcntlLock, kFlockLock, kOfdLock}) {
    if (!(styles & style)) continue;
    const int err = lock_call(o.lock_fd, op, style, F_UNLCK, false);
    if (err)
      emit_error(w, op.obj, err, "the unlock failed");
    else if (held == 0)
      emit_return(w, op.obj, style_syscall(style), 0, 0);
  }
}

}  // namespace

void do_file_lock(WorkerContext& w, const Op& op) {
  WorkerObject& o = w.objects[static_cast<size_t>(op.obj)];
  if (o.lock_fd < 0) return emit_error(w, op.obj, EBADF, "the file is not open");
  if (op.kind == OpKind::file_unlock) return file_unlock(w, op, o);
  const uint8_t style = style_bit(op.style);
  const short type = op.text == "shared" ? F_RDLCK : F_WRLCK;
  int err = lock_call(o.lock_fd, op, style, type, false);
  // Someone else's lock is in the way: F_SETLK says EACCES or EAGAIN,
  // flock EWOULDBLOCK. Then wait in the blocking form of the same call.
  if (err == EAGAIN || err == EACCES || err == EWOULDBLOCK) {
    enter_block(w, op.obj, style_syscall(style), false);
    err = lock_call(o.lock_fd, op, style, type, true);
    leave_block(w, op.obj, err);
  }
  if (err == EDEADLK) {
    // The kernel looked at who waits for whom (POSIX record locks belong
    // to processes) and found that this wait would close a cycle: it
    // refuses instead of letting both processes wait forever.
    emit_return(w, op.obj, style_syscall(style), -1, err);
    return emit_error(w, op.obj, err,
                      "the kernel refused: waiting would close a lock cycle (deadlock)");
  }
  if (err) {
    emit_return(w, op.obj, style_syscall(style), -1, err);
    return emit_error(w, op.obj, err, "the file lock failed");
  }
  o.lock_styles |= style;
  emit_value(w, EventKind::acquire, op.obj, type == F_RDLCK ? 0 : 1, lock_words(op, style, type));
}

}  // namespace ipclab
