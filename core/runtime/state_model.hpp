// What the events say about each object: bytes or messages in flight (and
// which message a receive got), semaphore counts, mutex owners, waiters,
// shared cells. Consumers see it beside the kernel's own numbers.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/plan.hpp"
#include "scenario/scenario.hpp"
#include "trace/event.hpp"
#include "trace/finding.hpp"

namespace ipclab {

// A message moved by a live switch keeps its priority on a POSIX queue,
// becomes a System V message of that type (at least 1), and has neither on
// any other mechanism.
int64_t moved_message_tag(ObjectKind to, int64_t priority);

class StateModel {
 public:
  StateModel(const Scenario& s, int nworkers);

  // Updates the model with one decoded event, in time order. Fills in
  // e.msg for receives (which message arrived).
  void apply(Event& e);
  // The same for event `ev` of a worker's raw record (one of
  // record_events(r)); fills in r.msg for receives.
  void apply(EventKind ev, int worker, EventRecord& r);

  // bytes (streams), messages (queues), count (semaphores), 1 = set (events),
  // how many wait (barriers, condvars)
  int64_t fill(int obj) const;
  int owner(int obj) const { return objects_[static_cast<size_t>(obj)].owner; }
  // Who holds obj now: the processes whose acquire (lock, wait, rdlock,
  // file lock...) has no release yet, in the order they got it; a process
  // holding twice (a semaphore) appears twice. A process that exits keeps
  // what it held, except what the kernel or a robust mutex gives back (a
  // System V semaphore used with SEM_UNDO gets its count back).
  const std::vector<int>& holders(int obj) const {
    return objects_[static_cast<size_t>(obj)].holders;
  }
  // The object worker `w` is blocked on, -1 for a signal, -2 when not blocked.
  int blocked_on(int w) const { return blocked_on_[static_cast<size_t>(w)]; }
  const std::vector<int>& waiters(int obj) const {
    return objects_[static_cast<size_t>(obj)].waiters;
  }
  const std::vector<int64_t>& cells(int obj) const {
    return objects_[static_cast<size_t>(obj)].cells;
  }
  const std::vector<int>& cell_writers(int obj) const {
    return objects_[static_cast<size_t>(obj)].cell_writer;
  }
  int64_t lost_updates() const { return lost_updates_; }
  // What the cells would hold had no update been lost: every write, and
  // every addition (whole, or load-compute-store) applied in turn.
  const std::vector<int64_t>& expected_cells(int obj) const {
    return objects_[static_cast<size_t>(obj)].expected;
  }
  // Lost updates seen on obj (race events).
  int64_t lost_updates(int obj) const { return objects_[static_cast<size_t>(obj)].lost; }

  // Starvation: how many times others got the object worker `w` has been
  // waiting on since it blocked (0 when not blocked).
  int overtaken(int w) const { return overtaken_[static_cast<size_t>(w)]; }
  static constexpr int kStarvingAfter = 3;
  struct Starving {
    int worker = -1;
    int obj = -1;
    int times = 0;
  };
  // The processes that have just been overtaken kStarvingAfter times (each
  // once per wait), since the last call.
  std::vector<Starving> take_starving();

  // What the kernel holds of channel `obj`, oldest first (the order a
  // receiver gets it): each message's unread bytes and its priority or
  // type. A send whose call has not returned is not in it.
  struct Held {
    int64_t seq = 0;
    int64_t bytes = 0;
    int64_t priority = 0;
  };
  std::vector<Held> held(int obj) const;
  // The texts of the messages held, in the same order (at most the first 64
  // bytes of each, what is left of one a stream reader has begun).
  std::vector<std::string> held_texts(int obj) const;

  // Everything found to have gone wrong so far, in the order it happened.
  const std::vector<Finding>& findings() const { return findings_; }

 private:
  struct InFlight {
    int64_t seq = 0;
    int64_t bytes_left = 0;
    int64_t priority = 0;
    std::string data;
    int64_t bytes = 0;  // as sent
  };
  struct ObjectModel {
    ObjectKind mechanism = ObjectKind::pipe;
    std::deque<InFlight> in_flight;
    int64_t count = 0;        // semaphore; event: 1 = set
    bool robust = false;      // mutex
    bool auto_reset = false;  // event
    // A System V semaphore used with SEM_UNDO: per worker, what the kernel
    // gives back when it exits (semadj: +1 per wait, -1 per post).
    bool undo = false;
    std::vector<int64_t> semadj;
    int owner = -1;
    std::vector<int> holders;
    std::vector<int> waiters;
    std::vector<int64_t> cells;
    std::vector<int> cell_writer;
    std::vector<int64_t> expected;
    int64_t lost = 0;
  };
  // What apply reads from an event, wherever it comes from.
  struct Input {
    EventKind ev;
    int worker;
    int obj;
    int64_t* msg;  // written for receives
    int64_t bytes;
    std::optional<int64_t> value;
    std::string_view data;
    std::string_view detail;
  };
  void apply(const Input& in);
  void switched(ObjectModel& o, std::string_view to);

  std::vector<ObjectModel> objects_;
  std::vector<int> blocked_on_;  // per worker: object index or -2 when not blocked
  // Per worker: the message of a send whose call has not returned yet
  // (object, sequence number), or obj -1. A send is reported before its
  // call; if the call fails or the process dies in it, the bytes never
  // entered the channel and the message leaves the model again.
  struct PendingSend {
    int obj = -1;
    int64_t seq = 0;
  };
  std::vector<PendingSend> pending_send_;
  void forget(const PendingSend& p);
  int64_t lost_updates_ = 0;
  std::vector<int> overtaken_;         // per worker
  std::vector<int64_t> loaded_, reg_;  // per worker: the last load and compute
  std::vector<Starving> starving_;
  std::vector<Finding> findings_;
  std::vector<std::string> names_;  // object names, for the findings' texts
  void found(FindingKind kind, int worker, int obj, int64_t value, std::string text);
  void stream_recv(ObjectModel& o, const Input& e);
};

}  // namespace ipclab
