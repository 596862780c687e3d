// The events every op writes the same way (a call, its return, an error,
// block and unblock around a blocking call), shared by the op files of the
// worker: worker_ops.cpp, worker_ops_exec.cpp, worker_ops_rpc.cpp,
// worker_ops_flag.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "runtime/worker_context.hpp"

namespace ipclab {

std::string sig_name(int sig);
void emit_call(WorkerContext& w, int obj, long nr);
// `detail`: words for a return that succeeded ("ps runs as pid 4711").
void emit_return(WorkerContext& w, int obj, long nr, int64_t value, int err,
                 std::string_view detail = {});
void emit_error(WorkerContext& w, int obj, int err, std::string_view what);
void emit_value(WorkerContext& w, EventKind ev, int obj, int64_t value, std::string_view detail);
// block ... unblock around a call that the non-blocking try said would
// wait. `on_child`: waiting for a program it started, which runs on its
// own: not a wait another ipclab process must end (the deadlock check skips it).
void enter_block(WorkerContext& w, int obj, long nr, bool timed, bool on_child = false);
void leave_block(WorkerContext& w, int obj, int err);

// Channels (worker_channel.cpp). A switchable channel's calls follow a
// live switch of its mechanism; the kick that moves a worker off the old
// instance is installed once at start.
void install_switch_kick(const WorkerContext& w);
void do_send(WorkerContext& w, const Op& op);
void do_recv(WorkerContext& w, const Op& op);
// The end of `obj` in use now (a switchable channel's active instance).
ChannelEnd* active_channel(WorkerContext& w, int obj);
// A FIFO this process has not opened yet is opened now, with the open's own
// events (it may block until the other end is open); nullptr if that failed.
ChannelEnd* open_on_first_use(WorkerContext& w, int obj);

// A flag in shared memory used as a lock (worker_ops_flag.cpp): the test
// that spins while the flag is set, and the set and clear that also report
// acquire and release.
OpEnd do_flag_test(WorkerContext& w, const Op& op);
void do_flag_store(WorkerContext& w, const Op& op);
// A shm_ring without its semaphores (worker_ring.cpp): never waits, and
// reports an overwritten or stale slot as a `race`.
bool is_unguarded_ring(const WorkerContext& w, int obj);
void do_ring_send(WorkerContext& w, const Op& op);
void do_ring_recv(WorkerContext& w, const Op& op);

// exec (worker_ops_exec.cpp) and rpc (worker_ops_rpc.cpp).
void do_exec(WorkerContext& w, const Op& op);
void do_rpc_call(WorkerContext& w, const Op& op);
void do_rpc_serve(WorkerContext& w, const Op& op);
// measure: threads sharing memory against a pipe (worker_ops_measure.cpp).
void do_measure(WorkerContext& w, const Op& op);

}  // namespace ipclab
