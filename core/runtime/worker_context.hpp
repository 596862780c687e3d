// State of one running worker, shared by its setup (worker_runtime.cpp) and
// its op implementations (worker_ops.cpp). Internal to the worker binary.
#pragma once

#include <semaphore.h>
#include <signal.h>

#include <atomic>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mechanisms/channel.hpp"
#include "runtime/control_block.hpp"
#include "runtime/plan.hpp"
#include "scenario/scenario.hpp"

namespace ipclab {

struct WorkerObject {
  std::unique_ptr<ChannelEnd> channel;
  void* ring = nullptr;  // shm_ring: this process's mapping of it
  sem_t* sem = nullptr;
  int64_t* cells = nullptr;
  size_t cells_bytes = 0;
  int listen_fd = -1;                  // rpc server: the inherited listening socket
  std::string path;                    // rpc client: the socket file to connect to; a FIFO's path
  bool reads = false, writes = false;  // which ends this process uses (FIFO)
  // file_lock: this process's own descriptor of the file (its own open file
  // description, so flock and OFD locks are its own too), and the styles
  // of lock it holds on it (worker_ops_locks.cpp).
  int lock_fd = -1;
  uint8_t lock_styles = 0;
  int rw_held = 0;  // rwlock: read locks this process holds, or -1 for the write lock
};

struct WorkerContext {
  Scenario scenario;
  std::vector<WorkerIdentity> workers;
  std::vector<Op> plan;
  int index = 0;
  ControlBlock* ctl = nullptr;
  WorkerSlot* slot = nullptr;
  EventRing* ring = nullptr;
  std::vector<WorkerObject> objects;
  int32_t op = -1;        // index of the op being run
  int64_t reg = 0;        // the register of an expanded add (load/compute/store)
  int64_t loaded = 0;     // what load saw, to detect a lost update at store
  std::vector<char> buf;  // receive buffer
  // Events of this instant not written yet (EventRecord::kStep, kUnblock):
  // they ride on the next record, which is written right after.
  uint8_t pending = 0;

  // Appends one event to the ring: a timestamp, a copy and a release store.
  // It does not wake the pump: the worker does that where it is about to
  // wait (its gate, a blocking call, a sleep; see wake_pump), so a pump
  // that sleeps gets each op's events together, and emit needs no fence.
  void emit(EventRecord r) {
    if (!ctl->tracing) return;
    r.flags |= pending;
    pending = 0;
    r.t_ns = monotonic_ns();
    r.op = op;
    ring->push(r);
  }
  // Before the worker waits or runs long: a sleeping pump hears about what
  // it wrote so far. While the session runs freely the pump drains on its
  // own tick and never sleeps waiting for a worker: nothing to do then.
  void wake_pump() {
    if (!ctl->free_run.load(std::memory_order_relaxed)) wake_consumer(*ctl);
  }
  EventRecord record(EventKind ev, int obj = -1) const {
    EventRecord r;
    r.ev = ev;
    r.obj = static_cast<int16_t>(obj);
    return r;
  }
  static void set_data(EventRecord& r, std::string_view data) {
    const size_t n = data.size() < sizeof r.data ? data.size() : sizeof r.data;
    std::memcpy(r.data, data.data(), n);
    r.data_len = static_cast<uint16_t>(n);
  }
  void set_state(WorkerState s) { slot->state.store(s, std::memory_order_seq_cst); }
};

// Signals caught by handlers installed with on_signal, delivered by the
// main loop (a handler must not write into the ring the loop writes).
extern volatile sig_atomic_t g_caught[65];
extern std::atomic<bool> g_any_caught;
void deliver_caught_signals(WorkerContext& w);

// What the worker does after an op: the next op, this op again as its next
// step (a spin loop whose condition still holds), or exit now (exit op).
enum class OpEnd { next, again, exit };

// Runs plan[w.op].
OpEnd run_op(WorkerContext& w, const Op& op, int* exit_code);
// True for ops whose first event is written at once, with no system call
// or wait before it: their step is folded into that event's record.
bool step_folds(OpKind kind);

}  // namespace ipclab
