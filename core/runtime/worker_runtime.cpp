#include "runtime/worker_runtime.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "mechanisms/shm_ring.hpp"
#include "mechanisms/socket_setup.hpp"
#include "runtime/private_memory.hpp"
#include "runtime/session_dir.hpp"
#include "runtime/worker_context.hpp"
#include "runtime/worker_emit.hpp"
#include "runtime/worker_sync.hpp"
#include "scenario/loader.hpp"

namespace ipclab {

namespace {

struct Args {
  std::string role, session, tag, ctl;
  int index = -1;
  pid_t parent = 0;
};

bool parse_args(int argc, char** argv, Args* a) {
  if (argc < 2) return false;
  a->role = argv[1];
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string key = argv[i];
    const char* v = argv[i + 1];
    if (key == "--session")
      a->session = v;
    else if (key == "--tag")
      a->tag = v;
    else if (key == "--ctl")
      a->ctl = v;
    else if (key == "--index")
      a->index = std::atoi(v);
    else if (key == "--parent")
      a->parent = static_cast<pid_t>(std::atol(v));
    else
      return false;
  }
  return !a->session.empty() && !a->tag.empty() && !a->ctl.empty() && a->index >= 0;
}

[[noreturn]] void die(const char* what) {
  std::fprintf(stderr, "ipclab-worker: %s: %s\n", what, std::strerror(errno));
  std::_Exit(125);
}

ControlBlock* map_control(const std::string& name) {
  const int fd = ::shm_open(name.c_str(), O_RDWR, 0);
  if (fd < 0) die("shm_open control block");
  ControlBlock* head = static_cast<ControlBlock*>(
      ::mmap(nullptr, sizeof(ControlBlock), PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0));
  if (head == MAP_FAILED) die("mmap control block");
  const size_t total = head->total_size;
  ::munmap(head, sizeof(ControlBlock));
  void* p = ::mmap(nullptr, total, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (p == MAP_FAILED) die("mmap control block");
  ::close(fd);
  return static_cast<ControlBlock*>(p);
}

// Opens what this worker's plan uses: only the channel ends it sends or
// receives on, so closing a pipe's last writer really gives readers EOF.
void open_objects(WorkerContext& w, const Args& a) {
  const Scenario& s = w.scenario;
  w.objects.resize(s.objects.size());
  std::vector<bool> reads(s.objects.size()), writes(s.objects.size()), uses(s.objects.size());
  std::vector<int> blocked_sigs;
  for (const Op& op : w.plan) {
    if (op.obj >= 0) uses[static_cast<size_t>(op.obj)] = true;
    if (read_obj(op) >= 0) reads[static_cast<size_t>(read_obj(op))] = true;
    if (write_obj(op) >= 0) writes[static_cast<size_t>(write_obj(op))] = true;
  }
  // A switchable channel's instances: every end the channel's users use,
  // so the channel can move under them; the channel itself has none.
  for (size_t i = 0; i < s.objects.size(); ++i)
    if (const int of = s.objects[i].instance_of; of >= 0) {
      reads[i] = reads[static_cast<size_t>(of)];
      writes[i] = writes[static_cast<size_t>(of)];
      uses[i] = uses[static_cast<size_t>(of)];
    }
  size_t biggest = 4096;
  for (size_t i = 0; i < s.objects.size(); ++i) {
    const ObjectSpec& spec = s.objects[i];
    if (is_switchable(spec)) continue;
    WorkerObject& o = w.objects[i];
    ObjectSlot& slot = w.ctl->objects[i];
    int err = 0;
    switch (spec.mechanism) {
      case ObjectKind::pipe: {
        const int r = reads[i] ? slot.fd[0] : -1;
        const int wr = writes[i] ? slot.fd[1] : -1;
        // Close the inherited ends this process never uses, as a careful C
        // program does after fork.
        if (!reads[i] && slot.fd[0] >= 0) ::close(slot.fd[0]);
        if (!writes[i] && slot.fd[1] >= 0) ::close(slot.fd[1]);
        if (r >= 0) ::fcntl(r, F_SETFD, FD_CLOEXEC);
        if (wr >= 0) ::fcntl(wr, F_SETFD, FD_CLOEXEC);
        if (reads[i] || writes[i]) o.channel = open_pipe_end(r, wr, &err);
        break;
      }
      case ObjectKind::unix_stream:
      case ObjectKind::unix_dgram:
      case ObjectKind::tcp:
      case ObjectKind::udp: {
        // Like a pipe: the connected ends the supervisor made, inherited;
        // the ones this process does not use are closed.
        const int r = reads[i] ? slot.fd[0] : -1;
        const int wr = writes[i] ? slot.fd[1] : -1;
        if (!reads[i] && slot.fd[0] >= 0) ::close(slot.fd[0]);
        if (!writes[i] && slot.fd[1] >= 0) ::close(slot.fd[1]);
        if (r >= 0) ::fcntl(r, F_SETFD, FD_CLOEXEC);
        if (wr >= 0) ::fcntl(wr, F_SETFD, FD_CLOEXEC);
        if (reads[i] || writes[i])
          o.channel = open_socket_end(r, wr, is_datagram_kind(spec.mechanism));
        break;
      }
      case ObjectKind::rpc:
        // A server keeps the listening socket; a caller connects by name.
        if (reads[i]) {
          o.listen_fd = slot.fd[0];
          ::fcntl(o.listen_fd, F_SETFD, FD_CLOEXEC);
        } else if (slot.fd[0] >= 0) {
          ::close(slot.fd[0]);
        }
        o.path = a.session + "/" + sanitized_object_name(spec.name);
        break;
      case ObjectKind::fifo:
        o.path = a.session + "/" + sanitized_object_name(spec.name);
        o.reads = reads[i];
        o.writes = writes[i];
        if ((reads[i] || writes[i]) && !opens_on_first_use(spec))
          o.channel = open_fifo_end(a.session + "/" + sanitized_object_name(spec.name), reads[i],
                                    writes[i], &err);
        break;
      case ObjectKind::posix_mq:
        if (reads[i] || writes[i])
          o.channel = open_mq_end(ipc_object_name(a.tag, spec.name), reads[i], writes[i], &err);
        break;
      case ObjectKind::sysv_mq:
        if (reads[i] || writes[i]) o.channel = open_sysv_mq_end(slot.sysv_id);
        break;
      case ObjectKind::shm_ring:
        if (reads[i] || writes[i]) {
          // Mapped for the life of the process, like any shared memory.
          const int fd = ::shm_open(ipc_object_name(a.tag, spec.name).c_str(), O_RDWR, 0);
          struct stat st {};
          if (fd < 0 || ::fstat(fd, &st) != 0) {
            err = errno;
            if (fd >= 0) ::close(fd);
            break;
          }
          void* p = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ | PROT_WRITE,
                           MAP_SHARED, fd, 0);
          ::close(fd);
          if (p == MAP_FAILED) {
            err = errno;
            break;
          }
          o.channel = open_shm_ring_end(p);
          o.ring = p;
          if (!o.channel) err = EINVAL;
        }
        break;
      case ObjectKind::semaphore:
        // posix_unnamed lives in the control block (already mapped); sysv is
        // used through the id in the block, nothing to open.
        if (uses[i] && spec.flavor == "posix_unnamed") {
          o.sem = &slot.unnamed_sem;
        } else if (uses[i] && spec.flavor != "sysv") {
          o.sem = ::sem_open(ipc_object_name(a.tag, spec.name).c_str(), 0);
          if (o.sem == SEM_FAILED) {
            o.sem = nullptr;
            err = errno;
          }
        }
        break;
      case ObjectKind::file_lock:
        // Each process opens the file itself, as separate C programs would.
        if (uses[i]) {
          o.path = a.session + "/" + sanitized_object_name(spec.name);
          o.lock_fd = ::open(o.path.c_str(), O_RDWR | O_CLOEXEC);
          if (o.lock_fd < 0) err = errno;
        }
        break;
      case ObjectKind::shared_memory:
        if (uses[i] && !spec.is_private) {
          const int fd = ::shm_open(ipc_object_name(a.tag, spec.name).c_str(), O_RDWR, 0);
          if (fd < 0) {
            err = errno;
            break;
          }
          o.cells_bytes = sizeof(int64_t) * static_cast<size_t>(spec.cells);
          void* p = ::mmap(nullptr, o.cells_bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
          if (p == MAP_FAILED)
            err = errno;
          else
            o.cells = static_cast<int64_t*>(p);
          ::close(fd);
        }
        break;
      default:
        break;
    }
    if (err) {
      EventRecord r = w.record(EventKind::error, static_cast<int>(i));
      r.peer = err;
      r.flags |= EventRecord::kHasErrno;
      WorkerContext::set_data(r, "could not open the object");
      w.emit(r);
    }
    if (o.channel && o.channel->max_message() > biggest) biggest = o.channel->max_message();
    if (opens_on_first_use(spec) && (reads[i] || writes[i]))
      biggest = std::max<size_t>(biggest, 65536);
  }
  w.buf.resize(biggest);
}

// This process's own copy of every private object, its address published
// for the supervisor (private_memory.hpp).
void map_private_memory(WorkerContext& w) {
  int64_t* base = map_private_region(w.scenario);
  if (!base) {
    if (errno) emit_error(w, -1, errno, "could not map its private memory");
    return;
  }
  for (size_t i = 0; i < w.scenario.objects.size(); ++i) {
    const int64_t at = private_offset(w.scenario, static_cast<int>(i));
    if (at < 0) continue;
    w.objects[i].cells = base + at;
    w.objects[i].cells_bytes = sizeof(int64_t) * static_cast<size_t>(w.scenario.objects[i].cells);
  }
  w.slot->private_base.store(reinterpret_cast<uint64_t>(base));
}

// Signals a sigwait waits for must stay pending until then: block them now.
void block_awaited_signals(const WorkerContext& w) {
  sigset_t set;
  sigemptyset(&set);
  bool any = false;
  for (const Op& op : w.plan)
    if (op.kind == OpKind::sigwait)
      for (int sig : op.sigs) {
        sigaddset(&set, sig);
        any = true;
      }
  if (any) ::sigprocmask(SIG_BLOCK, &set, nullptr);
}

}  // namespace

int worker_main(int argc, char** argv) {
  Args a;
  if (!parse_args(argc, argv, &a)) {
    std::fprintf(stderr,
                 "ipclab-worker: this program is started by ipclab and ipclab-cli, not by hand\n");
    return 2;
  }
  // The spawner set PDEATHSIG before exec; if our parent already died, stop.
  if (a.parent > 0 && ::getppid() != a.parent) return 126;
  ::prctl(PR_SET_NAME, a.role.c_str());

  WorkerContext w;
  LoadResult loaded = load_scenario_file(a.session + "/scenario.yaml");
  if (!loaded.ok()) {
    for (const Diagnostic& d : loaded.errors) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    return 2;
  }
  w.scenario = std::move(*loaded.scenario);
  w.workers = enumerate_workers(w.scenario);
  if (a.index >= static_cast<int>(w.workers.size())) return 2;
  w.index = a.index;
  w.ctl = map_control(a.ctl);
  // The mechanism each object really runs on (the file has the scenario's
  // first choice; the session may have switched it before the start).
  for (size_t i = 0; i < w.scenario.objects.size() && i < static_cast<size_t>(kMaxObjects); ++i)
    w.scenario.objects[i].mechanism = static_cast<ObjectKind>(w.ctl->objects[i].mechanism.load());
  w.plan = make_plan(w.scenario, w.workers, a.index);
  // The instances of switchable channels, at the indices the session gave them.
  add_channel_instances(w.scenario);
  if (w.scenario.objects.size() != w.ctl->nobjects) {
    std::fprintf(stderr, "ipclab-worker: the session has %u objects, the scenario %zu\n",
                 w.ctl->nobjects, w.scenario.objects.size());
    return 2;
  }
  w.slot = &w.ctl->workers[a.index];
  w.ring = w.ctl->ring(a.index);
  if (w.ctl->tracing) {
    // Map this worker's ring in one call, not one page fault at a time as
    // the first lap writes it. Only an optimisation (EINVAL on old kernels).
    const auto page = static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto from = reinterpret_cast<uintptr_t>(w.ring) & ~(page - 1);
    const auto to =
        reinterpret_cast<uintptr_t>(w.ring) + EventRing::bytes_for(w.ctl->ring_capacity);
    ::madvise(reinterpret_cast<void*>(from), to - from, MADV_POPULATE_WRITE);
  }
  w.slot->pid.store(::getpid());

  block_awaited_signals(w);
  install_switch_kick(w);
  open_objects(w, a);
  map_private_memory(w);

  int exit_code = 0;
  // An op that ends `again` (a spin whose flag is still set) is this
  // process's next step too: the index stays.
  for (size_t i = 0; i < w.plan.size();) {
    w.op = static_cast<int32_t>(i);
    w.slot->op.store(w.op);
    w.set_state(WorkerState::at_gate);
    wake_consumer(*w.ctl);
    if (!gate_pass(*w.ctl, *w.slot)) {
      w.set_state(WorkerState::exited);
      return 0;
    }
    w.set_state(WorkerState::running);
    // The step rides on the op's first record when that record is written
    // at once (no system call, no waiting before it); else it goes alone.
    w.pending = 0;
    if (step_folds(w.plan[i].kind))
      w.pending = EventRecord::kStep;
    else
      w.emit(w.record(EventKind::step, w.plan[i].obj));
    const OpEnd end = run_op(w, w.plan[i], &exit_code);
    if (w.pending & EventRecord::kStep) {  // the op wrote nothing after all
      w.pending = 0;
      w.emit(w.record(EventKind::step, w.plan[i].obj));
    }
    w.slot->steps_done.fetch_add(1);
    if (g_any_caught.load()) deliver_caught_signals(w);
    if (end == OpEnd::exit) break;
    if (end == OpEnd::next) ++i;
  }
  note_mutexes_held_at_exit(w);
  w.op = static_cast<int32_t>(w.plan.size());
  w.slot->op.store(w.op);
  w.set_state(WorkerState::exited);
  wake_consumer(*w.ctl);
  return exit_code;
}

}  // namespace ipclab
