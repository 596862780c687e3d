// TimelineModel: what the timeline draws, aggregated from the session's
// events (no widgets). Per process: its state over time as spans (one span
// per run of the same state, never one per event), the spans in which it
// held each lock, and one arrow per delivered message (send -> recv, matched
// by object and message number), and a mark for each live switch of a
// channel's mechanism (arrows of messages carried over cross it).
//
// Memory stays bounded however long a session runs: each lane keeps its
// newest kMaxSpans state spans exactly and folds older ones into coarse
// buckets (time per state, bucket width doubling as they pile up); lock
// spans and arrows keep the newest kMaxLocks / kMaxArrows. The totals (time
// in each state, holds, messages) stay exact.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/control_block.hpp"
#include "runtime/plan.hpp"
#include "trace/event.hpp"

namespace ipclab {
struct Scenario;
struct Snapshot;
}  // namespace ipclab

class TimelineModel {
 public:
  static constexpr size_t kStateCount = 6;  // ipclab::WorkerState values
  static constexpr size_t kMaxSpans = 4096;
  static constexpr size_t kMaxBuckets = 1024;
  static constexpr size_t kMaxLocks = 4096;
  static constexpr size_t kMaxArrows = 20000;
  static constexpr size_t kMaxPending = 4096;  // sends still waiting for their recv
  static constexpr size_t kMaxSwitches = 256;

  struct StateSpan {
    uint64_t t0 = 0, t1 = 0;
    ipclab::WorkerState state = ipclab::WorkerState::starting;
    int obj = -1;  // blocked: the object waited on
  };
  // A summarized stretch of older history: how long the lane spent in each state.
  struct Bucket {
    uint64_t t0 = 0, t1 = 0;
    std::array<uint64_t, kStateCount> ns{};
  };
  struct LockSpan {
    uint64_t t0 = 0, t1 = 0;  // t1 == 0: still held
    int obj = -1;
    uint32_t holds = 1;  // > 1 once older spans were merged
  };
  struct Arrow {
    uint64_t tSend = 0, tRecv = 0;
    int from = -1, to = -1, obj = -1;
    int64_t msg = -1;
  };
  // A channel began to run on another mechanism at t.
  struct Switch {
    uint64_t t = 0;
    int obj = -1;
    std::string to;  // "posix_mq"
  };
  struct Lane {
    std::string name;
    std::deque<StateSpan> spans;  // closed spans, oldest first
    std::deque<Bucket> buckets;   // summarized history before spans.front()
    uint64_t bucketNs = 1'000'000;
    ipclab::WorkerState state = ipclab::WorkerState::starting;  // the open span
    int stateObj = -1;
    uint64_t since = 0;
    uint64_t lastEvent = 0;
    bool started = false;
    std::array<uint64_t, kStateCount> totalNs{};  // closed spans, exact
    uint64_t transitions = 0;
    std::deque<LockSpan> locks;  // oldest first; open ones have t1 == 0
    uint64_t lockHolds = 0;
  };

  void setScenario(const ipclab::Scenario& scenario,
                   const std::vector<ipclab::WorkerIdentity>& workers);
  void clear();  // forgets everything, also the lanes
  void append(const std::vector<ipclab::Event>& events);
  void applySnapshot(const ipclab::Snapshot& snapshot);

  uint64_t now() const { return now_; }
  const std::vector<Lane>& lanes() const { return lanes_; }
  const std::deque<Arrow>& arrows() const { return arrows_; }
  const std::deque<Switch>& switches() const { return switches_; }
  const std::string& objectName(int obj) const;
  bool isLock(int obj) const;
  // Time lane spent in `state` up to now, exact (the open span included).
  uint64_t timeIn(int lane, ipclab::WorkerState state) const;
  uint64_t messagesDelivered() const { return delivered_; }
  uint64_t eventCount() const { return events_; }
  // State spans, buckets, lock spans and arrows held now, for the bound checks.
  size_t storedItems() const;

 private:
  void apply(const ipclab::Event& e);
  void enter(Lane& lane, ipclab::WorkerState state, uint64_t t, int obj = -1);
  void summarize(Lane& lane);
  void onLock(Lane& lane, const ipclab::Event& e);
  void onMessage(const ipclab::Event& e);

  struct Pending {
    uint64_t t = 0;
    int worker = -1;
    bool isSend = true;
  };

  std::vector<Lane> lanes_;
  std::vector<std::string> objects_;
  std::vector<bool> lockObjects_;
  std::deque<Arrow> arrows_;
  std::deque<Switch> switches_;                    // oldest first
  std::unordered_map<uint64_t, Pending> pending_;  // key: obj << 48 | msg
  std::deque<uint64_t> pendingOrder_;
  uint64_t delivered_ = 0;
  uint64_t events_ = 0;
  uint64_t now_ = 0;
};
