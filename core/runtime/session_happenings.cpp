// What the processes did that a lesson's `happened:` may ask about: the
// signals delivered to each, the system calls each made and how they
// failed. Noted by the pump as it publishes the workers' records, each
// distinct one once, so a long run costs a lookup per call, not memory.
#include <algorithm>
#include <string_view>

#include "runtime/session_impl.hpp"

namespace ipclab {

void Session::Impl::note_happening(EventKind kind, int worker, const EventRecord& r) {
  Happening h;
  h.worker = worker;
  switch (kind) {
    case EventKind::call:
      h.syscall = r.syscall;
      break;
    case EventKind::ret:
      h.syscall = r.syscall;
      // Its own record says how it failed; one folded into a receive succeeded.
      if (r.ev == EventKind::ret && (r.flags & EventRecord::kHasErrno)) h.err = r.peer;
      break;
    case EventKind::deliver: {
      // "SIGUSR1 from pid 4711", "SIGUSR1 caught by the handler" (worker_ops.cpp).
      const std::string_view text(r.data, std::min<size_t>(r.data_len, sizeof r.data));
      const std::string_view name = text.substr(0, text.find(' '));
      for (int sig = 1; sig < 65 && h.signal == 0; ++sig)
        if (signal_display_name(sig) == name) h.signal = sig;
      if (h.signal == 0) return;
      break;
    }
    default:
      return;
  }
  if (kind != EventKind::deliver && h.syscall < 0) return;
  const uint64_t key = (static_cast<uint64_t>(static_cast<uint32_t>(worker)) << 48) ^
                       (static_cast<uint64_t>(static_cast<uint32_t>(h.signal)) << 40) ^
                       (static_cast<uint64_t>(static_cast<uint16_t>(h.syscall)) << 16) ^
                       static_cast<uint16_t>(h.err);
  if (happened_keys.insert(key).second) happened.push_back(h);
}

std::vector<Happening> Session::happenings() const {
  std::lock_guard lock(impl_->mu);
  return impl_->happened;
}

}  // namespace ipclab
