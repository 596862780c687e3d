// Send and receive on a channel, and what a live switch of the channel's
// mechanism asks of them. Runs inside ipclab-worker.
//
// A switchable channel has one real instance per mechanism; the control
// block names the one in use. A worker marks itself inside a call on the
// channel (WorkerSlot::in_channel_op) and then checks that no switch is
// under way; the supervisor sets ObjectSlot::switching and then kicks every
// worker it sees inside with switch_signal(). Both sides use seq_cst, so
// either the worker sees the switch and waits, or the supervisor sees the
// worker and kicks it (again and again until it is out). A kicked blocking
// call returns EINTR; the worker waits until the switch is done and makes
// the same call, with the same message, on the new instance. The kick
// signal is blocked outside these calls, so it never interrupts anything else.
#include <fcntl.h>
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>

#include "runtime/worker_emit.hpp"

namespace ipclab {

namespace {

volatile sig_atomic_t g_kicked = 0;

void on_kick(int) {
  g_kicked = 1;
}

sigset_t kick_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, switch_signal());
  return set;
}

bool switchable(const WorkerContext& w, int obj) {
  return is_switchable(w.scenario.objects[static_cast<size_t>(obj)]);
}

// Marks the worker inside a call on `obj` once no switch is under way;
// returns the instance to use.
int enter_channel(WorkerContext& w, int obj) {
  if (!switchable(w, obj)) return obj;
  ObjectSlot& slot = w.ctl->objects[obj];
  const sigset_t kick = kick_set();
  for (;;) {
    ::sigprocmask(SIG_UNBLOCK, &kick, nullptr);
    g_kicked = 0;
    w.slot->in_channel_op.store(obj + 1, std::memory_order_seq_cst);
    if (slot.switching.load(std::memory_order_seq_cst) == 0)
      return slot.active.load(std::memory_order_seq_cst);
    w.slot->in_channel_op.store(0, std::memory_order_seq_cst);
    ::sigprocmask(SIG_BLOCK, &kick, nullptr);
    w.wake_pump();
    switch_wait(slot);
  }
}

void leave_channel(WorkerContext& w, int obj) {
  if (!switchable(w, obj)) return;
  w.slot->in_channel_op.store(0, std::memory_order_seq_cst);
  const sigset_t kick = kick_set();
  ::sigprocmask(SIG_BLOCK, &kick, nullptr);
}

// The blocking call came back because the channel is switching: it did
// nothing (EINTR), the process is no longer asleep on the old instance.
bool kicked_out(WorkerContext& w, int obj, const IoResult& r) {
  if (r.err != EINTR || !g_kicked || !switchable(w, obj)) return false;
  w.set_state(WorkerState::running);
  w.slot->blocked_obj.store(-1);
  EventRecord u = w.record(EventKind::unblock, obj);
  WorkerContext::set_data(u, "the channel is switching mechanism");
  w.emit(u);
  return true;
}

ObjectKind mechanism_of(const WorkerContext& w, int inst) {
  return w.scenario.objects[static_cast<size_t>(inst)].mechanism;
}

// After a kick: waits out the switch and comes back inside a call on the
// instance now active; its end (nullptr if this process has none) and mechanism.
ChannelEnd* rejoin(WorkerContext& w, int obj, ObjectKind* mech) {
  leave_channel(w, obj);
  const int inst = enter_channel(w, obj);
  *mech = mechanism_of(w, inst);
  return w.objects[static_cast<size_t>(inst)].channel.get();
}

// The priority of a POSIX queue message, the type of a System V one.
int64_t send_tag(ObjectKind mech, const Op& op) {
  return mech == ObjectKind::sysv_mq ? (op.type > 0 ? op.type : 1) : op.priority;
}

// One end of a FIFO, opened for real: open() sleeps until the other end is
// open too (the writer knows beforehand: O_NONBLOCK says ENXIO while no
// reader is there; a reader cannot tell, so it is marked blocked for the
// call either way). Kept at its fixed number (kFifoFdBase), with a
// non-blocking twin for the worker's tries.
bool open_fifo(WorkerContext& w, int obj, int mode, int* fd, int* twin) {
  const WorkerObject& o = w.objects[static_cast<size_t>(obj)];
  emit_call(w, obj, SYS_openat);
  int got = mode == O_WRONLY ? ::open(o.path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC) : -1;
  if (got >= 0) ::fcntl(got, F_SETFL, ::fcntl(got, F_GETFL) & ~O_NONBLOCK);
  if (got < 0 && (mode != O_WRONLY || errno == ENXIO)) {
    enter_block(w, obj, SYS_openat, false);
    do {
      got = ::open(o.path.c_str(), mode | O_CLOEXEC);
    } while (got < 0 && errno == EINTR && !g_any_caught.load());
    leave_block(w, obj, got < 0 ? errno : 0);
  }
  const int err = got < 0 ? errno : 0;
  emit_return(w, obj, SYS_openat, got, err);
  if (got < 0) {
    emit_error(w, obj, err, "open failed");
    return false;
  }
  const int fixed = kFifoFdBase + 2 * obj + (mode == O_WRONLY ? 1 : 0);
  *fd = ::dup3(got, fixed, O_CLOEXEC) == fixed ? fixed : got;
  if (*fd != got) ::close(got);
  *twin = ::open(o.path.c_str(), mode | O_NONBLOCK | O_CLOEXEC);
  return true;
}

}  // namespace

ChannelEnd* open_on_first_use(WorkerContext& w, int obj) {
  WorkerObject& o = w.objects[static_cast<size_t>(obj)];
  if (o.channel || !opens_on_first_use(w.scenario.objects[static_cast<size_t>(obj)]) ||
      !(o.reads || o.writes))
    return o.channel.get();
  int r = -1, rnb = -1, wr = -1, wnb = -1;
  if (o.reads && !open_fifo(w, obj, O_RDONLY, &r, &rnb)) return nullptr;
  if (o.writes && !open_fifo(w, obj, O_WRONLY, &wr, &wnb)) {
    for (int fd : {r, rnb})
      if (fd >= 0) ::close(fd);
    return nullptr;
  }
  o.channel = fd_channel_end(r, rnb, wr, wnb);
  return o.channel.get();
}

void install_switch_kick(const WorkerContext& w) {
  bool any = false;
  for (const ObjectSpec& o : w.scenario.objects) any = any || is_switchable(o);
  if (!any) return;
  struct sigaction sa {};
  sa.sa_handler = on_kick;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a kicked call returns EINTR
  ::sigaction(switch_signal(), &sa, nullptr);
  const sigset_t kick = kick_set();
  ::sigprocmask(SIG_BLOCK, &kick, nullptr);
}

ChannelEnd* active_channel(WorkerContext& w, int obj) {
  if (obj < 0) return nullptr;
  const int active = w.ctl->objects[obj].active.load();
  return w.objects[static_cast<size_t>(active >= 0 ? active : obj)].channel.get();
}

void do_send(WorkerContext& w, const Op& op) {
  if (is_unguarded_ring(w, op.obj)) return do_ring_send(w, op);
  const int inst = enter_channel(w, op.obj);
  ChannelEnd* ch = open_on_first_use(w, inst);
  if (!ch) {
    leave_channel(w, op.obj);
    return emit_error(w, op.obj, EBADF, "this process has no end of the channel");
  }
  EventRecord s = w.record(EventKind::send, op.obj);
  s.msg = w.ctl->objects[op.obj].next_msg.fetch_add(1) + 1;
  s.bytes = static_cast<int64_t>(op.text.size());
  ObjectKind mech = mechanism_of(w, inst);
  if (mech == ObjectKind::posix_mq || mech == ObjectKind::sysv_mq) {
    s.value = send_tag(mech, op);  // the priority, or the System V message type
    s.flags |= EventRecord::kHasValue;
  }
  WorkerContext::set_data(s, op.text);
  // Reported before the call: a receiver can never report a message before
  // the sender has reported sending it. The record also stands for the call.
  s.syscall = static_cast<int16_t>(ch->send_syscall());
  s.flags |= EventRecord::kCall;
  w.emit(s);
  IoResult r = ch->send(op.text, send_tag(mech, op), false);
  for (;;) {
    if (r.err != EAGAIN) break;
    enter_block(w, op.obj, ch->send_syscall(), false);
    r = ch->send(op.text, send_tag(mech, op), true);
    if (!kicked_out(w, op.obj, r)) {
      leave_block(w, op.obj, r.err);
      break;
    }
    // The same message, once, on the instance the switch made active.
    if (!(ch = rejoin(w, op.obj, &mech))) {
      r = {EBADF, 0, 0};
      break;
    }
    r = ch->send(op.text, send_tag(mech, op), false);
  }
  leave_channel(w, op.obj);
  emit_return(w, op.obj, ch ? ch->send_syscall() : -1, r.err ? -1 : r.n, r.err);
  if (r.err && r.err != EINTR) emit_error(w, op.obj, r.err, "send failed");
}

void do_recv(WorkerContext& w, const Op& op) {
  if (is_unguarded_ring(w, op.obj)) return do_ring_recv(w, op);
  const int inst = enter_channel(w, op.obj);
  ChannelEnd* ch = open_on_first_use(w, inst);
  if (!ch) {
    leave_channel(w, op.obj);
    return emit_error(w, op.obj, EBADF, "this process has no end of the channel");
  }
  // A queue hands out whole messages (mq_receive wants a buffer of at least
  // mq_msgsize, whatever that is); a stream reads at most `max` bytes.
  auto limit = [&op](ObjectKind mech, const ChannelEnd& end) {
    if (mech == ObjectKind::posix_mq || op.max <= 0) return end.max_message();
    return static_cast<size_t>(op.max);
  };
  ObjectKind mech = mechanism_of(w, inst);
  emit_call(w, op.obj, ch->recv_syscall());
  IoResult r = ch->recv(w.buf.data(), limit(mech, *ch), false, op.type);
  for (;;) {
    if (r.err != EAGAIN) break;
    enter_block(w, op.obj, ch->recv_syscall(), false);
    r = ch->recv(w.buf.data(), limit(mech, *ch), true, op.type);
    if (!kicked_out(w, op.obj, r)) {
      leave_block(w, op.obj, r.err);
      break;
    }
    if (!(ch = rejoin(w, op.obj, &mech))) {
      r = {EBADF, 0, 0};
      break;
    }
    r = ch->recv(w.buf.data(), limit(mech, *ch), false, op.type);
  }
  leave_channel(w, op.obj);
  if (r.err) {
    emit_return(w, op.obj, ch ? ch->recv_syscall() : -1, -1, r.err);
    if (r.err != EINTR) emit_error(w, op.obj, r.err, "receive failed");
    return;
  }
  // One record for the return (its value is the byte count) and the receive.
  EventRecord e = w.record(EventKind::recv, op.obj);
  e.syscall = static_cast<int16_t>(ch->recv_syscall());
  e.flags |= EventRecord::kReturn;
  e.bytes = r.n;
  if (mech == ObjectKind::posix_mq || mech == ObjectKind::sysv_mq) {
    e.value = r.priority;
    e.flags |= EventRecord::kHasValue;
  }
  WorkerContext::set_data(e, std::string_view(w.buf.data(), static_cast<size_t>(r.n)));
  w.emit(e);
}

}  // namespace ipclab
