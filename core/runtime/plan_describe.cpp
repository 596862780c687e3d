#include "runtime/plan_describe.hpp"

#include <signal.h>
#include <string.h>

#include "mechanisms/socket_setup.hpp"

namespace ipclab {

namespace {

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

std::string sig_name(int sig) {
  return signal_display_name(sig);
}

bool ring_semaphores(const Scenario& s, int obj) {
  return obj < 0 || s.objects[static_cast<size_t>(obj)].semaphores;
}

// A semaphore op in the words of its flavor: sem_wait(name) on a named
// POSIX semaphore, sem_wait(&name) on an unnamed one (it is a sem_t in
// shared memory), semop on a System V set of one.
void describe_sem(const Scenario& s, Op& op, const std::string& obj) {
  const ObjectSpec& spec = s.objects[static_cast<size_t>(op.obj)];
  const bool timed = op.timeout_ms >= 0;
  const std::string timeout = std::to_string(op.timeout_ms);
  if (op.kind == OpKind::sem_wait) op.label = "wait on " + obj;
  if (op.kind == OpKind::sem_post) op.label = "post " + obj;
  if (op.kind == OpKind::sem_trywait) op.label = "try to wait on " + obj;
  if (spec.flavor == "sysv") {
    const std::string undo = spec.undo ? "SEM_UNDO" : "0";
    const std::string id = obj + "_id";
    if (op.kind == OpKind::sem_post)
      op.c_call = "semop(" + id + ", &{0, +1, " + undo + "}, 1)";
    else if (op.kind == OpKind::sem_trywait)
      op.c_call =
          "semop(" + id + ", &{0, -1, " + (spec.undo ? "SEM_UNDO | " : "") + "IPC_NOWAIT}, 1)";
    else if (timed)
      op.c_call = "semtimedop(" + id + ", &{0, -1, " + undo + "}, 1, &{" + timeout + " ms})";
    else
      op.c_call = "semop(" + id + ", &{0, -1, " + undo + "}, 1)";
    return;
  }
  const std::string arg = spec.flavor == "posix_unnamed" ? "&" + obj : obj;
  if (op.kind == OpKind::sem_post)
    op.c_call = "sem_post(" + arg + ")";
  else if (op.kind == OpKind::sem_trywait)
    op.c_call = "sem_trywait(" + arg + ")";
  else if (timed)
    op.c_call = "sem_timedwait(" + arg + ", &deadline)";
  else
    op.c_call = "sem_wait(" + arg + ")";
}

}  // namespace

void describe(const Scenario& s, Op& op) {
  const std::string obj = op.obj >= 0 ? s.objects[static_cast<size_t>(op.obj)].name : "";
  const std::string n = std::to_string(op.text.size());
  const std::string cell = obj + "[" + std::to_string(op.cell) + "]";
  switch (op.kind) {
    case OpKind::send:
      op.label = "send " + quoted(op.text) + " to " + obj;
      if (mechanism_of(s, op.obj) == ObjectKind::posix_mq)
        op.c_call = "mq_send(" + obj + ", " + quoted(op.text) + ", " + n + ", " +
                    std::to_string(op.priority) + ")";
      else if (mechanism_of(s, op.obj) == ObjectKind::sysv_mq)
        op.c_call = "msgsnd(" + obj + "_id, &{mtype=" + std::to_string(op.type) + ", " +
                    quoted(op.text) + "}, " + n + ", 0)";
      else if (is_socket_kind(mechanism_of(s, op.obj)))
        op.c_call = "send(" + obj + "_sock, " + quoted(op.text) + ", " + n + ", 0)";
      else if (mechanism_of(s, op.obj) == ObjectKind::shm_ring && !ring_semaphores(s, op.obj))
        op.c_call = "lock; copy " + quoted(op.text) + " into slot head++; unlock";
      else if (mechanism_of(s, op.obj) == ObjectKind::shm_ring)
        op.c_call = "sem_wait(&" + obj + "->empty); lock; copy " + quoted(op.text) +
                    " into slot head++; unlock; sem_post(&" + obj + "->full)";
      else if (mechanism_of(s, op.obj) == ObjectKind::fifo)
        op.c_call = "write(" + obj + "_wfd, " + quoted(op.text) + ", " + n + ")";
      else
        op.c_call = "write(" + obj + "_fd[1], " + quoted(op.text) + ", " + n + ")";
      break;
    case OpKind::recv:
      op.label = "receive from " + obj;
      if (mechanism_of(s, op.obj) == ObjectKind::posix_mq)
        op.c_call = "mq_receive(" + obj + ", buf, msgsize, &prio)";
      else if (mechanism_of(s, op.obj) == ObjectKind::shm_ring && !ring_semaphores(s, op.obj))
        op.c_call = "lock; copy slot tail++ out; unlock";
      else if (mechanism_of(s, op.obj) == ObjectKind::shm_ring)
        op.c_call = "sem_wait(&" + obj + "->full); lock; copy slot tail++ out; unlock; sem_post(&" +
                    obj + "->empty)";
      else if (is_socket_kind(mechanism_of(s, op.obj)))
        op.c_call = "recv(" + obj + "_sock, buf, " +
                    (op.max > 0 ? std::to_string(op.max) : std::string("sizeof buf")) + ", 0)";
      else if (mechanism_of(s, op.obj) == ObjectKind::sysv_mq)
        op.c_call = "msgrcv(" + obj + "_id, &msg, " +
                    (op.max > 0 ? std::to_string(op.max) : std::string("MSGMAX")) + ", " +
                    std::to_string(op.type) + ", 0)";
      else if (mechanism_of(s, op.obj) == ObjectKind::fifo)
        op.c_call = "read(" + obj + "_rfd, buf, " + std::to_string(op.max) + ")";
      else
        op.c_call = "read(" + obj + "_fd[0], buf, " + std::to_string(op.max) + ")";
      break;
    case OpKind::sem_wait:
    case OpKind::sem_post:
    case OpKind::sem_trywait:
      describe_sem(s, op, obj);
      break;
    case OpKind::mutex_lock:
      op.label = "lock " + obj;
      op.c_call = "pthread_mutex_lock(&" + obj + ")";
      break;
    case OpKind::mutex_unlock:
      op.label = "unlock " + obj;
      op.c_call = "pthread_mutex_unlock(&" + obj + ")";
      break;
    case OpKind::mutex_trylock:
      op.label = "try to lock " + obj;
      op.c_call = "pthread_mutex_trylock(&" + obj + ")";
      break;
    case OpKind::shm_read:
      op.label = "read " + cell;
      op.c_call = "x = " + cell;
      // A flag lock's test: the same op again and again while the flag is set.
      if (op.repeat_while == RepeatWhile::cell_nonzero) {
        op.label = "spin while " + cell + " is not 0";
        op.c_call = "while (" + cell + " != 0) /* spin */";
      }
      break;
    case OpKind::shm_write:
      op.label = "write " + std::to_string(op.value) + " to " + cell;
      if (op.flag_role == FlagRole::enter) op.label = "set " + cell + " to 1: taken";
      if (op.flag_role == FlagRole::leave) op.label = "set " + cell + " to 0: free";
      op.c_call = cell + " = " + std::to_string(op.value);
      break;
    case OpKind::shm_add:
      op.label = "add " + std::to_string(op.value) + " to " + cell;
      op.c_call = cell + " += " + std::to_string(op.value);
      break;
    case OpKind::shm_load:
      op.label = "load " + cell;
      op.c_call = "reg = " + cell;
      break;
    case OpKind::shm_compute:
      op.label = "compute reg + " + std::to_string(op.value);
      op.c_call = "reg = reg + " + std::to_string(op.value);
      break;
    case OpKind::shm_store:
      op.label = "store reg to " + cell;
      op.c_call = cell + " = reg";
      break;
    case OpKind::signal:
      op.label = "send " + sig_name(op.sig) + " to " + op.text;
      op.c_call = op.has_value ? "sigqueue(pid, " + sig_name(op.sig) + ", (union sigval){" +
                                     std::to_string(op.value) + "})"
                               : "kill(pid, " + sig_name(op.sig) + ")";
      break;
    case OpKind::sigwait: {
      std::string set;
      for (int sig : op.sigs) set += (set.empty() ? "" : ", ") + sig_name(sig);
      op.label = "wait for " + set;
      op.c_call = "sigwaitinfo(&{" + set + "}, &info)";
      break;
    }
    case OpKind::on_signal:
      op.label = "install a handler for " + sig_name(op.sig);
      op.c_call = "sigaction(" + sig_name(op.sig) + ", &handler, NULL)";
      break;
    case OpKind::sleep:
      op.label = "sleep " + std::to_string(op.value) + " ms";
      op.c_call = "nanosleep(" + std::to_string(op.value) + " ms)";
      break;
    case OpKind::compute:
      op.label = "compute for " + std::to_string(op.value) + " ms";
      op.c_call = "/* busy loop, " + std::to_string(op.value) + " ms */";
      break;
    case OpKind::print:
      op.label = "print " + quoted(op.text);
      op.c_call = "printf(\"%s\\n\", " + quoted(op.text) + ")";
      break;
    case OpKind::exit:
      op.label = "exit with code " + std::to_string(op.value);
      op.c_call = "exit(" + std::to_string(op.value) + ")";
      break;
    case OpKind::rpc_call:
      op.label = "call " + obj + ": " + op.text;
      op.c_call = "fd = socket(AF_UNIX, SOCK_STREAM, 0); connect(fd, \"" + obj + "\"); write(fd, " +
                  quoted(op.text) + "); shutdown(fd, SHUT_WR); read(fd, reply, size); close(fd)";
      break;
    case OpKind::rpc_serve:
      op.label = "serve one call on " + obj;
      op.c_call = "fd = accept(" + obj +
                  "_listen); read(fd, request, size); reply = do(request); write(fd, reply); "
                  "close(fd)";
      break;
    case OpKind::exec: {
      std::string words;
      for (const std::string& w : op.argv) words += (words.empty() ? "" : " ") + w;
      op.label = "run " + words;
      auto name = [&s](int i) { return s.objects[static_cast<size_t>(i)].name; };
      if (op.in_obj >= 0) op.label += " < " + name(op.in_obj);
      if (op.out_obj >= 0) op.label += " > " + name(op.out_obj);
      std::string args;
      for (const std::string& w : op.argv) args += quoted(w) + ", ";
      op.c_call = "pid = fork(); child: ";
      if (op.in_obj >= 0) op.c_call += "dup2(" + name(op.in_obj) + "_fd[0], 0); ";
      if (op.out_obj >= 0) op.c_call += "dup2(" + name(op.out_obj) + "_fd[1], 1); ";
      op.c_call += "execvp(" + quoted(op.argv.empty() ? "" : op.argv[0]) + ", (char*[]){" + args +
                   "NULL}); parent: waitpid(pid, &status, 0)";
      break;
    }
    case OpKind::mutex_consistent:
      op.label = "make " + obj + " consistent";
      op.c_call = "pthread_mutex_consistent(&" + obj + ")";
      break;
    case OpKind::rw_rdlock:
      op.label = "lock " + obj + " for reading";
      op.c_call = "pthread_rwlock_rdlock(&" + obj + ")";
      break;
    case OpKind::rw_wrlock:
      op.label = "lock " + obj + " for writing";
      op.c_call = "pthread_rwlock_wrlock(&" + obj + ")";
      break;
    case OpKind::rw_unlock:
      op.label = "unlock " + obj;
      op.c_call = "pthread_rwlock_unlock(&" + obj + ")";
      break;
    case OpKind::cond_wait: {
      const std::string m = op.in_obj >= 0 ? s.objects[static_cast<size_t>(op.in_obj)].name : "";
      op.label = "wait on " + obj + " (releasing " + m + ")";
      op.c_call = "pthread_cond_wait(&" + obj + ", &" + m + ")";
      break;
    }
    case OpKind::cond_signal:
      op.label = "signal " + obj;
      op.c_call = "pthread_cond_signal(&" + obj + ")";
      break;
    case OpKind::cond_broadcast:
      op.label = "broadcast " + obj;
      op.c_call = "pthread_cond_broadcast(&" + obj + ")";
      break;
    case OpKind::file_lock: {
      // The range as a student counts bytes: 0-9 is the first ten.
      const std::string what = op.start == 0 && op.len == 0 ? obj
                               : op.len == 0
                                   ? "bytes " + std::to_string(op.start) + " to the end of " + obj
                                   : "bytes " + std::to_string(op.start) + "-" +
                                         std::to_string(op.start + op.len - 1) + " of " + obj;
      op.label = "lock " + what + " (" + op.text + ")";
      const std::string type = op.text == "shared" ? "F_RDLCK" : "F_WRLCK";
      const std::string range = std::to_string(op.start) + ", " + std::to_string(op.len);
      if (op.style == "flock")
        op.c_call = "flock(" + obj + "_fd, " + (op.text == "shared" ? "LOCK_SH" : "LOCK_EX") + ")";
      else
        op.c_call = "fcntl(" + obj + "_fd, " + (op.style == "ofd" ? "F_OFD_SETLKW" : "F_SETLKW") +
                    ", &{" + type + ", " + range + "})";
      break;
    }
    case OpKind::file_unlock:
      op.label = "unlock " + obj;
      if (op.style == "flock")
        op.c_call = "flock(" + obj + "_fd, LOCK_UN)";
      else
        op.c_call = "fcntl(" + obj + "_fd, " + (op.style == "ofd" ? "F_OFD_SETLK" : "F_SETLK") +
                    ", &{F_UNLCK, 0, 0})";
      break;
    case OpKind::event_set:
      op.label = "set " + obj;
      op.c_call = obj + " = 1; futex_wake(&" + obj + ")";
      break;
    case OpKind::event_reset:
      op.label = "reset " + obj;
      op.c_call = obj + " = 0";
      break;
    case OpKind::event_wait:
      op.label = "wait for " + obj;
      op.c_call = "while (!" + obj + ") futex_wait(&" + obj + ", 0)";
      break;
    case OpKind::barrier_wait:
      op.label = "wait at " + obj;
      op.c_call = "pthread_barrier_wait(&" + obj + ")";
      break;
    case OpKind::measure:
      describe_measure(s, op);
      break;
    case OpKind::unsupported:
      op.label = std::string(to_string(op.action)) + " (not available yet)";
      break;
  }
}

}  // namespace ipclab
