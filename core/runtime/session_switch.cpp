// A live switch of a channel's mechanism (Session::switch_channel): the
// supervisor's half of the protocol described in worker_channel.cpp.
//
// 1. `switching` is set; every worker inside a call on the channel is kicked
//    out (switch_signal) until none is left inside. Workers that arrive
//    later wait on the futex.
// 2. Two pump passes put every event about the channel into the model, so
//    it knows where each message in flight begins and ends.
// 3. What the old instance holds is read out and written into the new one
//    in the order a receiver would have got it (a byte stream is cut at the
//    boundaries the model knows). If the new one cannot take it all, it all
//    goes back where it was and the switch is refused.
// 4. The new instance becomes the active one, a `switch` event is queued,
//    and the workers are let go; they retry their call on the new instance.
#include <signal.h>
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "runtime/session_impl.hpp"

namespace ipclab {

namespace {

struct Unit {
  std::string data;
  int64_t priority = 0;
};

std::string errno_words(int err) {
  const char* name = strerrorname_np(err);
  return std::string(name ? name : "errno") + " (" + std::strerror(err) + ")";
}

std::string kinds_list(const std::vector<ObjectKind>& kinds) {
  std::string out;
  for (ObjectKind k : kinds) out += (out.empty() ? "" : ", ") + std::string(to_string(k));
  return out;
}

// Everything `from` holds now, as the messages a receiver would get them.
std::vector<Unit> take_all(ChannelEnd& from, bool boundaries,
                           const std::vector<StateModel::Held>& model) {
  std::vector<Unit> units;
  std::string bytes;
  std::vector<char> buf(std::max<size_t>(from.max_message(), 65536));
  for (;;) {
    const IoResult r = from.recv(buf.data(), buf.size(), false, 0);
    if (r.err || (!boundaries && r.n == 0)) break;  // empty (EAGAIN), or no writer left
    if (boundaries)
      units.push_back({std::string(buf.data(), static_cast<size_t>(r.n)), r.priority});
    else
      bytes.append(buf.data(), static_cast<size_t>(r.n));
  }
  if (boundaries) return units;
  // A stream has no boundaries of its own: cut it where the sends were.
  size_t at = 0;
  for (const StateModel::Held& h : model) {
    if (at >= bytes.size()) break;
    const size_t n =
        std::min(static_cast<size_t>(std::max<int64_t>(h.bytes, 0)), bytes.size() - at);
    if (n == 0) continue;
    units.push_back({bytes.substr(at, n), h.priority});
    at += n;
  }
  if (at < bytes.size()) units.push_back({bytes.substr(at), 0});
  return units;
}

long proc_number(const char* path, long fallback) {
  std::FILE* f = std::fopen(path, "r");
  long v = fallback;
  if (f) {
    if (std::fscanf(f, "%ld", &v) != 1) v = fallback;
    std::fclose(f);
  }
  return v;
}

// Whether the (empty) instance `spec` surely takes the messages the model
// says are in flight; if not, why. Checked before anything moves: a stream
// whose senders are gone cannot take its bytes back.
std::string wont_fit(const ObjectSpec& spec, const std::vector<StateModel::Held>& held) {
  size_t bytes = 0, biggest = 0;
  for (const StateModel::Held& h : held) {
    bytes += static_cast<size_t>(std::max<int64_t>(h.bytes, 0));
    biggest = std::max(biggest, static_cast<size_t>(std::max<int64_t>(h.bytes, 0)));
  }
  size_t max_messages = held.size(), max_bytes = bytes, max_one = biggest;
  const std::string what = std::string(to_string(spec.mechanism));
  switch (spec.mechanism) {
    case ObjectKind::posix_mq:
    case ObjectKind::shm_ring:
      max_messages = static_cast<size_t>(spec.capacity > 0 ? spec.capacity : 8);
      max_one = static_cast<size_t>(spec.message_size > 0 ? spec.message_size : 128);
      break;
    case ObjectKind::sysv_mq:
      max_bytes = static_cast<size_t>(
          spec.capacity > 0 ? spec.capacity : proc_number("/proc/sys/kernel/msgmnb", 16384));
      max_one = sysv_msgmax();
      break;
    case ObjectKind::pipe:
    case ObjectKind::fifo:
    case ObjectKind::unix_stream:
    case ObjectKind::tcp:
      max_bytes = 65536;  // a pipe's buffer; a socket's holds more
      break;
    case ObjectKind::unix_dgram:
      max_messages = static_cast<size_t>(proc_number("/proc/sys/net/unix/max_dgram_qlen", 10));
      break;
    case ObjectKind::udp:
      max_messages = 64;  // well inside the receive buffer
      break;
    default:
      break;
  }
  if (biggest > max_one)
    return "a message in flight is " + std::to_string(biggest) + " bytes, more than a " + what +
           " message may be (" + std::to_string(max_one) + ")";
  if (held.size() > max_messages)
    return "the " + what + " cannot hold the " + std::to_string(held.size()) +
           " messages in flight (it holds " + std::to_string(max_messages) + ")";
  if (bytes > max_bytes)
    return "the " + what + " cannot hold the " + std::to_string(bytes) +
           " bytes in flight (it holds " + std::to_string(max_bytes) + ")";
  return {};
}

// Writes the units into `to` without waiting; the index of the first one it
// could not take whole (units.size() when all went in) and why in *err.
size_t put_all(ChannelEnd& to, ObjectKind kind, const std::vector<Unit>& units, int* err) {
  for (size_t i = 0; i < units.size(); ++i) {
    const IoResult r = to.send(units[i].data, moved_message_tag(kind, units[i].priority), false);
    if (r.err || static_cast<size_t>(r.n) != units[i].data.size()) {
      *err = r.err ? r.err : EAGAIN;
      return i;
    }
  }
  return units.size();
}

void drain(ChannelEnd& end) {
  std::vector<char> buf(std::max<size_t>(end.max_message(), 65536));
  while (end.recv(buf.data(), buf.size(), false, 0).n > 0) {
  }
}

// The supervisor's end of one instance: both directions when it can (to
// put messages back), else the one the move needs.
std::unique_ptr<ChannelEnd> end_of(const ObjectHost& host, int inst, bool need_read,
                                   const ObjectHost::FdLender& lend) {
  int err = 0;
  if (auto both = host.open_end(inst, true, true, lend, &err)) return both;
  return host.open_end(inst, need_read, !need_read, lend, &err);
}

}  // namespace

bool Session::switch_channel(int obj, ObjectKind mechanism, std::string* error) {
  return impl_->switch_channel(obj, mechanism, error);
}

bool Session::Impl::switch_channel(int obj, ObjectKind to, std::string* error) {
  std::lock_guard one(switch_mu);
  if (!ctl || stopped.load()) {
    *error = "the session has ended";
    return false;
  }
  if (obj < 0 || static_cast<size_t>(obj) >= scenario.objects.size()) {
    *error = "there is no such object";
    return false;
  }
  const ObjectSpec& spec = scenario.objects[static_cast<size_t>(obj)];
  if (!is_switchable(spec)) {
    *error = "'" + spec.name + "' is a " + std::string(to_string(mechanism(obj))) +
             "; only a channel that lists alternatives can switch";
    return false;
  }
  const auto at = std::find(spec.runs_on.begin(), spec.runs_on.end(), to);
  if (at == spec.runs_on.end()) {
    *error = "'" + spec.name + "' cannot run on " + std::string(to_string(to)) +
             "; it can run on " + kinds_list(spec.runs_on);
    return false;
  }
  const ObjectKind from_kind = mechanism(obj);
  if (from_kind == to) return true;
  for (const std::vector<Op>& plan : plans)
    for (const Op& op : plan)
      if (op.kind == OpKind::exec && (op.in_obj == obj || op.out_obj == obj)) {
        *error = "a program started with exec uses '" + spec.name +
                 "' as its standard input or output; it cannot change under it";
        return false;
      }

  ObjectSlot& slot = ctl->objects[obj];
  const int from_inst = slot.active.load();
  // The instances are in the runtime copy of the scenario, in runs_on order.
  const int to_inst = runtime.objects[static_cast<size_t>(obj)]
                          .instances[static_cast<size_t>(at - spec.runs_on.begin())];
  const uint64_t began = monotonic_ns();
  slot.switching.store(1, std::memory_order_seq_cst);
  auto let_go = [&slot] {
    slot.switching.store(0, std::memory_order_seq_cst);
    switch_wake_all(slot);
  };
  auto refuse = [&](const std::string& why) {
    let_go();
    *error = why + "; '" + spec.name + "' stays a " + std::string(to_string(from_kind));
    return false;
  };

  // 1. Everyone out of their calls on the channel.
  std::vector<Child> kids;
  {
    std::lock_guard lock(mu);
    kids = child_view;
  }
  for (;;) {
    std::string inside;
    for (size_t i = 0; i < kids.size() && i < ids.size(); ++i) {
      if (kids[i].reaped ||
          ctl->workers[i].in_channel_op.load(std::memory_order_seq_cst) != obj + 1)
        continue;
      const ProcessTruth t = probe_process(kids[i].pid);
      if (!t.alive || t.state == 'Z') continue;  // died inside the call
      inside = ids[i].name;
      ::kill(kids[i].pid, switch_signal());
    }
    if (inside.empty()) break;
    if (monotonic_ns() - began > 2'000'000'000ull)
      return refuse("process '" + inside + "' did not leave its call within 2 s (is it stopped?)");
    const timespec pause{0, 200'000};
    ::nanosleep(&pause, nullptr);
  }

  // 2. The model has every event about the channel.
  request_drain_and_wait();
  std::vector<StateModel::Held> held;
  {
    std::lock_guard lock(mu);
    held = model.held(obj);
    kids = child_view;
  }

  // 3. Move what is in flight, if the new mechanism surely holds it.
  if (const std::string why = wont_fit(runtime.objects[static_cast<size_t>(to_inst)], held);
      !why.empty())
    return refuse(why);
  const ObjectHost::FdLender lend = lender(kids);
  const std::optional<int64_t> waiting = host.kernel_fill(from_inst, lend);
  std::unique_ptr<ChannelEnd> dest;
  if (!held.empty() || waiting.value_or(0) > 0) {
    // Where it goes first: nothing leaves the old instance without a place.
    dest = end_of(host, to_inst, false, lend);
    if (!dest)
      return refuse("no process holds the sending end of the " + std::string(to_string(to)) +
                    " any more");
  }
  std::unique_ptr<ChannelEnd> from = end_of(host, from_inst, true, lend);
  std::vector<Unit> units;
  if (from && dest) units = take_all(*from, keeps_message_boundaries(from_kind), held);
  size_t bytes = 0;
  for (const Unit& u : units) bytes += u.data.size();
  if (!units.empty()) {
    int err = 0;
    size_t put = 0;
    std::string why;
    if (!dest) {
      why = "no process holds the sending end of the " + std::string(to_string(to)) + " any more";
    } else {
      for (const Unit& u : units)
        if (u.data.size() > dest->max_message() && why.empty())
          why = "a message in flight is " + std::to_string(u.data.size()) + " bytes, more than a " +
                std::string(to_string(to)) + " message may be (" +
                std::to_string(dest->max_message()) + ")";
      if (why.empty()) put = put_all(*dest, to, units, &err);
      if (why.empty() && put < units.size())
        why = "the " + std::string(to_string(to)) + " cannot hold the " +
              std::to_string(units.size()) + " messages in flight (it took " + std::to_string(put) +
              ", then " + errno_words(err) + ")";
    }
    if (!why.empty()) {
      // Everything back where it was, in the same order.
      if (dest) drain(*dest);
      int back_err = EBADF;
      const size_t back = from ? put_all(*from, from_kind, units, &back_err) : 0;
      if (back < units.size())
        why += "; " + std::to_string(units.size() - back) + " of them could not go back (" +
               errno_words(back_err) + ")";
      return refuse(why);
    }
  }

  dest.reset();
  from.reset();
  // 4. The new instance is the channel now. The supervisor gives up its
  // write end of it (its readers see end of file when the last sender
  // goes) and keeps one of the old, to fill it again on a switch back.
  host.drop_write_end(to_inst);
  host.keep_write_end(from_inst, lend(from_inst, 1));
  const uint64_t took = monotonic_ns() - began;
  slot.mechanism.store(static_cast<uint32_t>(to), std::memory_order_seq_cst);
  slot.active.store(to_inst, std::memory_order_seq_cst);
  mechanism_now[static_cast<size_t>(obj)].store(static_cast<uint32_t>(to));
  Event e;
  e.t_ns = now_since(*ctl);
  e.ev = EventKind::switch_;
  e.obj = obj;
  e.obj_name = spec.name;
  e.data = std::string(to_string(to));
  e.value = static_cast<int64_t>(units.size());
  e.bytes = static_cast<int64_t>(bytes);
  char ms[32];
  std::snprintf(ms, sizeof ms, "%.1f", static_cast<double>(took) / 1e6);
  e.detail = std::string(to_string(from_kind)) + " -> " + std::string(to_string(to)) + ": " +
             std::to_string(units.size()) + (units.size() == 1 ? " message" : " messages") +
             " in flight carried over (" + std::to_string(bytes) + " bytes) in " + ms + " ms";
  {
    std::lock_guard lock(mu);
    injected.push_back(std::move(e));
  }
  poke_pump();
  let_go();
  return true;
}

}  // namespace ipclab
