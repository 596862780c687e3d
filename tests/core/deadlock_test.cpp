// Deadlock detection: the wait-for graph on its own, and with real
// processes (the dining philosophers driven into a cycle, resource ordering
// that never closes one, a blocked process outside the cycle that is not
// called deadlocked).
#include <gtest/gtest.h>

#include "runtime/wait_for.hpp"
#include "scenario/catalog.hpp"
#include "scenario/loader.hpp"
#include "test_support.hpp"

namespace ipclab::live {
namespace {

// ---- the graph alone ---------------------------------------------------------

struct Graph {
  std::vector<std::vector<int>> held;  // per object
  WaitGraph g;
  Graph(int workers, int objects) : held(static_cast<size_t>(objects)) {
    g.waits_on.assign(static_cast<size_t>(workers), -1);
    g.alive.assign(static_cast<size_t>(workers), true);
    g.holders = [this](int, int obj) { return held[static_cast<size_t>(obj)]; };
  }
};

std::string text_of(const std::vector<WaitLink>& cycle) {
  return describe_cycle(
      cycle, [](int w) { return "p" + std::to_string(w); },
      [](int o) { return "m" + std::to_string(o); });
}

TEST(WaitForGraph, ATwoProcessCycleIsFoundAndNamedFromTheLowestProcess) {
  Graph x(3, 2);
  x.held[0] = {1};
  x.held[1] = {2};
  x.g.waits_on = {-1, 1, 0};  // p1 waits for m1 (p2), p2 waits for m0 (p1)
  const std::vector<WaitLink> c = find_wait_cycle(x.g);
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(text_of(c), "p1 waits for m1 held by p2, which waits for m0 held by p1");
}

TEST(WaitForGraph, AChainIsNotACycleAndItsTailIsNotDeadlocked) {
  Graph x(4, 3);
  // p0 -> m0 (p1) -> m1 (p2) -> m2 (p3), p3 runs: nobody is deadlocked.
  x.held = {{1}, {2}, {3}};
  x.g.waits_on = {0, 1, 2, -1};
  EXPECT_TRUE(find_wait_cycle(x.g).empty());
  // p3 now waits for m0, held by p1: the cycle is p1 p2 p3; p0 waits on it
  // but is not part of it.
  x.g.waits_on[3] = 0;
  const std::vector<WaitLink> c = find_wait_cycle(x.g);
  ASSERT_EQ(c.size(), 3u) << text_of(c);
  for (const WaitLink& l : c) EXPECT_NE(l.waiter, 0) << text_of(c);
  EXPECT_EQ(c.front().waiter, 1);
}

TEST(WaitForGraph, AHolderThatHasExitedClosesNoCycle) {
  Graph x(2, 2);
  x.held = {{1}, {0}};
  x.g.waits_on = {0, 1};
  EXPECT_EQ(find_wait_cycle(x.g).size(), 2u);
  x.g.alive[1] = false;
  x.g.waits_on[1] = -1;
  EXPECT_TRUE(find_wait_cycle(x.g).empty());
}

TEST(WaitForGraph, SharedHoldersAreEachFollowed) {
  // m0 held by readers p1 and p2; p0 waits on m0; p2 waits on m1 held by p0.
  Graph x(3, 2);
  x.held = {{1, 2}, {0}};
  x.g.waits_on = {0, -1, 1};
  const std::vector<WaitLink> c = find_wait_cycle(x.g);
  EXPECT_EQ(text_of(c), "p0 waits for m0 held by p2, which waits for m1 held by p0");
}

// ---- real processes ------------------------------------------------------------

std::unique_ptr<LiveSession> bundled(std::string_view id) {
  for (const BundledScenario& b : bundled_scenarios())
    if (b.id == id) return LiveSession::start(b.text);
  ADD_FAILURE() << "no bundled scenario " << id;
  return nullptr;
}

TEST(Deadlock, PhilosophersEachTakingTheLeftForkCloseTheCycle) {
  auto ls = bundled("dining-philosophers");
  ASSERT_TRUE(ls);
  const std::vector<std::string> ph = {"philosopher#1", "philosopher#2", "philosopher#3",
                                       "philosopher#4", "philosopher#5"};
  for (const std::string& p : ph) ASSERT_EQ(ls->step(p), StepResult::granted) << p;
  EXPECT_FALSE(ls->session().deadlock());
  // Four reach for the right fork: a chain, not yet a cycle.
  for (size_t i = 0; i < 4; ++i) ASSERT_EQ(ls->step(ph[i]), StepResult::granted) << ph[i];
  EXPECT_FALSE(ls->session().deadlock()) << *ls->session().deadlock();
  ASSERT_EQ(ls->step(ph[4]), StepResult::granted);
  ls->collect();
  ASSERT_TRUE(ls->session().deadlock());
  EXPECT_EQ(*ls->session().deadlock(),
            "philosopher#1 waits for fork2 held by philosopher#2, which waits for fork3 held by "
            "philosopher#3, which waits for fork4 held by philosopher#4, which waits for fork5 "
            "held by philosopher#5, which waits for fork1 held by philosopher#1");
  const std::vector<Event> d = ls->of(EventKind::deadlock);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].detail, *ls->session().deadlock());
  const Snapshot snap = ls->snapshot();
  ASSERT_EQ(snap.deadlock_cycle.size(), 5u);
  for (size_t i = 0; i < 5; ++i) {
    const WaitLink& l = snap.deadlock_cycle[i];
    EXPECT_EQ(l.waiter, ls->index(ph[i]));
    EXPECT_EQ(l.holder, ls->index(ph[(i + 1) % 5]));
    EXPECT_EQ(snap.objects[static_cast<size_t>(l.obj)].spec->name,
              "fork" + std::to_string((i + 1) % 5 + 1));
    // Really asleep on the fork, by the kernel's account.
    const WorkerStatus& w = worker_in(snap, ph[i]);
    EXPECT_EQ(w.kernel.state, 'S') << ph[i];
    EXPECT_EQ(w.kernel.syscall_name, "futex") << ph[i];
  }
}

TEST(Deadlock, OrderedForksNeverCloseACycleUnderTheSameMoves) {
  auto ls = bundled("dining-philosophers-ordered");
  ASSERT_TRUE(ls);
  for (const char* p :
       {"philosopher#1", "philosopher#2", "philosopher#3", "philosopher#4", "philosopher5"})
    ASSERT_EQ(ls->step(p), StepResult::granted) << p;
  for (const char* p : {"philosopher#1", "philosopher#2", "philosopher#3", "philosopher#4"})
    ASSERT_EQ(ls->step(p), StepResult::granted) << p;
  // Four processes blocked (a chain ending at philosopher#4, who eats).
  const Snapshot snap = ls->snapshot();
  int blocked = 0;
  for (const WorkerStatus& w : snap.workers) blocked += w.state == WorkerState::blocked;
  EXPECT_EQ(blocked, 4);
  EXPECT_FALSE(ls->session().deadlock());
  ls->session().run(0);
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_FALSE(ls->session().deadlock());
  EXPECT_TRUE(ls->of(EventKind::deadlock).empty());
}

TEST(Deadlock, TwoMutexesLockedInOppositeOrderWhileAThirdProcessRuns) {
  // a: m1 then m2; b: m2 then m1; c blocks on m1 too but is no part of the
  // cycle, d keeps running: the cycle is reported at once, naming a and b only.
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: m1, kind: mutex}
  - {name: m2, kind: mutex}
  - {name: box, kind: pipe}
processes:
  - name: a
    steps: [{lock: m1}, {lock: m2}, {unlock: m2}, {unlock: m1}]
  - name: b
    steps: [{lock: m2}, {lock: m1}, {unlock: m1}, {unlock: m2}]
  - name: c
    steps: [{lock: m1}, {unlock: m1}]
  - name: d
    steps: [{send: {to: box, data: x}}, {recv: box}, {print: "still here"}]
)"));
  ASSERT_TRUE(ls);
  for (const char* p : {"a", "b", "c", "a"}) ASSERT_EQ(ls->step(p), StepResult::granted) << p;
  EXPECT_FALSE(ls->session().deadlock()) << "a waits for b, who runs";
  ASSERT_EQ(ls->step("b"), StepResult::granted);
  ASSERT_TRUE(ls->session().deadlock());
  EXPECT_EQ(*ls->session().deadlock(), "a waits for m2 held by b, which waits for m1 held by a");
  // d is not blocked and finishes; the deadlock stays.
  for (int i = 0; i < 3; ++i) ASSERT_EQ(ls->step("d"), StepResult::granted);
  EXPECT_EQ(ls->snapshot().deadlock_cycle.size(), 2u);
}

TEST(Deadlock, ASemaphoreCycleCountsOnlyWhenNobodyIsLeftToPost) {
  // a holds s1 and waits on s2; b holds s2 and waits on s1; c could still
  // post either: not certain until c is blocked too.
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: s1, kind: semaphore, initial: 1}
  - {name: s2, kind: semaphore, initial: 1}
  - {name: s3, kind: semaphore, initial: 0}
processes:
  - name: a
    steps: [{wait: s1}, {wait: s2}]
  - name: b
    steps: [{wait: s2}, {wait: s1}]
  - name: c
    steps: [{wait: s3}, {post: s1}]
)"));
  ASSERT_TRUE(ls);
  for (const char* p : {"a", "b", "a", "b"}) ASSERT_EQ(ls->step(p), StepResult::granted) << p;
  EXPECT_FALSE(ls->session().deadlock()) << "c may still post s1";
  ASSERT_EQ(ls->step("c"), StepResult::granted);
  ASSERT_TRUE(ls->session().deadlock());
  EXPECT_EQ(*ls->session().deadlock(), "a waits for s2 held by b, which waits for s1 held by a");
}

TEST(Deadlock, ByteRangesThatDoNotOverlapAreNoWaitAndCloseNoCycle) {
  // p holds bytes 0-9, q 10-19, r 20-29 of one file. p waits for r's range,
  // q for p's: a chain q -> p -> r, no cycle, although p and q each wait on
  // the file while the other holds part of it (the model alone would see
  // p -> q -> p); the kernel's /proc/locks says whom each one waits for.
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: data, kind: file_lock}
processes:
  - name: p
    steps: [{flock: {file: data, start: 0, len: 10}}, {flock: {file: data, start: 20, len: 10}}]
  - name: q
    steps: [{flock: {file: data, start: 10, len: 10}}, {flock: {file: data, start: 0, len: 10}}]
  - name: r
    steps: [{flock: {file: data, start: 20, len: 10}}, {print: "r still runs"}]
)"));
  ASSERT_TRUE(ls);
  for (const char* p : {"p", "q", "r", "p", "q"}) ASSERT_EQ(ls->step(p), StepResult::granted) << p;
  const Snapshot snap = ls->snapshot();
  EXPECT_EQ(worker_in(snap, "p").state, WorkerState::blocked);
  EXPECT_EQ(worker_in(snap, "q").state, WorkerState::blocked);
  EXPECT_EQ(worker_in(snap, "p").kernel.syscall_name, "fcntl");
  EXPECT_FALSE(ls->session().deadlock()) << *ls->session().deadlock();
}

TEST(Starvation, AWriterOvertakenByReadersThreeTimesIsFlagged) {
  // Reader preference: while r1 reads, w waits to write and r2, r3 and r1
  // again get in past it.
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: rw, kind: rwlock, prefer: readers}
processes:
  - name: r1
    steps: [{rdlock: rw}, {unlock: rw}, {rdlock: rw}, {unlock: rw}]
  - name: r2
    steps: [{rdlock: rw}, {unlock: rw}]
  - name: r3
    steps: [{rdlock: rw}, {unlock: rw}]
  - name: w
    steps: [{wrlock: rw}, {unlock: rw}]
)"));
  ASSERT_TRUE(ls);
  for (const char* p : {"r1", "w", "r2", "r3"}) ASSERT_EQ(ls->step(p), StepResult::granted) << p;
  EXPECT_EQ(worker_in(ls->snapshot(), "w").overtaken, 2);
  ls->collect();
  EXPECT_TRUE(ls->of(EventKind::value, "w").empty());
  ASSERT_EQ(ls->step("r1"), StepResult::granted);  // unlock: r2 and r3 still read
  ASSERT_EQ(ls->step("r1"), StepResult::granted);  // in again, past the waiting writer
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& ev) {
    return std::any_of(ev.begin(), ev.end(),
                       [](const Event& e) { return e.ev == EventKind::value && e.proc == "w"; });
  }));
  const std::vector<Event> hint = ls->of(EventKind::value, "w");
  ASSERT_EQ(hint.size(), 1u);
  EXPECT_EQ(hint[0].detail, "starving: w has waited on rw while others got it 3 times");
  EXPECT_EQ(hint[0].obj_name, "rw");
  const WorkerStatus w = worker_in(ls->snapshot(), "w");
  EXPECT_EQ(w.state, WorkerState::blocked);
  EXPECT_EQ(w.overtaken, 3);
}

}  // namespace
}  // namespace ipclab::live
