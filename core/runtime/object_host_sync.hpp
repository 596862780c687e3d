// The synchronisation objects that live in the session's control block
// (shared memory every worker maps): condition variables, read-write locks,
// barriers and events, each initialised process-shared, as a C program
// would put them in a shared mapping.
#pragma once

#include <semaphore.h>

#include <cstdint>
#include <string>

#include "runtime/control_block.hpp"
#include "runtime/session_dir.hpp"
#include "scenario/scenario.hpp"

namespace ipclab {

// Initialises `slot` for `spec`; 0, or the errno with *call naming the call
// that failed.
int init_in_block(const ObjectSpec& spec, ObjectSlot& slot, const char** call);

// Semaphores, every flavor (object_host_sem.cpp): a named POSIX semaphore
// (sem_open, recorded in the manifest), an unnamed one in the control block
// (sem_init with pshared = 1) or a System V set of one semaphore (semget,
// its key recorded in the manifest and its id and key in the block, so a
// sweep removes it even when the folder is gone).
struct SemaphoreHandle {
  sem_t* sem = nullptr;  // posix_named: from sem_open; posix_unnamed: in the block
  bool in_block = false;
  int sysv_id = -1;
  std::string name;  // posix_named: the name to unlink
};
int create_semaphore(const ObjectSpec& spec, SessionDir& dir, ObjectSlot& slot, SemaphoreHandle* h,
                     const char** call);
// The count (sem_getvalue, semctl GETVAL), -1 when the kernel does not say.
int64_t semaphore_value(const SemaphoreHandle& h);
// System V: "waiting: N (GETNCNT), last semop by pid P (GETPID)"; empty otherwise.
std::string semaphore_note(const SemaphoreHandle& h);
void destroy_semaphore(SemaphoreHandle& h);
// What glibc's lock word of a process-shared rwlock says now (the readers
// count, the phase, the writer's thread id), read as the supervisor sees it
// in the shared block: "read phase: 2 readers inside; a writer waits".
std::string rwlock_note(const pthread_rwlock_t& rw);

}  // namespace ipclab
