#include "runtime/session.hpp"

#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <new>

#include "runtime/session_impl.hpp"
#include "runtime/spawner.hpp"

namespace ipclab {

namespace {

std::string errno_text(int err) {
  const char* name = strerrorname_np(err);
  return std::string(name ? name : "errno") + " (" + std::to_string(err) +
         "): " + std::strerror(err);
}

bool file_is_executable(const std::string& p) {
  return !p.empty() && ::access(p.c_str(), X_OK) == 0;
}

std::string self_dir() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  buf[n] = 0;
  std::string p(buf);
  return p.substr(0, p.rfind('/'));
}

// True once the child has exited. WNOWAIT leaves it unreaped, so that
// reap_children reports its exit like any other.
bool has_exited(const Child& c) {
  if (c.reaped) return true;
  siginfo_t info{};
  return ::waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(c.pidfd), &info,
                  WEXITED | WNOHANG | WNOWAIT) == 0 &&
         info.si_pid != 0;
}

// Sends sig to every live child, then waits up to `ms` for them to exit.
void signal_and_wait(std::vector<Child>& children, int sig, int ms) {
  for (Child& c : children)
    if (!has_exited(c) && c.pidfd >= 0 && sig)
      ::syscall(SYS_pidfd_send_signal, c.pidfd, sig, nullptr, 0);
  const uint64_t deadline = monotonic_ns() + static_cast<uint64_t>(ms) * 1'000'000ull;
  for (;;) {
    std::vector<pollfd> fds;
    for (Child& c : children)
      if (!has_exited(c)) fds.push_back({c.pidfd, POLLIN, 0});
    if (fds.empty()) return;
    const uint64_t now = monotonic_ns();
    if (now >= deadline) return;
    ::poll(fds.data(), fds.size(), static_cast<int>((deadline - now) / 1'000'000 + 1));
  }
}

}  // namespace

const char* describe(StepResult r) {
  switch (r) {
    case StepResult::granted:
      return "granted";
    case StepResult::blocked:
      return "it is blocked: only another process's step can release it";
    case StepResult::finished:
      return "it has finished";
    case StepResult::not_ready:
      return "it is not at its step gate yet";
    case StepResult::unknown_process:
      return "there is no such process";
    case StepResult::not_stepping:
      return "the session is running freely; pause it first";
  }
  return "?";
}

uint64_t now_since(const ControlBlock& ctl) {
  return monotonic_ns() - ctl.t0_ns;
}

std::string find_worker_binary(const std::string& fallback) {
  if (const char* env = std::getenv("IPCLAB_WORKER"); env && *env) return env;
  const std::string dir = self_dir();
  for (const std::string& p : {dir + "/ipclab-worker", dir + "/../worker/ipclab-worker",
                               dir + "/../app/worker/ipclab-worker"})
    if (file_is_executable(p)) return p;
  return fallback;
}

Session::Session(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Session::~Session() {
  stop();
}

std::unique_ptr<Session> Session::start(const Scenario& s, const SessionOptions& opts,
                                        std::string* error) {
  auto impl = std::make_unique<Impl>(s, opts);
  Impl& m = *impl;
  m.ids = enumerate_workers(s);
  // What really exists: the scenario's objects and one instance per
  // mechanism of each switchable channel (the workers derive the same).
  m.runtime = s;
  add_channel_instances(m.runtime);
  const size_t nobj = m.runtime.objects.size();
  if (m.ids.empty() || m.ids.size() > static_cast<size_t>(kMaxWorkers) ||
      nobj > static_cast<size_t>(kMaxObjects)) {
    *error = "a session holds 1 to " + std::to_string(kMaxWorkers) + " processes and at most " +
             std::to_string(kMaxObjects) + " objects (a switchable channel counts once more " +
             "for each of its mechanisms)";
    return nullptr;
  }
  m.mechanism_now = std::vector<std::atomic<uint32_t>>(s.objects.size());
  for (size_t o = 0; o < s.objects.size(); ++o)
    m.mechanism_now[o].store(static_cast<uint32_t>(s.objects[o].mechanism));
  for (const WorkerIdentity& w : m.ids) m.plans.push_back(make_plan(s, m.ids, w.index));
  m.readers.assign(nobj, {});
  m.writers.assign(nobj, {});
  for (size_t w = 0; w < m.plans.size(); ++w) {
    std::vector<bool> r(nobj), wr(nobj);
    for (const Op& op : m.plans[w]) {
      if (read_obj(op) >= 0) r[static_cast<size_t>(read_obj(op))] = true;
      if (write_obj(op) >= 0) wr[static_cast<size_t>(write_obj(op))] = true;
    }
    for (size_t o = 0; o < nobj; ++o) {
      const int of = m.runtime.objects[o].instance_of;  // an instance: its channel's users
      if (r[of >= 0 ? static_cast<size_t>(of) : o]) m.readers[o].push_back(static_cast<int>(w));
      if (wr[of >= 0 ? static_cast<size_t>(of) : o]) m.writers[o].push_back(static_cast<int>(w));
    }
  }
  m.model = StateModel(s, static_cast<int>(m.ids.size()));
  if (!file_is_executable(opts.worker_path)) {
    *error = "cannot start the worker program '" + opts.worker_path +
             "': " + errno_text(errno ? errno : ENOENT) +
             ". Build it (scripts/test) or set IPCLAB_WORKER.";
    return nullptr;
  }
  const std::string base = opts.runtime_base.empty() ? default_runtime_base() : opts.runtime_base;
  if (opts.sweep_at_start) sweep_dead_sessions(base);
  if (auto ec = m.dir.create(base)) {
    *error = "cannot create the session folder in " + base + ": " + errno_text(ec.value());
    return nullptr;
  }
  auto fail = [&](const std::string& what) {
    *error = what;
    Session doomed(std::move(impl));
    doomed.stop();
    return nullptr;
  };
  {
    std::ofstream out(m.dir.path() + "/scenario.yaml");
    out << s.source;
    if (!out) return fail("cannot write the scenario into the session folder " + m.dir.path());
  }
  // Control block with one ring per worker.
  m.ctl_name = m.dir.object_name("ctl");
  m.dir.record("shm", m.ctl_name);
  uint64_t ring_offset = 0, ring_stride = 0;
  uint32_t capacity = 64;
  while (capacity < opts.ring_capacity) capacity <<= 1;
  m.ctl_size =
      ControlBlock::size_for(static_cast<int>(m.ids.size()), capacity, &ring_offset, &ring_stride);
  const int shm = ::shm_open(m.ctl_name.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (shm < 0) return fail("shm_open of the control block failed with " + errno_text(errno));
  if (::ftruncate(shm, static_cast<off_t>(m.ctl_size)) != 0) {
    ::close(shm);
    return fail("ftruncate of the control block failed with " + errno_text(errno));
  }
  void* p = ::mmap(nullptr, m.ctl_size, PROT_READ | PROT_WRITE, MAP_SHARED, shm, 0);
  ::close(shm);
  if (p == MAP_FAILED) return fail("mmap of the control block failed with " + errno_text(errno));
  // Every page now, in one call, rather than one fault at a time while the
  // rings fill for the first time (a fault costs ~15-20 us on this kind of
  // VM). Only an optimisation: an older kernel says EINVAL and faults later.
  if (opts.tracing) ::madvise(p, m.ctl_size, MADV_POPULATE_WRITE);
  m.ctl = new (p) ControlBlock;
  // The owner first, the magic last (release): a sweep running in another
  // IPC Lab process judges a block only once its magic is there, so it never
  // sees an owner pid without its start time and takes this live session's
  // objects for a dead one's.
  m.ctl->owner_pid = ::getpid();
  m.ctl->owner_start = process_start_time(::getpid());
  m.ctl->version = kControlVersion;
  m.ctl->nworkers = static_cast<uint32_t>(m.ids.size());
  m.ctl->nobjects = static_cast<uint32_t>(nobj);
  m.ctl->ring_capacity = capacity;
  m.ctl->ring_offset = ring_offset;
  m.ctl->ring_stride = ring_stride;
  m.ctl->total_size = m.ctl_size;
  m.ctl->t0_ns = monotonic_ns();
  m.ctl->tracing = opts.tracing ? 1 : 0;
  for (size_t i = 0; i < m.ids.size(); ++i)
    EventRing::init(m.ctl->ring(static_cast<int>(i)), capacity, opts.sampling);
  std::atomic_ref<uint32_t>(m.ctl->magic).store(kControlMagic, std::memory_order_release);

  m.wake_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  m.notify_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  m.cmd_fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (m.wake_fd < 0 || m.notify_fd < 0 || m.cmd_fd < 0)
    return fail("eventfd failed with " + errno_text(errno));
  m.ctl->wake_fd = m.wake_fd;

  std::string message;
  if (m.host.create(m.runtime, m.dir, *m.ctl, &message)) return fail(message);

  // Spawn one worker per process, all from the spawner thread.
  const int devnull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  std::vector<int> inherit = m.host.inherited_fds();
  inherit.push_back(m.wake_fd);
  for (const WorkerIdentity& w : m.ids) {
    const std::string log = m.dir.path() + "/" + std::to_string(w.index) + ".log";
    const int errfd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    SpawnRequest req;
    req.path = opts.worker_path;
    req.argv = {"ipclab-worker", w.name,
                "--session",     m.dir.path(),
                "--tag",         m.dir.tag(),
                "--ctl",         m.ctl_name,
                "--index",       std::to_string(w.index),
                "--parent",      std::to_string(::getpid())};
    req.inherit_fds = inherit;
    req.stdin_fd = devnull;
    req.stdout_fd = devnull;
    req.stderr_fd = errfd;
    SpawnedProcess child;
    std::string what;
    const std::error_code ec = spawn_process(req, &child, &what);
    if (errfd >= 0) ::close(errfd);
    if (ec) {
      ::close(devnull);
      return fail("could not start process '" + w.name + "' (" + opts.worker_path + "): " + what +
                  " failed with " + errno_text(ec.value()));
    }
    m.dir.record_pid(child.pid);
    m.ctl->workers[w.index].pid.store(child.pid);
    m.children.push_back({child.pid, child.pidfd, false, -1, 0});
  }
  if (devnull >= 0) ::close(devnull);

  // Wait until every worker stands at its first gate (or already finished).
  const uint64_t deadline = monotonic_ns() + 10'000'000'000ull;
  for (;;) {
    bool all = true;
    for (size_t i = 0; i < m.ids.size(); ++i) {
      const WorkerState st = m.ctl->workers[i].state.load();
      if (st == WorkerState::starting) all = false;
    }
    if (all) break;
    for (size_t i = 0; i < m.children.size(); ++i) {
      Child& c = m.children[i];
      siginfo_t info{};
      if (m.ctl->workers[i].state.load() == WorkerState::starting &&
          ::waitid(static_cast<idtype_t>(P_PIDFD), static_cast<id_t>(c.pidfd), &info,
                   WEXITED | WNOHANG) == 0 &&
          info.si_pid != 0) {
        c.reaped = true;
        std::ifstream log(m.dir.path() + "/" + std::to_string(i) + ".log");
        std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
        return fail("process '" + m.ids[i].name + "' died while starting" +
                    (text.empty() ? std::string(".") : ": " + text));
      }
    }
    if (monotonic_ns() > deadline) return fail("the worker processes did not start within 10 s");
    pollfd pfd{m.wake_fd, POLLIN, 0};
    m.ctl->consumer_sleeping.store(1);
    ::poll(&pfd, 1, 2);
    uint64_t drain;
    [[maybe_unused]] ssize_t n = ::read(m.wake_fd, &drain, sizeof drain);
  }
  m.host.release_ends([&m](int obj) {
    const int of = m.runtime.objects[static_cast<size_t>(obj)].instance_of;
    return of >= 0 && m.ctl->objects[of].active.load() != obj;
  });
  // Spawn events come first in the log.
  EventBatch spawned;
  for (size_t i = 0; i < m.ids.size(); ++i) {
    Event e;
    e.t_ns = now_since(*m.ctl);
    e.ev = EventKind::spawn;
    e.worker = static_cast<int>(i);
    e.proc = m.ids[i].name;
    e.pid = m.children[i].pid;
    e.detail = std::to_string(m.plans[i].size()) + " actions";
    spawned.push_back(std::move(e));
  }
  m.child_view = m.children;
  m.publish(spawned);
  m.pump = std::thread([&m] { m.pump_loop(); });
  return std::unique_ptr<Session>(new Session(std::move(impl)));
}

const Scenario& Session::scenario() const {
  return impl_->scenario;
}
const std::vector<WorkerIdentity>& Session::workers() const {
  return impl_->ids;
}
const std::vector<Op>& Session::plan(int worker) const {
  return impl_->plans.at(static_cast<size_t>(worker));
}
const std::string& Session::folder() const {
  return impl_->dir.path();
}

int Session::worker_index(const std::string& name) const {
  for (const WorkerIdentity& w : impl_->ids)
    if (w.name == name) return w.index;
  // A process with count 1 may be named without #1; "adder" alone picks #1.
  for (const WorkerIdentity& w : impl_->ids)
    if (impl_->scenario.processes[static_cast<size_t>(w.process)].name == name) return w.index;
  return -1;
}

StepResult Session::step(int worker) {
  Impl& m = *impl_;
  if (worker < 0 || static_cast<size_t>(worker) >= m.ids.size()) return StepResult::unknown_process;
  {
    std::lock_guard lock(m.mu);
    if (m.mode == RunMode::running) return StepResult::not_stepping;
    if (m.child_view[static_cast<size_t>(worker)].reaped) return StepResult::finished;
  }
  WorkerSlot& slot = m.ctl->workers[worker];
  switch (slot.state.load()) {
    case WorkerState::blocked:
      return StepResult::blocked;
    case WorkerState::exited:
    case WorkerState::killed:
      return StepResult::finished;
    case WorkerState::at_gate:
      if (slot.grants.load() == 0) {
        gate_grant(slot, 1);
        return StepResult::granted;
      }
      return StepResult::not_ready;
    default:
      return StepResult::not_ready;
  }
}

int Session::step_all() {
  int granted = 0;
  for (size_t i = 0; i < impl_->ids.size(); ++i)
    if (step(static_cast<int>(i)) == StepResult::granted) ++granted;
  return granted;
}

bool Session::wait_settled(std::chrono::milliseconds timeout) {
  Impl& m = *impl_;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::unique_lock lock(m.mu);
  for (;;) {
    if (m.settled_locked()) break;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    // Short waits: a blocked worker falling asleep in the kernel wakes nobody.
    m.cv.wait_for(lock, std::chrono::microseconds(200));
  }
  lock.unlock();
  m.request_drain_and_wait();
  return true;
}

void Session::run(double steps_per_second) {
  Impl& m = *impl_;
  {
    std::lock_guard lock(m.mu);
    if (m.mode == RunMode::finished) return;
    m.mode = RunMode::running;
    m.speed = steps_per_second;
  }
  if (steps_per_second <= 0) {
    m.ctl->free_run.store(1);
    for (size_t i = 0; i < m.ids.size(); ++i) gate_nudge(m.ctl->workers[i]);
  }
  m.poke_pump();
}

void Session::pause() {
  Impl& m = *impl_;
  m.ctl->free_run.store(0);
  {
    std::lock_guard lock(m.mu);
    if (m.mode == RunMode::running) m.mode = RunMode::stepping;
    ++m.activity;
  }
  m.cv.notify_all();
  m.poke_pump();
}

RunMode Session::mode() const {
  std::lock_guard lock(impl_->mu);
  return impl_->mode;
}

bool Session::finished() const {
  return mode() == RunMode::finished;
}
int Session::notify_fd() const {
  return impl_->notify_fd;
}

size_t Session::take_events(std::vector<Event>& out) {
  Impl& m = *impl_;
  uint64_t drain;
  [[maybe_unused]] ssize_t n = ::read(m.notify_fd, &drain, sizeof drain);
  // The batches' buffers go round (outbox -> here -> spare -> outbox):
  // a steady stream allocates nothing, and big buffers are not mapped and
  // unmapped on every take.
  EventBatch batch;
  {
    std::lock_guard lock(m.mu);
    std::swap(batch, m.outbox);
    std::swap(m.outbox, m.spare);
  }
  // Decoded here, on the consumer's thread, not by the pump.
  const size_t before = out.size();
  m.decode_batch(batch, out);
  batch.clear();
  {
    std::lock_guard lock(m.mu);
    if (m.spare.items.capacity() < batch.items.capacity()) std::swap(m.spare, batch);
  }
  return out.size() - before;
}

void Session::wait_for_activity(std::chrono::milliseconds timeout) {
  Impl& m = *impl_;
  std::unique_lock lock(m.mu);
  const uint64_t seen = m.activity;
  if (!m.outbox.empty()) return;
  m.cv.wait_for(lock, timeout, [&] { return m.activity != seen || !m.outbox.empty(); });
}

std::optional<std::string> Session::deadlock() const {
  std::lock_guard lock(impl_->mu);
  return impl_->deadlock;
}

uint64_t Session::events_dropped() const {
  if (!impl_->ctl) return impl_->final_dropped;
  uint64_t n = 0;
  for (size_t i = 0; i < impl_->ids.size(); ++i)
    n += impl_->ctl->ring(static_cast<int>(i))->dropped.load();
  return n;
}

uint64_t Session::ring_full_waits() const {
  if (!impl_->ctl) return impl_->final_full_waits;
  uint64_t n = 0;
  for (size_t i = 0; i < impl_->ids.size(); ++i)
    n += impl_->ctl->ring(static_cast<int>(i))->full_waits.load();
  return n;
}

void Session::stop() {
  if (!impl_) return;
  Impl& m = *impl_;
  if (m.stopped.exchange(true)) return;
  { std::lock_guard let_a_switch_finish(m.switch_mu); }
  m.quit.store(true);
  m.poke_pump();
  if (m.pump.joinable()) m.pump.join();
  if (m.ctl) {
    // Workers at their gates leave by themselves; blocked ones need a signal.
    m.ctl->stopping.store(1);
    m.ctl->free_run.store(0);
    for (size_t i = 0; i < m.ids.size(); ++i) gate_nudge(m.ctl->workers[i]);
  }
  signal_and_wait(m.children, 0, 200);
  signal_and_wait(m.children, SIGTERM, 300);
  signal_and_wait(m.children, SIGKILL, 2000);
  if (m.ctl) {
    // The last events, and how each process ended, still reach the
    // consumer (take_events after stop). Reaped first, as in the pump.
    EventBatch tail, exits;
    m.reap_children(exits);
    m.drain_rings(tail, true);
    tail.append(exits);
    tail.sort_by_time();
    m.publish(tail);
    // What snapshot() and the counters say once the control block is gone.
    {
      std::lock_guard lock(m.mu);
      m.child_view = m.children;
    }
    Snapshot last = snapshot();
    for (WorkerStatus& w : last.workers) w.kernel = {};
    const uint64_t dropped = events_dropped(), full_waits = ring_full_waits();
    std::lock_guard lock(m.mu);
    m.final_workers = std::move(last.workers);
    m.final_dropped = dropped;
    m.final_full_waits = full_waits;
  }
  for (Child& c : m.children)
    if (c.pidfd >= 0) ::close(c.pidfd);
  m.host.destroy();
  if (m.ctl) {
    ::munmap(m.ctl, m.ctl_size);
    m.ctl = nullptr;
  }
  m.dir.remove_all();
  for (int* fd : {&m.wake_fd, &m.cmd_fd})
    if (*fd >= 0) {
      ::close(*fd);
      *fd = -1;
    }
  std::lock_guard lock(m.mu);
  m.child_view = m.children;
  m.mode = RunMode::finished;
  ++m.activity;
  m.cv.notify_all();
}

}  // namespace ipclab
