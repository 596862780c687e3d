// The synchronisation objects that live in the session's control block
// (shared memory every worker maps): condition variables, read-write locks,
// barriers and events, each initialised process-shared, as a C program
// would put them in a shared mapping.
#pragma once

#include <string>

#include "runtime/control_block.hpp"
#include "scenario/scenario.hpp"

namespace ipclab {

// Initialises `slot` for `spec`; 0, or the errno with *call naming the call
// that failed.
int init_in_block(const ObjectSpec& spec, ObjectSlot& slot, const char** call);

// What glibc's lock word of a process-shared rwlock says now (the readers
// count, the phase, the writer's thread id), read as the supervisor sees it
// in the shared block: "read phase: 2 readers inside; a writer waits".
std::string rwlock_note(const pthread_rwlock_t& rw);

}  // namespace ipclab
