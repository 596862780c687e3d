// Internals of Session shared by session.cpp (lifecycle, stepping) and
// session_pump.cpp (the pump thread). Not part of the public API.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "runtime/event_batch.hpp"
#include "runtime/object_host.hpp"
#include "runtime/session.hpp"
#include "runtime/session_dir.hpp"
#include "runtime/state_model.hpp"

namespace ipclab {

struct Child {
  pid_t pid = -1;
  int pidfd = -1;
  bool reaped = false;
  int exit_code = -1;
  int term_signal = 0;
};

struct Session::Impl {
  Scenario scenario;  // as the consumers see it
  Scenario runtime;   // plus the instances of switchable channels (add_channel_instances)
  // Per scenario object: the mechanism it runs on now (a switch changes it).
  std::vector<std::atomic<uint32_t>> mechanism_now;
  ObjectKind mechanism(int obj) const {
    return static_cast<ObjectKind>(mechanism_now[static_cast<size_t>(obj)].load());
  }
  // The object the kernel is asked about: a switchable channel's active
  // instance, else obj itself.
  int instance(int obj) const {
    const int a = ctl ? ctl->objects[obj].active.load() : -1;
    return a >= 0 ? a : obj;
  }
  SessionOptions opts;
  std::vector<WorkerIdentity> ids;
  std::vector<std::vector<Op>> plans;
  SessionDir dir;
  std::string ctl_name;
  ControlBlock* ctl = nullptr;
  size_t ctl_size = 0;
  ObjectHost host;
  int wake_fd = -1;             // workers -> pump (eventfd, inherited)
  int notify_fd = -1;           // pump -> consumer (eventfd)
  int cmd_fd = -1;              // consumer -> pump (eventfd)
  std::vector<Child> children;  // pump thread only, after start
  std::thread pump;
  std::atomic<bool> quit{false};
  std::atomic<bool> stopped{false};
  std::atomic<uint64_t> drain_wanted{0};  // pump keeps passing until drained_gen reaches it

  // Guarded by mu.
  mutable std::mutex mu;
  std::condition_variable cv;
  EventBatch outbox;  // raw until a consumer takes it
  EventBatch spare;   // an emptied batch whose buffers the next outbox reuses
  StateModel model;
  RunMode mode = RunMode::stepping;
  double speed = 0;  // steps per second while running; <= 0 = free
  std::optional<std::string> deadlock;
  std::vector<WaitLink> deadlock_cycle;
  uint64_t drained_gen = 0;  // pump: drain passes completed
  uint64_t activity = 0;     // bumps on every event batch or state change
  std::vector<std::optional<int64_t>> last_kernel_fill;
  std::vector<ProcessTruth> last_truth;
  std::vector<Child> child_view;            // copy of children for other threads
  std::vector<WorkerStatus> final_workers;  // after stop(): the last snapshot's
  uint64_t final_dropped = 0, final_full_waits = 0;

  Impl(const Scenario& s, const SessionOptions& o) : scenario(s), opts(o), model(s, 0) {}
  ~Impl();

  // Pump (session_pump.cpp).
  void pump_loop();
  // everything: also what a later drain would hold back (the workers are gone).
  size_t drain_rings(EventBatch& out, bool everything = false);
  EventBatch held_back;  // pump: records stamped after the last drain began
  void reap_children(EventBatch& out);
  void publish(EventBatch& batch);
  void sample_kernel(EventBatch& out);
  // Lends a live worker's descriptor of an object's end to the kernel
  // probe (pidfd_getfd); `kids` says who is still alive.
  ObjectHost::FdLender lender(const std::vector<Child>& kids) const;
  std::vector<std::vector<int>> readers, writers;  // per object: worker indices
  // Consumer side (any thread): turns a published batch into Events.
  void decode_batch(const EventBatch& batch, std::vector<Event>& out) const;
  Event decode(int worker, const EventRecord& r, EventKind kind, uint64_t t_ns) const;
  struct Deadlock {
    std::string text;
    std::vector<WaitLink> cycle;  // empty: every process blocked, but no cycle
  };
  std::optional<Deadlock> find_deadlock();
  // Every process blocked, no cycle: reported once it has lasted this long
  // unchanged (pump thread).
  static constexpr uint64_t kAllBlockedForMs = 200;
  std::vector<uint64_t> all_blocked_seen;
  uint64_t all_blocked_since = 0;
  bool two_or_more_blocked() const;
  // After a publish: starvation hints, and at the end (all_done) the lost
  // updates' toll on each shared cell. True when it added events to `out`.
  bool analysis_events(EventBatch& out, bool all_done);
  size_t findings_told = 0;  // pump: findings already turned into events (a split message)
  // Live switch (session_switch.cpp). One at a time.
  std::mutex switch_mu;
  bool switch_channel(int obj, ObjectKind to, std::string* error);
  std::vector<Event> injected;  // guarded by mu: the pump publishes them in its next pass
  // Guarded by mu: what the processes did (Session::happenings), each once.
  std::vector<Happening> happened;
  std::unordered_set<uint64_t> happened_keys;
  void note_happening(EventKind kind, int worker, const EventRecord& r);  // session_happenings.cpp
  bool settled_locked() const;
  bool ctl_rings_empty() const;
  void request_drain_and_wait();
  void poke_pump() const;
};

uint64_t now_since(const ControlBlock& ctl);

// A worker that says "blocked" is asleep in the call it announced, by the
// kernel's account (session_pump.cpp).
bool asleep_in_its_call(const WorkerSlot& slot, const ProcessTruth& t);

}  // namespace ipclab
