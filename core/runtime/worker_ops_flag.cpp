// A flag in shared memory used as a lock, the one students write first:
//   while (flag != 0) ;   the test, one step, again and again while set
//   flag = 1;             the set: a step of its own, so it is broken
//   ...                   the critical section
//   flag = 0;             the clear
// Plain loads and stores, as such a C program does. The set and the clear
// also report acquire and release on the object, so the simulator sees
// who is inside and notices a second process entering (StateModel).
#include <cerrno>
#include <cstdint>

#include "runtime/worker_emit.hpp"

namespace ipclab {

namespace {

int64_t* flag_cell(WorkerContext& w, const Op& op) {
  WorkerObject& o = w.objects[static_cast<size_t>(op.obj)];
  return o.cells ? &o.cells[op.cell] : nullptr;
}

void emit_cell(WorkerContext& w, const Op& op, int64_t value, const char* what) {
  EventRecord r = w.record(EventKind::value, op.obj);
  r.flags |= EventRecord::kHasValue;
  r.msg = op.cell;  // the cell index travels in msg for value events on cells
  r.value = value;
  WorkerContext::set_data(r, what);
  w.emit(r);
}

void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

}  // namespace

OpEnd do_flag_test(WorkerContext& w, const Op& op) {
  int64_t* cell = flag_cell(w, op);
  if (!cell) {
    emit_error(w, op.obj, EBADF, "shared memory not mapped");
    return OpEnd::next;
  }
  const int64_t seen = __atomic_load_n(cell, __ATOMIC_RELAXED);
  emit_cell(w, op, seen, "read");
  if (seen == 0) return OpEnd::next;
  // Still set: the process stays on this op, and its next step tests again.
  // Stepped, that is all (it waits at its gate, never in the kernel).
  // Running freely there is no gate to stop at: it busy-waits here, on the
  // CPU (kernel state R), loading the flag without a word in the log until
  // it reads 0 or the session pauses or stops, then tests again as a step.
  if (w.ctl->free_run.load(std::memory_order_relaxed)) {
    w.wake_pump();
    while (__atomic_load_n(cell, __ATOMIC_RELAXED) != 0 &&
           w.ctl->free_run.load(std::memory_order_relaxed) &&
           !w.ctl->stopping.load(std::memory_order_relaxed))
      cpu_relax();
  }
  return OpEnd::again;
}

void do_flag_store(WorkerContext& w, const Op& op) {
  int64_t* cell = flag_cell(w, op);
  if (!cell) return emit_error(w, op.obj, EBADF, "shared memory not mapped");
  // Reported before the store: whoever loads the new value afterwards can
  // never report it before this process's acquire or release.
  const bool enter = op.flag_role == FlagRole::enter;
  emit_value(w, enter ? EventKind::acquire : EventKind::release, op.obj, enter ? 1 : 0,
             enter ? "flag set: inside the critical section"
                   : "flag cleared: out of the critical section");
  emit_cell(w, op, op.value, "write");
  __atomic_store_n(cell, op.value, __ATOMIC_RELAXED);
}

}  // namespace ipclab
