// The event patterns of an expect's `happened:` (Expect::events): what each
// process did, from its own events, waited for with a deadline (a signal
// is delivered in the receiver's own time).
#include <algorithm>
#include <cstring>

#include "observer/kernel_probe.hpp"
#include "runtime/lesson_check.hpp"

namespace ipclab {

namespace {

bool seen(const std::vector<Happening>& hs, const Expect::EventPattern& p, int worker) {
  return std::any_of(hs.begin(), hs.end(), [&](const Happening& h) {
    if (h.worker != worker) return false;
    if (p.signal) return h.signal == p.signal;
    return h.syscall >= 0 && syscall_name(h.syscall) == p.call && (p.err == 0 || h.err == p.err);
  });
}

}  // namespace

std::string event_sentence(const Expect::EventPattern& p, const std::string& process,
                           bool happened) {
  if (p.signal) {
    const std::string sig = signal_display_name(p.signal);
    return happened ? process + " got " + sig
                    : "expected " + process + " to get " + sig + ", but it has not";
  }
  if (p.err) {
    const char* name = strerrorname_np(p.err);
    const std::string err = name ? name : std::to_string(p.err);
    return happened ? process + "'s " + p.call + "() failed with " + err
                    : "expected " + process + "'s " + p.call + "() to fail with " + err +
                          ", but it has not";
  }
  return happened ? process + " called " + p.call + "()"
                  : "expected " + process + " to call " + p.call + "(), but it has not";
}

void check_events(Session& session, const Expect& expect, ExpectOutcome& out) {
  if (expect.events.empty()) return;
  std::vector<std::pair<const Expect::EventPattern*, int>> wanted;  // pattern, worker
  for (const Expect::EventPattern& p : expect.events)
    for (int w : resolve_process_ref(session.workers(), session.scenario(), p.process))
      wanted.emplace_back(&p, w);
  std::vector<Happening> hs = session.happenings();
  auto all_seen = [&] {
    return std::all_of(wanted.begin(), wanted.end(),
                       [&](const auto& pw) { return seen(hs, *pw.first, pw.second); });
  };
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (!all_seen() && std::chrono::steady_clock::now() < deadline) {
    session.wait_for_activity(std::chrono::milliseconds(10));
    hs = session.happenings();
  }
  for (const auto& [p, w] : wanted) {
    const std::string& name = session.workers()[static_cast<size_t>(w)].name;
    const bool got = seen(hs, *p, w);
    (got ? out.passed : out.failed).push_back(event_sentence(*p, name, got));
  }
}

}  // namespace ipclab
