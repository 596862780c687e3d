// What the state of a synchronisation object means when a number cannot say
// it: a mutex held by a process that no longer exists.
#include "runtime/session.hpp"

namespace ipclab {

void add_dead_owner_note(ObjectStatus& o, const std::vector<WorkerStatus>& workers) {
  if (o.mechanism != ObjectKind::mutex || !o.spec || o.spec->robust || o.owner_tid_kernel <= 0)
    return;
  for (const WorkerStatus& w : workers) {
    if (w.pid != o.owner_tid_kernel) continue;
    if (w.state != WorkerState::exited && w.state != WorkerState::killed) return;
    // The kernel knows nothing of this lock: only a robust mutex is on the
    // owner's robust list, which the kernel walks when a process ends.
    o.kernel_note = "held by " + w.id.name + " (pid " + std::to_string(w.pid) +
                    "), which died holding it: a mutex that is not robust is never released";
    if (!o.waiters.empty()) o.kernel_note += ", so its waiters sleep in futex() for ever";
    return;
  }
}

}  // namespace ipclab
