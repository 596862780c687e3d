#include <errno.h>

#include "runtime/worker_emit.hpp"
#include "runtime/worker_sync.hpp"

namespace ipclab {

void do_rwlock(WorkerContext& w, const Op& op) {
  emit_error(w, op.obj, ENOTSUP, "read-write locks are not available yet");
}

void do_file_lock(WorkerContext& w, const Op& op) {
  emit_error(w, op.obj, ENOTSUP, "file locks are not available yet");
}

}  // namespace ipclab
