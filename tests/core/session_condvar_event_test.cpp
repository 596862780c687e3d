// Condition variables, events and barriers with real processes: who passes,
// who sleeps (confirmed by the kernel: state S in futex), who wakes.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>

#include "test_support.hpp"

namespace ipclab::live {
namespace {

// Events of kind `ev` on object `obj` (any process).
std::vector<Event> on(const LiveSession& ls, EventKind ev, const std::string& obj) {
  std::vector<Event> out;
  for (const Event& e : ls.events())
    if (e.ev == ev && e.obj_name == obj) out.push_back(e);
  return out;
}

auto count_on(EventKind ev, const std::string& obj, size_t n) {
  return [ev, obj, n](const std::vector<Event>& events) {
    return static_cast<size_t>(std::count_if(events.begin(), events.end(), [&](const Event& e) {
             return e.ev == ev && e.obj_name == obj;
           })) >= n;
  };
}

// The first such event at or after `from`, or events.size().
size_t index_of(const std::vector<Event>& events, EventKind ev, const std::string& proc,
                const std::string& obj, size_t from = 0) {
  for (size_t i = from; i < events.size(); ++i)
    if (events[i].ev == ev && events[i].proc == proc && events[i].obj_name == obj) return i;
  return events.size();
}

int blocked_count(const Snapshot& s) {
  return static_cast<int>(std::count_if(s.workers.begin(), s.workers.end(), [](const auto& w) {
    return w.state == WorkerState::blocked;
  }));
}

TEST(Condvar, WaitReleasesTheMutexAndTakesItBackWhenWoken) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: m, kind: mutex}
  - {name: c, kind: condvar}
processes:
  - name: waiter
    steps: [{lock: m}, {cond_wait: {cond: c, mutex: m}}, {unlock: m}]
  - name: signaller
    steps: [{lock: m}, {cond_signal: c}, {unlock: m}]
)"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("waiter"), StepResult::granted);
  ASSERT_EQ(ls->step("waiter"), StepResult::granted);
  expect_asleep_in(*ls, "waiter", "futex");
  ls->collect();
  {
    const Snapshot snap = ls->snapshot();
    EXPECT_EQ(object_in(snap, "m").owner, -1) << "released inside pthread_cond_wait";
    EXPECT_EQ(object_in(snap, "m").owner_tid_kernel, 0);
    EXPECT_EQ(object_in(snap, "c").waiters, std::vector<int>{ls->index("waiter")});
    EXPECT_EQ(worker_in(snap, "waiter").blocked_obj, 1) << "blocked on c";
  }
  // The release of m comes before the block on c.
  const auto& ev = ls->events();
  EXPECT_LT(index_of(ev, EventKind::release, "waiter", "m"),
            index_of(ev, EventKind::block, "waiter", "c"));

  ASSERT_EQ(ls->step("signaller"), StepResult::granted);  // gets m at once
  ls->collect();
  EXPECT_TRUE(ls->of(EventKind::block, "signaller").empty());
  ASSERT_EQ(ls->step("signaller"), StepResult::granted);  // signal while holding m
  ls->collect();
  const std::vector<Event> sig = on(*ls, EventKind::release, "c");
  ASSERT_EQ(sig.size(), 1u);
  EXPECT_EQ(sig[0].detail, "pthread_cond_signal: wakes one waiter");
  EXPECT_EQ(sig[0].value.value_or(-1), 1) << "one process waited";
  // Woken, but m is held: it sleeps again, now for the mutex, and has not
  // taken it.
  expect_asleep_in(*ls, "waiter", "futex");
  EXPECT_EQ(object_in(ls->snapshot(), "m").owner, ls->index("signaller"));
  const size_t slept = index_of(ls->events(), EventKind::block, "waiter", "c");
  ASSERT_LT(slept, ls->events().size());
  EXPECT_EQ(index_of(ls->events(), EventKind::acquire, "waiter", "m", slept), ls->events().size());

  ASSERT_EQ(ls->step("signaller"), StepResult::granted);  // unlock: the waiter gets m
  ASSERT_TRUE(ls->wait_for(count_on(EventKind::acquire, "m", 2)));
  ls->settle();
  EXPECT_EQ(object_in(ls->snapshot(), "m").owner, ls->index("waiter"));
  EXPECT_EQ(object_in(ls->snapshot(), "m").owner_tid_kernel, ls->pid("waiter"));
  const size_t woke = index_of(ls->events(), EventKind::acquire, "waiter", "m", slept);
  ASSERT_LT(woke, ls->events().size());
  EXPECT_LT(index_of(ls->events(), EventKind::release, "signaller", "m"), woke);
  EXPECT_EQ(ls->events()[woke].detail, "pthread_cond_wait woke up and locked the mutex again");
  ASSERT_EQ(ls->step("waiter"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_TRUE(ls->of(EventKind::error).empty());
}

TEST(Condvar, SignalWakesOneBroadcastWakesEveryWaiter) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: m, kind: mutex}
  - {name: c, kind: condvar}
processes:
  - name: w
    count: 3
    steps: [{lock: m}, {cond_wait: {cond: c, mutex: m}}, {unlock: m}]
  - name: s
    steps: [{cond_signal: c}, {cond_broadcast: c}]
  - name: rude
    steps: [{cond_wait: {cond: c, mutex: m}}]
)"));
  ASSERT_TRUE(ls);
  for (const char* w : {"w#1", "w#2", "w#3"}) {
    ASSERT_EQ(ls->step(w), StepResult::granted);
    ASSERT_EQ(ls->step(w), StepResult::granted);
    expect_asleep_in(*ls, w, "futex");
  }
  // Waiting without holding the mutex is refused, not a sleep.
  ASSERT_EQ(ls->step("rude"), StepResult::granted);
  ls->collect();
  ASSERT_EQ(ls->of(EventKind::error, "rude").size(), 1u);
  EXPECT_TRUE(ls->of(EventKind::block, "rude").empty());

  ASSERT_EQ(ls->step("s"), StepResult::granted);                    // signal: one wakes
  ASSERT_TRUE(ls->wait_for(count_on(EventKind::acquire, "m", 4)));  // 3 locks + 1 wake
  ls->settle();
  {
    const Snapshot snap = ls->snapshot();
    EXPECT_EQ(blocked_count(snap), 2);
    EXPECT_EQ(object_in(snap, "c").waiters.size(), 2u);
  }
  int still = 0;
  for (const char* w : {"w#1", "w#2", "w#3"}) {
    if (worker_in(ls->snapshot(), w).state != WorkerState::blocked) continue;
    expect_asleep_in(*ls, w, "futex");
    ++still;
  }
  EXPECT_EQ(still, 2);
  // The woken one holds m; let it go so the others can take m in turn.
  for (const char* w : {"w#1", "w#2", "w#3"})
    if (worker_in(ls->snapshot(), w).state == WorkerState::at_gate) ls->step(w);
  ASSERT_EQ(ls->step("s"), StepResult::granted);  // broadcast: both wake
  ASSERT_TRUE(ls->wait_for(count_on(EventKind::acquire, "m", 5)));
  ls->settle();
  EXPECT_EQ(on(*ls, EventKind::release, "c").back().value.value_or(-1), 2);
  EXPECT_EQ(blocked_count(ls->snapshot()), 1) << "one has m, the other waits for it";
  ls->session().run(0);
  ASSERT_TRUE(ls->wait_finished());
}

TEST(Event, ManualResetReleasesEveryWaiterAutoResetOneInArrivalOrder) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: go, kind: event}
  - {name: tok, kind: event, reset: auto}
processes:
  - name: w
    count: 3
    steps: [{wait_event: go}, {wait_event: tok}]
  - name: s
    steps: [{set: go}, {reset: go}, {set: tok}, {set: tok}, {set: tok}]
)"));
  ASSERT_TRUE(ls);
  auto word = [&](const char* ev) {
    return object_in(ls->snapshot(), ev).kernel_fill.value_or(-1);
  };
  for (const char* w : {"w#1", "w#2", "w#3"}) {
    ASSERT_EQ(ls->step(w), StepResult::granted);
    expect_asleep_in(*ls, w, "futex");
  }
  EXPECT_EQ(word("go"), 0);
  ASSERT_EQ(ls->step("s"), StepResult::granted);  // set go: all three pass
  ASSERT_TRUE(ls->wait_for(count_on(EventKind::acquire, "go", 3)));
  ls->settle();
  EXPECT_EQ(blocked_count(ls->snapshot()), 0);
  EXPECT_EQ(word("go"), 1) << "a manual-reset event stays set";
  EXPECT_EQ(object_in(ls->snapshot(), "go").model_fill, 1);
  ASSERT_EQ(ls->step("s"), StepResult::granted);  // reset
  EXPECT_EQ(word("go"), 0);
  EXPECT_EQ(object_in(ls->snapshot(), "go").model_fill, 0);

  for (const char* w : {"w#1", "w#2", "w#3"}) {
    ASSERT_EQ(ls->step(w), StepResult::granted);
    expect_asleep_in(*ls, w, "futex");
  }
  // Each set releases exactly one waiter, the one that came first (futex
  // waiters are woken in the order they arrived), and its wait resets it.
  const char* order[] = {"w#1", "w#2", "w#3"};
  for (int n = 1; n <= 3; ++n) {
    ASSERT_EQ(ls->step("s"), StepResult::granted);
    ASSERT_TRUE(ls->wait_for(count_on(EventKind::acquire, "tok", static_cast<size_t>(n))));
    ls->settle();
    const Snapshot snap = ls->snapshot();
    EXPECT_EQ(blocked_count(snap), 3 - n) << "after set " << n;
    EXPECT_EQ(object_in(snap, "tok").kernel_fill.value_or(-1), 0) << "the wait took it";
    EXPECT_EQ(on(*ls, EventKind::acquire, "tok").back().proc, order[n - 1]);
    for (int k = n; k < 3; ++k) expect_asleep_in(*ls, order[k], "futex");
  }
  ASSERT_TRUE(ls->wait_finished());
}

TEST(Event, AWaitOnASetEventDoesNotSleep) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: open, kind: event, initial: true}
processes:
  - name: p
    steps: [{wait_event: open}, {wait_event: open}]
)"));
  ASSERT_TRUE(ls);
  ls->session().run(0);
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_TRUE(ls->of(EventKind::block).empty());
  EXPECT_EQ(ls->of(EventKind::acquire, "p").size(), 2u);
}

TEST(Barrier, OpensOnlyWhenTheLastPartyArrives) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: b, kind: barrier}
processes:
  - name: p
    count: 3
    steps: [{barrier: b}, {barrier: b}]
)"));
  ASSERT_TRUE(ls);
  auto inside = [&] { return object_in(ls->snapshot(), "b").kernel_fill.value_or(-1); };
  EXPECT_EQ(inside(), 0);
  ASSERT_EQ(ls->step("p#1"), StepResult::granted);
  expect_asleep_in(*ls, "p#1", "futex");
  EXPECT_EQ(inside(), 1);
  ASSERT_EQ(ls->step("p#2"), StepResult::granted);
  expect_asleep_in(*ls, "p#1", "futex");
  expect_asleep_in(*ls, "p#2", "futex");
  EXPECT_EQ(inside(), 2);
  EXPECT_EQ(object_in(ls->snapshot(), "b").model_fill, 2);
  ls->collect();
  EXPECT_TRUE(on(*ls, EventKind::acquire, "b").empty()) << "nobody passed before the last";

  ASSERT_EQ(ls->step("p#3"), StepResult::granted);  // the last: does not sleep
  ASSERT_TRUE(ls->wait_for(count_on(EventKind::acquire, "b", 3)));
  ls->settle();
  EXPECT_TRUE(ls->of(EventKind::block, "p#3").empty());
  EXPECT_EQ(blocked_count(ls->snapshot()), 0);
  EXPECT_EQ(inside(), 0);
  const std::vector<Event> passed = on(*ls, EventKind::acquire, "b");
  int serial = 0;
  for (const Event& e : passed) {
    EXPECT_EQ(e.value.value_or(-1), 1) << "round 1";
    if (e.detail.find("PTHREAD_BARRIER_SERIAL_THREAD") != std::string::npos) ++serial;
  }
  EXPECT_EQ(serial, 1);
  // Second round, another order: it is reusable.
  ASSERT_EQ(ls->step("p#3"), StepResult::granted);
  ASSERT_EQ(ls->step("p#1"), StepResult::granted);
  expect_asleep_in(*ls, "p#3", "futex");
  expect_asleep_in(*ls, "p#1", "futex");
  ASSERT_EQ(ls->step("p#2"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_EQ(on(*ls, EventKind::acquire, "b").back().value.value_or(-1), 2);
}

// Killed asleep in each wait, or stopped there: nothing is left behind.
TEST(NothingLeaks, AfterProcessesSleepingOnACondvarAnEventAndABarrierAreKilled) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: m, kind: mutex, robust: true}
  - {name: c, kind: condvar}
  - {name: e, kind: event, reset: auto}
  - {name: b, kind: barrier, parties: 3}
processes:
  - name: cw
    steps: [{lock: m}, {cond_wait: {cond: c, mutex: m}}]
  - name: ew
    steps: [{wait_event: e}]
  - name: bw
    count: 2
    steps: [{barrier: b}]
)"));
  ASSERT_TRUE(ls);
  std::vector<pid_t> pids;
  for (const WorkerStatus& w : ls->snapshot().workers) pids.push_back(w.pid);
  const std::string tag = ls->tag(), folder = ls->folder();
  for (const char* p : {"cw", "cw", "ew", "bw#1", "bw#2"})
    ASSERT_EQ(ls->step(p), StepResult::granted);
  for (const char* p : {"cw", "ew", "bw#1", "bw#2"}) expect_asleep_in(*ls, p, "futex");
  EXPECT_EQ(object_in(ls->snapshot(), "b").kernel_fill.value_or(-1), 2);
  for (const char* p : {"cw", "bw#1"}) {
    const pid_t pid = ls->pid(p);
    ASSERT_GT(pid, 0);
    ASSERT_EQ(::kill(pid, SIGKILL), 0);
  }
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& events) {
    return std::count_if(events.begin(), events.end(),
                         [](const Event& e) { return e.ev == EventKind::exit; }) >= 2;
  }));
  // A party that died never arrives: the other still sleeps, as in C.
  ls->settle();
  expect_asleep_in(*ls, "bw#2", "futex");
  expect_asleep_in(*ls, "ew", "futex");
  ls->stop();
  EXPECT_EQ(ls->of(EventKind::exit).size(), 4u);
  EXPECT_EQ(leftovers(tag, folder, pids, {}), "");
}

}  // namespace
}  // namespace ipclab::live
