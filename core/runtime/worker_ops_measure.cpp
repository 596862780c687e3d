// measure: the cost of IPC against threads that share memory, measured for
// real in this worker. First two threads of this process hand `rounds`
// values over through a ring in memory they share (atomics only: no system
// call while both keep up; a waiter that finds nothing to do for a while
// sleeps a moment); then the same number of values go to a child
// process through a pipe, one write() and one read() per value. Each is
// timed from the first value handed over to the receiver's word that it got
// the last one; `value` events say it in words, and the numbers go into the
// cells of `into`.
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <thread>

#include "runtime/worker_emit.hpp"

namespace ipclab {

namespace {

constexpr uint64_t kRingSlots = 1024;  // a power of two

struct SharedRing {
  alignas(64) std::atomic<uint64_t> head{0};  // values put so far (the producer's)
  alignas(64) std::atomic<uint64_t> tail{0};  // values taken so far (the consumer's)
  alignas(64) std::atomic<bool> ready{false};
  alignas(64) int64_t slots[kRingSlots] = {};
};

void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}

// Spin a little, then sleep a moment: on a busy machine the other thread may
// not be running at all, and a waiter that spins or only yields stays on the
// run queue and takes CPU time from the thread it waits for. Asleep, it
// leaves the CPU to it, as a reader blocked on a pipe does.
void backoff(int& spins) {
  if (++spins < 1024) return cpu_relax();
  spins = 0;
  const timespec moment{0, 20'000};  // 20 us
  ::nanosleep(&moment, nullptr);
}

// The consumer thread: takes every value, checks it is the next one.
void take_all(SharedRing& ring, uint64_t rounds, bool* intact) {
  ring.ready.store(true, std::memory_order_release);
  bool ok = true;
  for (uint64_t i = 0; i < rounds; ++i) {
    int spins = 0;
    while (ring.head.load(std::memory_order_acquire) == i) backoff(spins);
    ok = ok && ring.slots[i & (kRingSlots - 1)] == static_cast<int64_t>(i);
    ring.tail.store(i + 1, std::memory_order_release);
  }
  *intact = ok;
}

struct Timing {
  uint64_t ns = 0;
  bool intact = false;
  int err = 0;            // errno of what failed, 0 when it worked
  const char* what = "";  // the call that failed
};

Timing time_threads(uint64_t rounds) {
  Timing t;
  auto ring = std::make_unique<SharedRing>();
  std::thread consumer(take_all, std::ref(*ring), rounds, &t.intact);
  int spins = 0;
  while (!ring->ready.load(std::memory_order_acquire)) backoff(spins);
  const uint64_t start = monotonic_ns();
  for (uint64_t i = 0; i < rounds; ++i) {
    spins = 0;
    while (i - ring->tail.load(std::memory_order_acquire) >= kRingSlots) backoff(spins);
    ring->slots[i & (kRingSlots - 1)] = static_cast<int64_t>(i);
    ring->head.store(i + 1, std::memory_order_release);
  }
  spins = 0;
  while (ring->tail.load(std::memory_order_acquire) != rounds) backoff(spins);
  t.ns = monotonic_ns() - start;
  consumer.join();
  return t;
}

bool read_all(int fd, void* buf, size_t n) {
  auto* p = static_cast<char*>(buf);
  while (n > 0) {
    const ssize_t got = ::read(fd, p, n);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    p += got;
    n -= static_cast<size_t>(got);
  }
  return true;
}

bool write_all(int fd, const void* buf, size_t n) {
  const auto* p = static_cast<const char*>(buf);
  while (n > 0) {
    const ssize_t put = ::write(fd, p, n);
    if (put < 0 && errno == EINTR) continue;
    if (put <= 0) return false;
    p += put;
    n -= static_cast<size_t>(put);
  }
  return true;
}

// The child: reads every value, checks it, says so with one byte, ends.
// Only this runs between fork and _exit.
[[noreturn]] void child_reads(pid_t parent, int data_fd, int ack_fd, uint64_t rounds) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // it dies with the worker, whatever happens
  if (::getppid() != parent) ::_exit(1);
  // Nothing of the worker's stays open in it but the two pipes.
  const unsigned lo = static_cast<unsigned>(std::min(data_fd, ack_fd));
  const unsigned hi = static_cast<unsigned>(std::max(data_fd, ack_fd));
  if (lo > 3) ::close_range(3, lo - 1, 0);
  if (hi > lo + 1) ::close_range(lo + 1, hi - 1, 0);
  ::close_range(hi + 1, ~0U, 0);
  char ok = 1;
  for (uint64_t i = 0; i < rounds; ++i) {
    int64_t v = 0;
    if (!read_all(data_fd, &v, sizeof v)) ::_exit(2);
    if (v != static_cast<int64_t>(i)) ok = 0;
  }
  ::_exit(write_all(ack_fd, &ok, 1) && ok ? 0 : 3);
}

Timing time_pipe(WorkerContext& w, uint64_t rounds) {
  Timing t;
  int data[2], ack[2];
  if (::pipe2(data, O_CLOEXEC) != 0) return {0, false, errno, "pipe"};
  if (::pipe2(ack, O_CLOEXEC) != 0) {
    t = {0, false, errno, "pipe"};
    ::close(data[0]);
    ::close(data[1]);
    return t;
  }
  // A child that died early must not kill this worker with SIGPIPE: the
  // write fails with EPIPE instead, and the signal is taken back below.
  sigset_t pipe_sig, before;
  sigemptyset(&pipe_sig);
  sigaddset(&pipe_sig, SIGPIPE);
  ::pthread_sigmask(SIG_BLOCK, &pipe_sig, &before);
  bool epipe = false;
  emit_call(w, -1, SYS_clone);
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid == 0) child_reads(parent, data[0], ack[1], rounds);
  const int fork_err = pid < 0 ? errno : 0;
  emit_return(w, -1, SYS_clone, pid, fork_err,
              "the child that reads runs as pid " + std::to_string(pid));
  w.wake_pump();  // the child's pid, before the long part
  ::close(data[0]);
  ::close(ack[1]);
  if (pid > 0) {
    w.slot->child_pid.store(pid);
    const uint64_t start = monotonic_ns();
    bool sent = true;
    int write_err = 0;
    for (uint64_t i = 0; i < rounds && sent; ++i) {
      const int64_t v = static_cast<int64_t>(i);
      sent = write_all(data[1], &v, sizeof v);
      if (!sent) write_err = errno;
    }
    char ok = 0;
    const bool acked = sent && read_all(ack[0], &ok, 1);
    t.ns = monotonic_ns() - start;
    t.intact = acked && ok == 1;
    if (!sent) t = {0, false, write_err, "write"};
    if (sent && !acked) t = {0, false, EPIPE, "read"};
    epipe = write_err == EPIPE;
  } else {
    t = {0, false, fork_err, "fork"};
  }
  ::close(data[1]);
  ::close(ack[0]);
  if (pid > 0) {
    emit_call(w, -1, SYS_wait4);
    int status = 0;
    pid_t got;
    do got = ::waitpid(pid, &status, 0);
    while (got < 0 && errno == EINTR);
    w.slot->child_pid.store(0);
    emit_return(w, -1, SYS_wait4, got, got < 0 ? errno : 0);
  }
  // The SIGPIPE our own failed write raised, not one the script waits for.
  const timespec zero{0, 0};
  if (epipe) ::sigtimedwait(&pipe_sig, nullptr, &zero);
  ::pthread_sigmask(SIG_SETMASK, &before, nullptr);
  return t;
}

// 0.61 ms, 9.4 ms, 95 ms, 1.2 s: two figures or more, never "0".
std::string duration_words(uint64_t ns) {
  char buf[32];
  const double ms = static_cast<double>(ns) / 1e6;
  if (ms >= 1000)
    std::snprintf(buf, sizeof buf, "%.1f s", ms / 1000);
  else if (ms >= 10)
    std::snprintf(buf, sizeof buf, "%.0f ms", ms);
  else if (ms >= 1)
    std::snprintf(buf, sizeof buf, "%.1f ms", ms);
  else if (ms >= 0.01)
    std::snprintf(buf, sizeof buf, "%.2f ms", ms);
  else
    std::snprintf(buf, sizeof buf, "%.1f us", static_cast<double>(ns) / 1e3);
  return buf;
}

void write_cell(WorkerContext& w, int obj, int cell, int64_t v) {
  WorkerObject& o = w.objects[static_cast<size_t>(obj)];
  if (!o.cells || o.cells_bytes < sizeof(int64_t) * static_cast<size_t>(cell + 1)) return;
  __atomic_store_n(&o.cells[cell], v, __ATOMIC_RELAXED);
  EventRecord r = w.record(EventKind::value, obj);
  r.flags |= EventRecord::kHasValue;
  r.value = v;
  r.msg = cell;  // the cell index travels in msg for value events on cells
  WorkerContext::set_data(r, "write");
  w.emit(r);
}

}  // namespace

void do_measure(WorkerContext& w, const Op& op) {
  const uint64_t rounds = op.value > 0 ? static_cast<uint64_t>(op.value) : 1;
  const std::string n = std::to_string(rounds);
  w.wake_pump();  // what was written so far, before a long op
  const Timing threads = time_threads(rounds);
  if (threads.intact)
    emit_value(w, EventKind::value, -1, static_cast<int64_t>(threads.ns),
               "threads sharing memory: " + n + " values in " + duration_words(threads.ns));
  const Timing pipe = time_pipe(w, rounds);
  if (pipe.err) return emit_error(w, -1, pipe.err, std::string(pipe.what) + " failed: no measure");
  if (!threads.intact || !pipe.intact)
    return emit_error(w, -1, EPROTO, "values arrived changed or out of order: no measure");
  emit_value(w, EventKind::value, -1, static_cast<int64_t>(pipe.ns),
             "two processes through a pipe: " + n + " values in " + duration_words(pipe.ns));
  const uint64_t thread_ns = threads.ns > 0 ? threads.ns : 1;
  const int64_t times = static_cast<int64_t>(pipe.ns / thread_ns);
  emit_value(w, EventKind::value, -1, times, std::to_string(times) + " times the cost");
  if (op.obj < 0) return;
  auto per_value = [rounds](uint64_t ns) {
    return static_cast<int64_t>((ns + rounds / 2) / rounds);
  };
  write_cell(w, op.obj, 1, per_value(threads.ns));
  write_cell(w, op.obj, 2, per_value(pipe.ns));
  write_cell(w, op.obj, 0, times);
}

}  // namespace ipclab
