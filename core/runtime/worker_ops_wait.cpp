#include <errno.h>

#include "runtime/worker_emit.hpp"
#include "runtime/worker_sync.hpp"

namespace ipclab {

void do_cond(WorkerContext& w, const Op& op) {
  emit_error(w, op.obj, ENOTSUP, "condition variables are not available yet");
}

void do_event(WorkerContext& w, const Op& op) {
  emit_error(w, op.obj, ENOTSUP, "events are not available yet");
}

void do_barrier(WorkerContext& w, const Op& op) {
  emit_error(w, op.obj, ENOTSUP, "barriers are not available yet");
}

}  // namespace ipclab
