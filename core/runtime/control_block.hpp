// The session control block: one shared-memory region created by the
// supervisor and mapped by every worker. It holds the step gates, what each
// worker is doing, the process-shared sync objects and the event rings.
#pragma once

#include <pthread.h>
#include <semaphore.h>
#include <sys/types.h>

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "trace/event_ring.hpp"

namespace ipclab {

constexpr uint32_t kControlMagic = 0x49504c31;  // "IPL1"
constexpr uint32_t kControlVersion = 5;
constexpr int kMaxWorkers = 64;
constexpr int kMaxObjects = 64;

// What a worker is doing, as the worker itself reports it. `killed` is only
// ever set by the supervisor after reaping.
enum class WorkerState : uint32_t { starting, at_gate, running, blocked, exited, killed };
const char* to_string(WorkerState);

struct alignas(64) WorkerSlot {
  // Step gate. The supervisor adds grants and bumps gate_seq; the worker
  // takes one grant per action and otherwise futex-waits on gate_seq.
  std::atomic<uint32_t> gate_seq{0};
  std::atomic<uint32_t> grants{0};
  std::atomic<int32_t> pid{0};
  std::atomic<WorkerState> state{WorkerState::starting};
  std::atomic<int32_t> op{0};              // op being run, or the next one while at the gate
  std::atomic<int32_t> blocked_obj{-1};    // object index while blocked
  std::atomic<uint32_t> blocked_timed{0};  // 1: the wait has a timeout; 2: waits for its child
  std::atomic<int32_t> blocked_nr{-1};     // the syscall it sleeps in while blocked
  std::atomic<uint64_t> steps_done{0};
  std::atomic<int32_t> child_pid{0};  // exec: the program it started, while it runs
  // 1 + the switchable object whose channel call the worker is inside (0 =
  // none): a switch kicks such workers out with kSwitchSignal and waits
  // until none is left inside (seq_cst on both sides, see worker_channel).
  std::atomic<int32_t> in_channel_op{0};
  // Where the worker's own private memory is (private_memory.hpp), 0 until
  // it has mapped it: the supervisor reads it with process_vm_readv.
  std::atomic<uint64_t> private_base{0};
};

struct alignas(64) ObjectSlot {
  std::atomic<int64_t> next_msg{0};  // message sequence numbers (fetch_add + 1)
  std::atomic<int32_t> owner{-1};    // mutex: worker index of the owner
  int32_t fd[2] = {-1, -1};          // pipe: descriptors the workers inherit
  int32_t sysv_id = -1;              // System V queue: its id (msgget)
  int32_t sysv_key = 0;              // ... and the key it was made with
  // A POSIX queue's name ("/ipclab-TAG-NAME"): a sweep that finds this
  // block's owner dead removes it even when the session folder is gone.
  char mq_name[64] = {};
  // The mechanism the object runs on: the scenario's, or an alternative
  // chosen with --switch. Workers take it from here, not from the file.
  std::atomic<uint32_t> mechanism{0};
  // A switchable object: the index of the instance object in use (see
  // add_channel_instances), and the futex word workers wait on while the
  // supervisor moves the messages in flight to another instance.
  std::atomic<int32_t> active{-1};
  std::atomic<uint32_t> switching{0};
  pthread_mutex_t mutex;  // mutex objects: process-shared, robust
  // The other synchronisation objects that live in this shared block, each
  // process-shared (see object_host_sync.cpp), used by the kind they belong to.
  pthread_cond_t cond;                  // condvar
  pthread_rwlock_t rwlock;              // rwlock
  pthread_barrier_t barrier;            // barrier
  sem_t unnamed_sem;                    // semaphore, flavor posix_unnamed (sem_init pshared)
  std::atomic<uint32_t> event_word{0};  // event: 1 = set (futex word)
  int32_t sysv_sem_id = -1;             // semaphore, flavor sysv (semget)
  int32_t sysv_sem_key = 0;
};

struct ControlBlock {
  uint32_t magic = 0;
  uint32_t version = 0;
  // The supervisor, so a sweep can tell a dead session's objects even when
  // its folder (and manifest) is gone. Stays at this offset across versions.
  int32_t owner_pid = 0;
  uint32_t reserved = 0;
  uint64_t owner_start = 0;  // process_start_time(owner_pid)
  uint32_t nworkers = 0;
  uint32_t nobjects = 0;
  uint32_t ring_capacity = 0;
  int32_t wake_fd = -1;      // eventfd inherited by the workers
  uint64_t ring_offset = 0;  // from the start of the block
  uint64_t ring_stride = 0;
  uint64_t total_size = 0;
  uint64_t t0_ns = 0;                          // CLOCK_MONOTONIC at session start
  std::atomic<uint32_t> consumer_sleeping{0};  // the pump wants an eventfd write
  std::atomic<uint32_t> free_run{0};           // workers skip their gates
  std::atomic<uint32_t> stopping{0};           // workers leave at their next gate
  uint32_t tracing = 1;                        // 0: workers write no events (benchmarks)
  WorkerSlot workers[kMaxWorkers];
  ObjectSlot objects[kMaxObjects];

  EventRing* ring(int worker) {
    return reinterpret_cast<EventRing*>(reinterpret_cast<char*>(this) + ring_offset +
                                        ring_stride * static_cast<uint64_t>(worker));
  }
  static size_t size_for(int nworkers, uint32_t ring_capacity, uint64_t* ring_offset,
                         uint64_t* ring_stride);
};

// Where a worker keeps its ends of a FIFO it opened on first use, so the
// supervisor can ask the kernel about them through any worker (pidfd_getfd):
// kFifoFdBase + 2 * object + (0 read, 1 write), below the usual 1024 limit.
constexpr int kFifoFdBase = 500;

// The real-time signal a switch sends to a worker inside a channel call on
// the switched object (SIGRTMAX; scenarios may not use it).
int switch_signal();
// Switch waits (futex on ObjectSlot::switching, shared between processes).
void switch_wait(ObjectSlot& slot);
void switch_wake_all(ObjectSlot& slot);

// Gate operations (futex on gate_seq, shared between processes).
void gate_grant(WorkerSlot& slot, uint32_t steps);
void gate_nudge(WorkerSlot& slot);  // wake without a grant (run mode, stop)
// Worker side: waits until a grant (taken), free run, or stop. Returns false on stop.
bool gate_pass(ControlBlock& ctl, WorkerSlot& slot);

// Wakes the supervisor's pump if it sleeps (a seq_cst check, syscall only then).
void wake_consumer(ControlBlock& ctl);

uint64_t monotonic_ns();

}  // namespace ipclab
