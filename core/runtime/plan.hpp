// A worker's script flattened into the linear list of ops it executes, one
// per step: repeats unrolled, templates filled in, `critical` turned into
// lock/body/unlock (test/set/body/clear for a flag), `add` with expand
// turned into load/compute/store. An op may run again as the next step
// while its condition holds (a spin loop): the list stays linear.
// Supervisor and worker build the same plan from the same scenario, so an op
// index means the same thing on both sides.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "scenario/scenario.hpp"

namespace ipclab {

enum class OpKind : uint8_t {
  send,
  recv,
  sem_wait,
  sem_post,
  sem_trywait,
  mutex_lock,
  mutex_unlock,
  mutex_trylock,
  shm_read,
  shm_write,
  shm_add,
  shm_load,
  shm_compute,
  shm_store,
  signal,
  sigwait,
  on_signal,
  sleep,
  compute,
  print,
  exit,
  exec,
  rpc_call,
  rpc_serve,
  mutex_consistent,
  rw_rdlock,
  rw_wrlock,
  rw_unlock,
  cond_wait,
  cond_signal,
  cond_broadcast,
  file_lock,
  file_unlock,
  event_set,
  event_reset,
  event_wait,
  barrier_wait,
  measure,
  unsupported,
};

// An op that runs again, as the process's next step, while its condition
// holds after it ran: the op index does not advance. `cell_nonzero`: a read
// of a shared cell that saw anything but 0 (`while (flag != 0) ;`).
enum class RepeatWhile : uint8_t { never, cell_nonzero };

// A store into a shared cell that is also the entry into (store 1) or the
// exit from (store 0) a critical section guarded by that flag: the worker
// reports acquire or release on the object, so the simulator sees who is
// inside a hand-made lock.
enum class FlagRole : uint8_t { none, enter, leave };

struct Op {
  OpKind kind = OpKind::print;
  ActionKind action = ActionKind::print;
  int obj = -1;              // object index
  std::vector<int> targets;  // signal: worker indices
  std::string text;          // send data / print text, templates filled in
  int64_t value = 0;
  bool has_value = false;
  int64_t priority = 0;
  int64_t type = 0;  // sysv_mq: message type to send, or which to receive
  int64_t max = 0;
  int64_t timeout_ms = -1;
  int cell = 0;
  RepeatWhile repeat_while = RepeatWhile::never;
  FlagRole flag_role = FlagRole::none;
  int sig = 0;
  bool restart = false;
  std::vector<int> sigs;
  SourcePos pos;
  std::vector<std::string> argv;  // exec: the program and its arguments
  int in_obj = -1,
      out_obj = -1;   // exec: channels bound to stdin and stdout; cond_wait: in_obj = its mutex
  std::string style;  // file_lock: fcntl | flock | ofd (text: shared | exclusive)
  int64_t start = 0, len = 0;  // file_lock: the byte range (len 0 = to the end of the file)
  std::string label;           // what a student reads: `send "item 3" to buffer`
  std::string c_call;          // the C behind it: `write(buffer[1], "item 3", 6)`
};

// One running instance of a process spec.
struct WorkerIdentity {
  int index = 0;     // position in the session's worker list
  int process = 0;   // index into Scenario::processes
  int instance = 1;  // 1-based, k of name#k
  std::string name;  // "producer", or "adder#2" when count > 1
};

std::vector<WorkerIdentity> enumerate_workers(const Scenario& s);

// Worker indices a process reference ("consumer" = every instance,
// "adder#2" = one) names; empty when none.
std::vector<int> resolve_process_ref(const std::vector<WorkerIdentity>& workers, const Scenario& s,
                                     const std::string& ref);

std::vector<Op> make_plan(const Scenario& s, const std::vector<WorkerIdentity>& workers,
                          int worker_index);

std::string_view to_string(OpKind);
// The channel an op reads from (recv, exec's stdin) or writes to (send,
// exec's stdout), or -1.
int read_obj(const Op& op);
int write_obj(const Op& op);
// True for ops that may block (the worker tries first and reports block/unblock).
bool may_block(OpKind);

}  // namespace ipclab
