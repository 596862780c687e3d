// A worker's synchronisation actions beyond mutexes, each a real call on a
// process-shared object: semaphores of every flavor (worker_ops_sem.cpp),
// read-write locks and file locks (worker_ops_locks.cpp), condition
// variables, events and barriers (worker_ops_wait.cpp).
#pragma once

#include "runtime/plan.hpp"
#include "runtime/worker_context.hpp"

namespace ipclab {

void do_sem(WorkerContext& w, const Op& op);        // sem_wait, sem_post, sem_trywait
void do_rwlock(WorkerContext& w, const Op& op);     // rw_rdlock, rw_wrlock, rw_unlock
void do_file_lock(WorkerContext& w, const Op& op);  // file_lock, file_unlock
void do_cond(WorkerContext& w, const Op& op);       // cond_wait, cond_signal, cond_broadcast
void do_event(WorkerContext& w, const Op& op);      // event_set, event_reset, event_wait
void do_barrier(WorkerContext& w, const Op& op);    // barrier_wait
// Before a process ends by itself (its script done, or `exit:`): an event on
// each mutex it still holds, saying what becomes of it (robust or not).
void note_mutexes_held_at_exit(WorkerContext& w);

}  // namespace ipclab
