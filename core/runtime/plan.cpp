#include "runtime/plan.hpp"

#include <signal.h>
#include <string.h>

#include <array>

#include "mechanisms/socket_setup.hpp"
#include "scenario/text_template.hpp"

namespace ipclab {

namespace {

struct Context {
  const Scenario& s;
  const std::vector<WorkerIdentity>& workers;
  const WorkerIdentity& me;
  std::vector<Op>& out;
};

std::string fill_template(const std::string& text, const WorkerIdentity& me, int64_t i) {
  return expand_text(text, i, me.name, me.instance);
}

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

std::string sig_name(int sig) {
  return signal_display_name(sig);
}

ObjectKind mechanism_of(const Scenario& s, int obj) {
  return obj >= 0 ? s.objects[static_cast<size_t>(obj)].mechanism : ObjectKind::pipe;
}

bool is_rwlock(const Scenario& s, int obj) {
  return obj >= 0 && mechanism_of(s, obj) == ObjectKind::rwlock;
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
      break;
    case OpKind::shm_write:
      op.label = "write " + std::to_string(op.value) + " to " + cell;
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
    case OpKind::unsupported:
      op.label = std::string(to_string(op.action)) + " (not available yet)";
      break;
  }
}

void push(Context& c, Op op) {
  describe(c.s, op);
  c.out.push_back(std::move(op));
}

void expand(Context& c, const std::vector<Action>& steps, int64_t i);

void expand_one(Context& c, const Action& a, int64_t i) {
  Op op;
  op.action = a.kind;
  op.pos = a.pos;
  // An object name may depend on the copy ("fork{k%5+1}").
  auto object = [&c, i](const std::string& name) {
    if (name.empty()) return -1;
    if (name.find('{') == std::string::npos) return c.s.object_index(name);
    return c.s.object_index(fill_template(name, c.me, i));
  };
  op.obj = object(a.object);
  op.value = a.value;
  op.has_value = a.has_value;
  op.priority = a.priority;
  op.type = a.type;
  op.max = a.max;
  op.timeout_ms = a.timeout_ms;
  op.cell = a.cell;
  op.sig = a.sig;
  op.restart = a.restart;
  op.sigs = a.sigs;
  switch (a.kind) {
    case ActionKind::send:
      op.kind = OpKind::send;
      op.text = fill_template(a.text, c.me, i);
      break;
    case ActionKind::recv:
      op.kind = OpKind::recv;
      // A System V receive without max takes up to msgmax (the worker knows it).
      // So does a datagram receive (up to the largest datagram).
      if (op.max <= 0 && (!keeps_message_boundaries(mechanism_of(c.s, op.obj)) ||
                          mechanism_of(c.s, op.obj) == ObjectKind::posix_mq))
        op.max = 64;
      break;
    case ActionKind::wait:
      op.kind = OpKind::sem_wait;
      break;
    case ActionKind::post:
      op.kind = OpKind::sem_post;
      break;
    case ActionKind::trywait:
      op.kind = OpKind::sem_trywait;
      break;
    case ActionKind::lock:
      op.kind = is_rwlock(c.s, op.obj) ? OpKind::rw_wrlock : OpKind::mutex_lock;
      break;
    case ActionKind::unlock:
      op.kind = is_rwlock(c.s, op.obj) ? OpKind::rw_unlock : OpKind::mutex_unlock;
      break;
    case ActionKind::trylock:
      op.kind = OpKind::mutex_trylock;
      break;
    case ActionKind::consistent:
      op.kind = OpKind::mutex_consistent;
      break;
    case ActionKind::rdlock:
      op.kind = OpKind::rw_rdlock;
      break;
    case ActionKind::wrlock:
      op.kind = OpKind::rw_wrlock;
      break;
    case ActionKind::cond_wait:
      op.kind = OpKind::cond_wait;
      op.in_obj = object(a.mutex);  // the mutex it releases while waiting
      break;
    case ActionKind::cond_signal:
      op.kind = OpKind::cond_signal;
      break;
    case ActionKind::cond_broadcast:
      op.kind = OpKind::cond_broadcast;
      break;
    case ActionKind::flock:
      op.kind = OpKind::file_lock;
      op.text = a.mode;  // shared | exclusive
      op.style = a.style;
      op.start = a.start;
      op.len = a.len;
      break;
    case ActionKind::funlock:
      op.kind = OpKind::file_unlock;
      break;
    case ActionKind::set:
      op.kind = OpKind::event_set;
      break;
    case ActionKind::reset:
      op.kind = OpKind::event_reset;
      break;
    case ActionKind::wait_event:
      op.kind = OpKind::event_wait;
      break;
    case ActionKind::barrier:
      op.kind = OpKind::barrier_wait;
      break;
    case ActionKind::read:
      op.kind = OpKind::shm_read;
      break;
    case ActionKind::write:
      op.kind = OpKind::shm_write;
      break;
    case ActionKind::add:
      if (!a.expand) {
        op.kind = OpKind::shm_add;
        break;
      }
      for (OpKind k : {OpKind::shm_load, OpKind::shm_compute, OpKind::shm_store}) {
        Op part = op;
        part.kind = k;
        push(c, std::move(part));
      }
      return;
    case ActionKind::signal:
      op.kind = OpKind::signal;
      op.targets = resolve_process_ref(c.workers, c.s, a.target);
      op.text = a.target;
      break;
    case ActionKind::sigwait:
      op.kind = OpKind::sigwait;
      break;
    case ActionKind::on_signal:
      op.kind = OpKind::on_signal;
      break;
    case ActionKind::sleep:
      op.kind = OpKind::sleep;
      break;
    case ActionKind::compute:
      op.kind = OpKind::compute;
      break;
    case ActionKind::print:
      op.kind = OpKind::print;
      op.text = fill_template(a.text, c.me, i);
      break;
    case ActionKind::exit:
      op.kind = OpKind::exit;
      break;
    case ActionKind::call: {
      // The request a client sends: the procedure and its arguments, one line.
      op.kind = OpKind::rpc_call;
      op.text = a.proc;
      for (const std::string& arg : a.args) op.text += " " + fill_template(arg, c.me, i);
      break;
    }
    case ActionKind::serve:
      // One op per call served, so each one is a step of its own.
      op.kind = OpKind::rpc_serve;
      for (int64_t k = 1; k < a.times; ++k) push(c, Op(op));
      break;
    case ActionKind::exec:
      op.kind = OpKind::exec;
      for (const std::string& word : a.argv) op.argv.push_back(fill_template(word, c.me, i));
      op.in_obj = a.stdin_obj.empty() ? -1 : c.s.object_index(a.stdin_obj);
      op.out_obj = a.stdout_obj.empty() ? -1 : c.s.object_index(a.stdout_obj);
      op.obj = op.out_obj >= 0 ? op.out_obj : op.in_obj;
      break;
    case ActionKind::repeat:
      for (int64_t n = 1; n <= a.times; ++n) expand(c, a.body, n);
      return;
    case ActionKind::critical: {
      // Enter and leave with whatever guards it: a mutex, a semaphore (P and
      // V), a read-write lock (as writer), a file lock (exclusive, whole file).
      Op lock = op;
      lock.action = ActionKind::lock;
      op.action = ActionKind::unlock;
      switch (mechanism_of(c.s, op.obj)) {
        case ObjectKind::semaphore:
          lock.kind = OpKind::sem_wait;
          op.kind = OpKind::sem_post;
          break;
        case ObjectKind::rwlock:
          lock.kind = OpKind::rw_wrlock;
          op.kind = OpKind::rw_unlock;
          break;
        case ObjectKind::file_lock:
          lock.kind = OpKind::file_lock;
          lock.text = "exclusive";
          lock.style = "fcntl";
          op.kind = OpKind::file_unlock;
          op.style = "fcntl";
          break;
        default:
          lock.kind = OpKind::mutex_lock;
          op.kind = OpKind::mutex_unlock;
          break;
      }
      push(c, std::move(lock));
      expand(c, a.body, i);
      break;
    }
    default:
      op.kind = OpKind::unsupported;
      break;
  }
  push(c, std::move(op));
}

void expand(Context& c, const std::vector<Action>& steps, int64_t i) {
  for (const Action& a : steps) expand_one(c, a, i);
}

}  // namespace

std::vector<WorkerIdentity> enumerate_workers(const Scenario& s) {
  std::vector<WorkerIdentity> out;
  for (size_t p = 0; p < s.processes.size(); ++p) {
    const ProcessSpec& spec = s.processes[p];
    for (int k = 1; k <= spec.count; ++k) {
      WorkerIdentity w;
      w.index = static_cast<int>(out.size());
      w.process = static_cast<int>(p);
      w.instance = k;
      w.name = spec.count > 1 ? spec.name + "#" + std::to_string(k) : spec.name;
      out.push_back(std::move(w));
    }
  }
  return out;
}

std::vector<int> resolve_process_ref(const std::vector<WorkerIdentity>& workers, const Scenario& s,
                                     const std::string& ref) {
  std::vector<int> out;
  for (const WorkerIdentity& w : workers) {
    if (w.name == ref || s.processes[static_cast<size_t>(w.process)].name == ref)
      out.push_back(w.index);
  }
  return out;
}

std::vector<Op> make_plan(const Scenario& s, const std::vector<WorkerIdentity>& workers,
                          int worker_index) {
  std::vector<Op> out;
  const WorkerIdentity& me = workers.at(static_cast<size_t>(worker_index));
  Context c{s, workers, me, out};
  expand(c, s.processes[static_cast<size_t>(me.process)].steps, 0);
  // `funlock: F` undoes this process's locks on F in the style it locked
  // with last (fcntl when it never locked): its C call says which.
  std::vector<std::string> lock_style(s.objects.size(), "fcntl");
  for (Op& op : out) {
    if (op.obj < 0) continue;
    std::string& style = lock_style[static_cast<size_t>(op.obj)];
    if (op.kind == OpKind::file_lock) style = op.style;
    if (op.kind == OpKind::file_unlock && op.style.empty()) {
      op.style = style;
      describe(s, op);
    }
  }
  // A FIFO is opened by the first action that uses it, and open() waits for
  // the other end: that action's C call begins with the open.
  for (size_t o = 0; o < s.objects.size(); ++o) {
    if (!opens_on_first_use(s.objects[o])) continue;
    const int obj = static_cast<int>(o);
    bool reads = false, writes = false;
    for (const Op& op : out) {
      reads = reads || read_obj(op) == obj;
      writes = writes || write_obj(op) == obj;
    }
    const std::string& name = s.objects[o].name;
    for (Op& op : out) {
      if (read_obj(op) != obj && write_obj(op) != obj) continue;
      std::string opens;
      if (reads) opens += name + "_rfd = open(\"" + name + "\", O_RDONLY); ";
      if (writes) opens += name + "_wfd = open(\"" + name + "\", O_WRONLY); ";
      op.c_call = opens + op.c_call;
      break;
    }
  }
  return out;
}

std::string_view to_string(OpKind k) {
  static constexpr std::array<std::string_view, 39> names = {
      "send",           "recv",         "sem_wait",      "sem_post",  "sem_trywait",
      "mutex_lock",     "mutex_unlock", "mutex_trylock", "shm_read",  "shm_write",
      "shm_add",        "shm_load",     "shm_compute",   "shm_store", "signal",
      "sigwait",        "on_signal",    "sleep",         "compute",   "print",
      "exit",           "exec",         "rpc_call",      "rpc_serve", "mutex_consistent",
      "rw_rdlock",      "rw_wrlock",    "rw_unlock",     "cond_wait", "cond_signal",
      "cond_broadcast", "file_lock",    "file_unlock",   "event_set", "event_reset",
      "event_wait",     "barrier_wait", "unsupported",   ""};
  static_assert(static_cast<size_t>(OpKind::unsupported) == 37);
  return names[static_cast<size_t>(k)];
}

int read_obj(const Op& op) {
  if (op.kind == OpKind::recv || op.kind == OpKind::rpc_serve) return op.obj;
  if (op.kind == OpKind::exec) return op.in_obj;
  return -1;
}

int write_obj(const Op& op) {
  if (op.kind == OpKind::send) return op.obj;
  if (op.kind == OpKind::exec) return op.out_obj;
  return -1;
}

bool may_block(OpKind k) {
  switch (k) {
    case OpKind::exec:
    case OpKind::rpc_call:
    case OpKind::rpc_serve:
    case OpKind::send:
    case OpKind::recv:
    case OpKind::sem_wait:
    case OpKind::mutex_lock:
    case OpKind::sigwait:
    case OpKind::rw_rdlock:
    case OpKind::rw_wrlock:
    case OpKind::cond_wait:
    case OpKind::file_lock:
    case OpKind::event_wait:
    case OpKind::barrier_wait:
      return true;
    default:
      return false;
  }
}

}  // namespace ipclab
