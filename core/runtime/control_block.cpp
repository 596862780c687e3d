#include "runtime/control_block.hpp"

#include <linux/futex.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include <climits>
#include <csignal>

namespace ipclab {

const char* to_string(WorkerState s) {
  switch (s) {
    case WorkerState::starting:
      return "starting";
    case WorkerState::at_gate:
      return "at gate";
    case WorkerState::running:
      return "running";
    case WorkerState::blocked:
      return "blocked";
    case WorkerState::exited:
      return "finished";
    case WorkerState::killed:
      return "killed";
  }
  return "?";
}

size_t ControlBlock::size_for(int nworkers, uint32_t ring_capacity, uint64_t* ring_offset,
                              uint64_t* ring_stride) {
  const uint64_t page = 4096;
  const uint64_t offset = (sizeof(ControlBlock) + page - 1) / page * page;
  const uint64_t stride = (EventRing::bytes_for(ring_capacity) + page - 1) / page * page;
  *ring_offset = offset;
  *ring_stride = stride;
  return offset + stride * static_cast<uint64_t>(nworkers);
}

namespace {
void futex_wake_all(std::atomic<uint32_t>* word) {
  syscall(SYS_futex, reinterpret_cast<uint32_t*>(word), FUTEX_WAKE, INT_MAX, nullptr, nullptr, 0);
}
}  // namespace

void gate_grant(WorkerSlot& slot, uint32_t steps) {
  slot.grants.fetch_add(steps, std::memory_order_seq_cst);
  gate_nudge(slot);
}

void gate_nudge(WorkerSlot& slot) {
  slot.gate_seq.fetch_add(1, std::memory_order_seq_cst);
  futex_wake_all(&slot.gate_seq);
}

bool gate_pass(ControlBlock& ctl, WorkerSlot& slot) {
  for (;;) {
    const uint32_t seq = slot.gate_seq.load(std::memory_order_seq_cst);
    if (ctl.stopping.load(std::memory_order_seq_cst)) return false;
    // Leave the gate (state running) before the grant is taken: the
    // supervisor must never see "at the gate, no grant left" while this
    // worker is about to run the step, or wait_settled returns too early.
    if (ctl.free_run.load(std::memory_order_seq_cst)) {
      slot.state.store(WorkerState::running, std::memory_order_seq_cst);
      return true;
    }
    uint32_t g = slot.grants.load(std::memory_order_seq_cst);
    if (g > 0) {
      slot.state.store(WorkerState::running, std::memory_order_seq_cst);
      // Only this worker takes grants, so g stays > 0 until the exchange wins.
      while (!slot.grants.compare_exchange_weak(g, g - 1, std::memory_order_seq_cst)) {
      }
      return true;
    }
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&slot.gate_seq), FUTEX_WAIT, seq, nullptr,
            nullptr, 0);
  }
}

int switch_signal() {
  return SIGRTMAX;
}

void switch_wait(ObjectSlot& slot) {
  while (slot.switching.load(std::memory_order_seq_cst) != 0)
    syscall(SYS_futex, reinterpret_cast<uint32_t*>(&slot.switching), FUTEX_WAIT, 1u, nullptr,
            nullptr, 0);
}

void switch_wake_all(ObjectSlot& slot) {
  futex_wake_all(&slot.switching);
}

void wake_consumer(ControlBlock& ctl) {
  std::atomic_thread_fence(std::memory_order_seq_cst);
  if (ctl.consumer_sleeping.load(std::memory_order_relaxed) != 0 &&
      ctl.consumer_sleeping.exchange(0, std::memory_order_seq_cst) != 0) {
    const uint64_t one = 1;
    [[maybe_unused]] ssize_t n = ::write(ctl.wake_fd, &one, sizeof one);
  }
}

uint64_t monotonic_ns() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000ull + static_cast<uint64_t>(ts.tv_nsec);
}

}  // namespace ipclab
