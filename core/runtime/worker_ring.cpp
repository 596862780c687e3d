// Send and receive on a shm_ring laid out without its semaphores
// (`semaphores: false`). Runs inside ipclab-worker.
//
// Nothing waits: a send writes slot head % capacity, a receive reads slot
// tail % capacity, each under the ring's mutex. The slot itself says what
// was there (mechanisms/shm_ring.hpp), so the worker reports exactly what
// happened as a `race` event: a message overwritten before anyone read it
// (overflow), or a slot read where nothing new was written (underflow).
// Such a channel has no alternatives, so no live switch is ever under way.
#include <sys/syscall.h>

#include <algorithm>
#include <cerrno>
#include <string>

#include "mechanisms/shm_ring.hpp"
#include "runtime/worker_emit.hpp"

namespace ipclab {

namespace {

// The race event's text fits in a record (80 bytes): a quoted excerpt of
// the stale bytes, cut to what is left.
std::string excerpt(std::string_view data, size_t room) {
  if (data.size() + 2 <= room) return "\"" + std::string(data) + "\"";
  if (room < 6) return "...";
  return "\"" + std::string(data.substr(0, room - 5)) + "\"...";
}

void emit_race(WorkerContext& w, int obj, int64_t msg, const std::string& text) {
  EventRecord r = w.record(EventKind::race, obj);
  r.msg = msg;
  WorkerContext::set_data(r, text);
  w.emit(r);
}

}  // namespace

bool is_unguarded_ring(const WorkerContext& w, int obj) {
  if (obj < 0 || static_cast<size_t>(obj) >= w.scenario.objects.size()) return false;
  const ObjectSpec& spec = w.scenario.objects[static_cast<size_t>(obj)];
  return spec.mechanism == ObjectKind::shm_ring && !spec.semaphores;
}

void do_ring_send(WorkerContext& w, const Op& op) {
  void* ring = w.objects[static_cast<size_t>(op.obj)].ring;
  if (!ring) return emit_error(w, op.obj, EBADF, "this process has no end of the channel");
  EventRecord s = w.record(EventKind::send, op.obj);
  s.msg = w.ctl->objects[op.obj].next_msg.fetch_add(1) + 1;
  s.bytes = static_cast<int64_t>(op.text.size());
  WorkerContext::set_data(s, op.text);
  // Reported before the copy, as every send: a receiver never reports a
  // message before its sender. The futex is the mutex's, if it must wait.
  s.syscall = SYS_futex;
  s.flags |= EventRecord::kCall;
  w.emit(s);
  RingSlotUse use;
  const int err = shm_ring_send_unguarded(ring, op.text, s.msg, &use);
  emit_return(w, op.obj, SYS_futex, err ? -1 : static_cast<int64_t>(op.text.size()), err);
  if (err) return emit_error(w, op.obj, err, "send failed");
  // The message it replaced leaves the channel unread (StateModel drops it by msg).
  if (use.overwrote > 0)
    emit_race(w, op.obj, use.overwrote,
              std::string(kOverflowPrefix) + " message #" + std::to_string(s.msg) +
                  " overwrote message #" + std::to_string(use.overwrote) + " in slot " +
                  std::to_string(use.slot) + " before it was read");
}

void do_ring_recv(WorkerContext& w, const Op& op) {
  void* ring = w.objects[static_cast<size_t>(op.obj)].ring;
  if (!ring) return emit_error(w, op.obj, EBADF, "this process has no end of the channel");
  emit_call(w, op.obj, SYS_futex);
  const size_t max = op.max > 0 ? static_cast<size_t>(op.max) : shm_ring_slot_size(ring);
  RingSlotUse use;
  const int err = shm_ring_recv_unguarded(ring, w.buf.data(), std::min(max, w.buf.size()), &use);
  if (err) {
    emit_return(w, op.obj, SYS_futex, -1, err);
    return emit_error(w, op.obj, err, "receive failed");
  }
  const std::string_view got(w.buf.data(), use.bytes);
  if (!use.fresh) {
    // Bytes came out, but no message: a return with the byte count, no
    // `recv` (StateModel takes nothing out of the channel), and the race.
    emit_return(w, op.obj, SYS_futex, static_cast<int64_t>(use.bytes), 0);
    const std::string lead =
        std::string(kUnderflowPrefix) + " read slot " + std::to_string(use.slot);
    if (use.seq == 0) {
      emit_race(w, op.obj, -1, lead + ", where nothing was ever written (empty)");
    } else {
      const std::string head = lead + ", where nothing new was written (stale data: ";
      emit_race(w, op.obj, use.seq,
                head + excerpt(got, sizeof(EventRecord::data) - head.size() - 1) + ")");
    }
    return;
  }
  // One record for the return and the receive, as on every channel; the
  // slot names the message, so StateModel takes exactly that one.
  EventRecord e = w.record(EventKind::recv, op.obj);
  e.syscall = SYS_futex;
  e.flags |= EventRecord::kReturn;
  e.bytes = static_cast<int64_t>(use.bytes);
  e.msg = use.seq;
  WorkerContext::set_data(e, got);
  w.emit(e);
}

}  // namespace ipclab
