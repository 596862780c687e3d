#include "runtime/plan.hpp"

#include <signal.h>
#include <string.h>

#include <array>

#include "mechanisms/socket_setup.hpp"
#include "runtime/plan_describe.hpp"
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

bool is_rwlock(const Scenario& s, int obj) {
  return obj >= 0 && mechanism_of(s, obj) == ObjectKind::rwlock;
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
    case ActionKind::measure:
      op.kind = OpKind::measure;
      op.value = a.times;  // the rounds
      break;
    case ActionKind::repeat:
      for (int64_t n = 1; n <= a.times; ++n) expand(c, a.body, n);
      return;
    case ActionKind::critical: {
      // Enter and leave with whatever guards it: a mutex, a semaphore (P and
      // V), a read-write lock (as writer), a file lock (exclusive, whole
      // file), a flag in shared memory (spin while set, set, ..., clear).
      Op lock = op;
      lock.action = ActionKind::lock;
      op.action = ActionKind::unlock;
      switch (mechanism_of(c.s, op.obj)) {
        case ObjectKind::shared_memory: {
          // The test and the set are two steps: another process may test
          // between them, see 0 too, and enter as well.
          Op test = lock;
          test.kind = OpKind::shm_read;
          test.repeat_while = RepeatWhile::cell_nonzero;
          push(c, std::move(test));
          lock.kind = OpKind::shm_write;
          lock.value = 1;
          lock.flag_role = FlagRole::enter;
          op.kind = OpKind::shm_write;
          op.value = 0;
          op.flag_role = FlagRole::leave;
          break;
        }
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
  static constexpr std::array<std::string_view, 40> names = {
      "send",           "recv",         "sem_wait",      "sem_post",    "sem_trywait",
      "mutex_lock",     "mutex_unlock", "mutex_trylock", "shm_read",    "shm_write",
      "shm_add",        "shm_load",     "shm_compute",   "shm_store",   "signal",
      "sigwait",        "on_signal",    "sleep",         "compute",     "print",
      "exit",           "exec",         "rpc_call",      "rpc_serve",   "mutex_consistent",
      "rw_rdlock",      "rw_wrlock",    "rw_unlock",     "cond_wait",   "cond_signal",
      "cond_broadcast", "file_lock",    "file_unlock",   "event_set",   "event_reset",
      "event_wait",     "barrier_wait", "measure",       "unsupported", ""};
  static_assert(static_cast<size_t>(OpKind::unsupported) == 38);
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
