// A Session with real ipclab-worker processes, started from a scenario
// written inline in the test, with a private runtime base in a temporary
// folder. Everything is stopped and removed when the LiveSession goes away,
// also after a failed assertion.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/session.hpp"
#include "system_probe.hpp"

namespace ipclab::live {

using namespace std::chrono_literals;

// Generous: these deadlines only matter when something is broken.
inline constexpr std::chrono::milliseconds kDeadline = 10s;

// The four lines every inline scenario starts with.
std::string scenario_text(std::string_view objects_and_processes);

class LiveSession {
 public:
  // Loads `yaml` and starts it; nullptr (and a test failure saying why)
  // when the scenario does not load or the session does not start.
  static std::unique_ptr<LiveSession> start(std::string_view yaml, SessionOptions opts = {});
  ~LiveSession();
  LiveSession(const LiveSession&) = delete;
  LiveSession& operator=(const LiveSession&) = delete;

  Session& session() { return *session_; }
  int index(const std::string& name) const;
  pid_t pid(const std::string& name);
  std::string tag() const { return tag_; }
  const std::string& folder() const { return folder_; }
  const std::string& runtime_base() const { return base_; }

  // Grants one step and waits until it settled (a failure if it does not).
  StepResult step(const std::string& name);
  int step_all();
  void settle();

  // Moves what the session gathered into events(); returns only the new ones.
  std::vector<Event> collect();
  const std::vector<Event>& events() const { return events_; }
  // Collects until `done(events())` holds; false after the deadline.
  bool wait_for(const std::function<bool(const std::vector<Event>&)>& done,
                std::chrono::milliseconds timeout = kDeadline);
  bool wait_finished(std::chrono::milliseconds timeout = kDeadline);
  // Snapshot after a settle, so the kernel sample matches the events.
  Snapshot snapshot() { return session_->snapshot(); }

  // Events of one kind (and one process, unless proc is empty), gathered so far.
  std::vector<Event> of(EventKind ev, const std::string& proc = "") const;

  // Stops the session (workers, objects, folder) now.
  void stop();

 private:
  LiveSession() = default;
  TempDir temp_;
  std::string base_, folder_, tag_;
  std::unique_ptr<Session> session_;
  std::vector<Event> events_;
  std::vector<bool> exited_;  // per worker: its exit event was seen
};

const WorkerStatus& worker_in(const Snapshot& s, const std::string& name);
const ObjectStatus& object_in(const Snapshot& s, const std::string& name);
// From a temporary snapshot: a copy, so `const auto& w = worker_in(ls->snapshot(), ..)` is safe.
inline WorkerStatus worker_in(Snapshot&& s, const std::string& name) {
  return worker_in(static_cast<const Snapshot&>(s), name);
}
inline ObjectStatus object_in(Snapshot&& s, const std::string& name) {
  return object_in(static_cast<const Snapshot&>(s), name);
}
std::vector<std::string> data_of(const std::vector<Event>& events);

// Blocked as the worker reports it, and asleep in the kernel in `syscall`
// (state S, /proc/PID/syscall read here, not taken from the session).
void expect_asleep_in(LiveSession& ls, const std::string& name, const std::string& syscall);
// Whether `worker` is among the object's holders.
bool holds(const ObjectStatus& o, int worker);

// What a session leaves behind: live workers, /dev/shm entries and
// queues of its tag, its folder. Empty when nothing leaked.
std::string leftovers(const std::string& tag, const std::string& folder,
                      const std::vector<pid_t>& pids, const std::vector<std::string>& queues,
                      const std::vector<key_t>& sysv_queues = {});

}  // namespace ipclab::live
