// A running scenario: the supervisor. Creates the session folder and every
// IPC object, spawns one ipclab-worker per process (each held at its step
// gate), drains their event rings on a pump thread, keeps the model of who
// holds and waits for what, samples the kernel, and tears everything down.
//
// Thread-safety: every public method may be called from any one thread (the
// CLI's main thread, the GUI's adapter); the pump thread is internal.
// Nothing here throws across the API.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "observer/kernel_probe.hpp"
#include "runtime/control_block.hpp"
#include "runtime/plan.hpp"
#include "scenario/scenario.hpp"
#include "trace/event.hpp"
#include "trace/finding.hpp"

namespace ipclab {

struct SessionOptions {
  std::string worker_path;        // the ipclab-worker binary (see find_worker_binary)
  std::string runtime_base;       // "" = default_runtime_base()
  uint32_t ring_capacity = 4096;  // events per worker ring (power of two)
  bool sampling = false;          // full ring: drop and count instead of waiting
  std::chrono::milliseconds sample_period{200};  // kernel sampling while running
  bool sweep_at_start = true;                    // remove what dead sessions left first
  bool tracing = true;  // false: workers report nothing (the benchmark baseline)
};

enum class RunMode { stepping, running, finished };

struct WorkerStatus {
  WorkerIdentity id;
  pid_t pid = 0;
  WorkerState state = WorkerState::starting;
  int op = 0;  // current (or next) op index; == op_count when done
  int op_count = 0;
  std::string op_label;  // label of that op, "" when done
  int blocked_obj = -1;
  bool blocked_timed = false;
  int exit_code = -1;   // when exited
  int term_signal = 0;  // when killed
  uint64_t steps = 0;
  // Blocked: how many times others got the object it waits for since it
  // blocked; StateModel::kStarvingAfter or more is a hint of starvation.
  int overtaken = 0;
  ProcessTruth kernel;  // sampled from /proc
};

struct ObjectStatus {
  const ObjectSpec* spec = nullptr;
  int64_t model_fill = 0;                   // bytes / messages / count / -, from events
  std::optional<int64_t> kernel_fill;       // what the kernel says now
  std::string kernel_note;                  // what else it says (the next datagram's size)
  ObjectKind mechanism = ObjectKind::pipe;  // what it runs on now (a switch changes it)
  std::string address;                      // sockets: "127.0.0.1:40123" or the socket file
  std::string unit;                         // "bytes", "messages", "count", ""
  std::vector<int64_t> cells;               // shared memory (kernel = the mapping itself)
  std::vector<int> cell_writers;  // shared memory: worker that wrote each cell last, or -1
  int owner = -1;                 // mutex: worker index (model)
  pid_t owner_tid_kernel = 0;     // mutex: from the lock word
  std::vector<int> waiters;       // worker indices blocked on it, in order
  std::vector<int> holders;       // worker indices holding it (StateModel::holders)
  // channel: the texts of the messages in it, in the order a receiver gets
  // them (from the events: what was sent and not yet received)
  std::vector<std::string> contents;
  // A private shared_memory (`private: true`): each process's own copy, read
  // from that process's memory (private_memory.hpp), one per worker in order.
  struct OwnCopy {
    int worker = -1;
    std::vector<int64_t> cells;  // empty when it could not be read ...
    std::string note;            // ... and why ("it has ended: its memory is gone")
    int err = 0;                 // ... as an errno: ESRCH ended, EPERM refused, 0 not mapped yet
    uint64_t address = 0;        // where the copy is in that process (0: not mapped)
  };
  std::vector<OwnCopy> private_cells;
};

// A mutex that is not robust whose owner (the thread id the mutex itself
// keeps) is a process that has ended: kernel_note says so, and that it is
// never released (sync_notes.cpp).
void add_dead_owner_note(ObjectStatus& o, const std::vector<WorkerStatus>& workers);

// One link of a deadlock cycle: `waiter` is blocked on object `obj`, which
// `holder` holds; the next link's waiter is this holder, the last link's
// holder the first link's waiter.
struct WaitLink {
  int waiter = -1;
  int obj = -1;
  int holder = -1;
};

struct Snapshot {
  uint64_t t_ns = 0;
  RunMode mode = RunMode::stepping;
  std::vector<WorkerStatus> workers;
  std::vector<ObjectStatus> objects;
  std::optional<std::string> deadlock;   // the wait-for description, when detected
  std::vector<WaitLink> deadlock_cycle;  // its cycle, when it is one (empty otherwise)
  std::vector<Finding> findings;         // what went wrong so far, in order (StateModel)
};

// Something a process did that a lesson may ask about (Expect::events): a
// signal delivered to it (signal), or a system call it made (syscall; err:
// the errno it failed with, 0 when it did not fail).
struct Happening {
  int worker = -1;
  int signal = 0;
  int syscall = -1;
  int err = 0;
  bool operator==(const Happening&) const = default;
};

enum class StepResult { granted, blocked, finished, not_ready, unknown_process, not_stepping };
const char* describe(StepResult);

// What Session::kill did: killed (the session saw the death), or why not.
enum class KillResult { killed, finished, unknown_process, not_seen, failed };
const char* describe(KillResult);

class Session {
 public:
  // Starts the session; on failure returns nullptr and a sentence (with the
  // errno) in *error.
  static std::unique_ptr<Session> start(const Scenario& s, const SessionOptions& opts,
                                        std::string* error);
  ~Session();  // stop() if still running
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  const Scenario& scenario() const;
  const std::vector<WorkerIdentity>& workers() const;
  const std::vector<Op>& plan(int worker) const;
  const std::string& folder() const;
  int worker_index(const std::string& name) const;  // -1 if unknown

  // One action of one process. A blocked or finished process is not
  // advanced (the result says why).
  StepResult step(int worker);
  // One action of every process at its gate. Returns how many were granted.
  int step_all();
  // kill -9: sends SIGKILL to one worker's process, wherever it is (at its
  // gate, blocked, inside a critical section), and returns once the session
  // has reaped it, so its `exit` event ("killed by SIGKILL") is published
  // and snapshots say killed. The kernel cleans up after it as after any
  // death (robust mutexes, SEM_UNDO, file locks); the session's objects stay
  // until stop(). A worker that has already ended is refused (finished).
  KillResult kill(int worker);
  // Waits until every granted step took effect: each worker is at its gate,
  // really blocked (kernel confirms), or gone. False on timeout.
  bool wait_settled(std::chrono::milliseconds timeout);
  // Run freely (steps_per_second <= 0: as fast as possible) / back to stepping.
  void run(double steps_per_second);
  void pause();
  RunMode mode() const;
  bool finished() const;  // every worker exited

  // Readable (eventfd) when take_events has something; for poll/QSocketNotifier.
  int notify_fd() const;
  // Moves the events gathered so far into out (appends), in time order.
  size_t take_events(std::vector<Event>& out);
  // Waits up to timeout for events or a state change.
  void wait_for_activity(std::chrono::milliseconds timeout);

  // Switches a running channel to another of its mechanisms (spec.runs_on):
  // processes keep their pids, the messages in flight move to the new
  // mechanism in order, a blocked sender or receiver carries on there, and
  // a `switch` event says what moved. False, with a sentence, when the
  // channel cannot switch (not switchable, a program reads it directly, the
  // new mechanism cannot hold what is in flight); nothing changes then.
  bool switch_channel(int obj, ObjectKind mechanism, std::string* error);

  Snapshot snapshot();
  // Every distinct Happening since the start, in the order first seen.
  std::vector<Happening> happenings() const;
  std::optional<std::string> deadlock() const;
  uint64_t events_dropped() const;  // sampling mode
  uint64_t ring_full_waits() const;

  // Orderly teardown: workers at their gates leave, the rest get SIGTERM,
  // then SIGKILL; every object and the folder are removed. Idempotent.
  void stop();

  struct Impl;

 private:
  explicit Session(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Where ipclab-worker is: $IPCLAB_WORKER, next to the running program, the
// build tree's app/worker, or `fallback`.
std::string find_worker_binary(const std::string& fallback);

}  // namespace ipclab
