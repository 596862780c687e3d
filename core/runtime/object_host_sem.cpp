// Semaphores of every flavor, the supervisor's side: made before the
// workers start, asked for their count while they run, removed at the end.
#include <fcntl.h>
#include <sys/sem.h>

#include <cerrno>

#include "runtime/object_host_sync.hpp"

namespace ipclab {

int create_semaphore(const ObjectSpec& spec, SessionDir& dir, ObjectSlot& slot, SemaphoreHandle* h,
                     const char** call) {
  const auto initial = static_cast<unsigned>(spec.initial);
  if (spec.flavor == "posix_unnamed") {
    // In the control block, which every worker maps: the shared mapping a
    // C program would place it in, so pshared = 1.
    *call = "sem_init";
    if (::sem_init(&slot.unnamed_sem, 1, initial) != 0) return errno;
    h->sem = &slot.unnamed_sem;
    h->in_block = true;
    return 0;
  }
  if (spec.flavor == "sysv") {
    // A set of one semaphore under a key hashed from the session's name for
    // it, recorded before it exists (IPC_EXCL: never someone else's set).
    const key_t key = sysv_key(dir.object_name(spec.name));
    dir.record("sysvsem", std::to_string(key));
    *call = "semget";
    const int id = ::semget(key, 1, IPC_CREAT | IPC_EXCL | 0600);
    if (id < 0) return errno;
    h->sysv_id = id;
    slot.sysv_sem_id = id;
    slot.sysv_sem_key = static_cast<int32_t>(key);
    *call = "semctl(SETVAL)";
    if (::semctl(id, 0, SETVAL, static_cast<int>(initial)) != 0) return errno;
    return 0;
  }
  h->name = dir.object_name(spec.name);
  dir.record("sem", h->name);
  *call = "sem_open";
  h->sem = ::sem_open(h->name.c_str(), O_CREAT | O_EXCL, 0600, initial);
  if (h->sem == SEM_FAILED) {
    h->sem = nullptr;
    const int err = errno;
    h->name.clear();  // not ours to unlink
    return err;
  }
  return 0;
}

int64_t semaphore_value(const SemaphoreHandle& h) {
  if (h.sysv_id >= 0) {
    const int v = ::semctl(h.sysv_id, 0, GETVAL);
    return v < 0 ? -1 : v;
  }
  int v = 0;
  if (h.sem && ::sem_getvalue(h.sem, &v) == 0) return v;
  return -1;
}

std::string semaphore_note(const SemaphoreHandle& h) {
  if (h.sysv_id < 0) return {};
  const int waiting = ::semctl(h.sysv_id, 0, GETNCNT);
  const int last = ::semctl(h.sysv_id, 0, GETPID);
  if (waiting < 0 || last < 0) return {};
  return "waiting: " + std::to_string(waiting) + " (GETNCNT), last semop by pid " +
         std::to_string(last) + " (GETPID)";
}

void destroy_semaphore(SemaphoreHandle& h) {
  if (h.sysv_id >= 0) ::semctl(h.sysv_id, 0, IPC_RMID);
  if (h.sem && h.in_block) ::sem_destroy(h.sem);
  if (h.sem && !h.in_block) ::sem_close(h.sem);
  if (!h.name.empty()) ::sem_unlink(h.name.c_str());
  h = SemaphoreHandle{};
}

}  // namespace ipclab
