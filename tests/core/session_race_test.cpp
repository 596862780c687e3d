// The shared counter: two processes add 1 to the same cell with load,
// compute, store. Interleaved by hand the update is lost and a race is
// reported; inside a critical section it never is.
#include <gtest/gtest.h>

#include <random>

#include "runtime/state_model.hpp"
#include "scenario/loader.hpp"
#include "test_support.hpp"

namespace ipclab::live {
namespace {

std::string counter_scenario(const std::string& body_of_each) {
  return scenario_text(R"(objects:
  - {name: counter, kind: shared_memory, cells: 1}
  - {name: m, kind: mutex}
processes:
  - name: a
    steps: [)" + body_of_each +
                       R"(]
  - name: b
    steps: [)" + body_of_each +
                       "]\n");
}

const std::string kAdd = "{add: {to: counter, cell: 0, value: 1, expand: true}}";
const std::string kGuardedAdd = "{critical: {guard: m, steps: [" + kAdd + "]}}";

int64_t cell0(LiveSession& ls) {
  const std::vector<int64_t> cells = object_in(ls.snapshot(), "counter").cells;
  return cells.empty() ? -1 : cells[0];
}

TEST(SharedCounter, InterleavedLoadComputeStoreLosesAnUpdate) {
  auto ls = LiveSession::start(counter_scenario(kAdd));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->session().plan(ls->index("a")).size(), 3u) << "load, compute, store";
  for (const char* p : {"a", "b", "a", "b", "a", "b"}) ASSERT_EQ(ls->step(p), StepResult::granted);
  EXPECT_EQ(cell0(*ls), 1) << "both loaded 0, both stored 1";
  ASSERT_TRUE(ls->wait_finished());
  const std::vector<Event> races = ls->of(EventKind::race);
  ASSERT_EQ(races.size(), 2u);
  EXPECT_EQ(races[0].proc, "b") << "b stored over a's update";
  EXPECT_EQ(races[0].obj_name, "counter");
  EXPECT_EQ(races[0].detail,
            "lost update: loaded 0, but the cell held 1 when this process "
            "stored 1 over it");
  // At the end, the toll: what the cell holds against what the adds made.
  EXPECT_EQ(races[1].worker, -1);
  EXPECT_EQ(races[1].obj_name, "counter");
  EXPECT_EQ(races[1].value.value_or(-1), 1);
  EXPECT_EQ(races[1].detail, "counter[0] ended at 1, but the updates made add up to 2: 1 lost");
  const std::vector<Event> loads = ls->of(EventKind::value, "b");
  ASSERT_EQ(loads.size(), 3u);
  EXPECT_EQ(loads[0].value.value_or(-1), 0) << "b loaded before a stored";
}

TEST(Starvation, AWaiterOvertakenThreeTimesIsFlaggedOnce) {
  // The model alone: w waits on object 0 while x gets it three times.
  const LoadResult r = load_scenario_text(counter_scenario(kAdd), "t.yaml");
  ASSERT_TRUE(r.ok());
  StateModel model(*r.scenario, 3);
  auto event = [&](EventKind ev, int worker) {
    Event e;
    e.ev = ev;
    e.worker = worker;
    e.obj = 1;
    model.apply(e);
  };
  event(EventKind::block, 0);
  for (int i = 0; i < 2; ++i) {
    event(EventKind::acquire, 1);
    event(EventKind::release, 1);
  }
  EXPECT_TRUE(model.take_starving().empty());
  EXPECT_EQ(model.overtaken(0), 2);
  event(EventKind::acquire, 2);
  std::vector<StateModel::Starving> s = model.take_starving();
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0].worker, 0);
  EXPECT_EQ(s[0].obj, 1);
  event(EventKind::release, 2);
  event(EventKind::acquire, 1);
  EXPECT_TRUE(model.take_starving().empty()) << "flagged once per wait";
  // Served at last, then waiting again: counted afresh.
  event(EventKind::unblock, 0);
  event(EventKind::block, 0);
  EXPECT_EQ(model.overtaken(0), 0);
}

TEST(SharedCounter, OneAfterTheOtherNothingIsLost) {
  auto ls = LiveSession::start(counter_scenario(kAdd));
  ASSERT_TRUE(ls);
  for (const char* p : {"a", "a", "a", "b", "b", "b"}) ASSERT_EQ(ls->step(p), StepResult::granted);
  EXPECT_EQ(cell0(*ls), 2);
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_TRUE(ls->of(EventKind::race).empty());
}

TEST(SharedCounter, CriticalSectionMakesTheOtherWait) {
  auto ls = LiveSession::start(counter_scenario(kGuardedAdd));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->session().plan(ls->index("a")).size(), 5u) << "lock, load, compute, store, unlock";
  ASSERT_EQ(ls->step("a"), StepResult::granted);  // a holds m
  ASSERT_EQ(ls->step("b"), StepResult::granted);  // b blocks on m
  EXPECT_EQ(worker_in(ls->snapshot(), "b").state, WorkerState::blocked);
  // The interleaving that lost an update: b cannot take part in it.
  for (const char* p : {"a", "b", "a", "b", "a", "b"}) {
    const StepResult r = ls->step(p);
    if (std::string(p) == "b") {
      EXPECT_EQ(r, StepResult::blocked);
    } else {
      EXPECT_EQ(r, StepResult::granted);
    }
  }
  EXPECT_EQ(cell0(*ls), 1) << "a stored, b still waits";
  ASSERT_EQ(ls->step("a"), StepResult::granted);  // unlock: b gets m
  const WorkerStatus& b = worker_in(ls->snapshot(), "b");
  EXPECT_EQ(b.state, WorkerState::at_gate);
  EXPECT_EQ(b.op, 1);
  for (int i = 0; i < 4; ++i) ASSERT_EQ(ls->step("b"), StepResult::granted);
  EXPECT_EQ(cell0(*ls), 2);
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_TRUE(ls->of(EventKind::race).empty());
}

// Any order a student may click: pick a process that can move, step it,
// until both are done. The guarded counter always ends at 2.
TEST(SharedCounter, CriticalSectionHoldsForEveryInterleaving) {
  for (unsigned seed = 1; seed <= 6; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    auto ls = LiveSession::start(counter_scenario(kGuardedAdd));
    ASSERT_TRUE(ls);
    std::mt19937 rng(seed);
    for (int guard = 0; guard < 40 && !ls->session().finished(); ++guard) {
      const char* p = rng() % 2 ? "a" : "b";
      const StepResult r = ls->step(p);
      EXPECT_TRUE(r == StepResult::granted || r == StepResult::blocked || r == StepResult::finished)
          << describe(r);
      if (r == StepResult::finished || r == StepResult::blocked) {
        ls->step(std::string(p) == "a" ? "b" : "a");
      }
      ls->collect();
      if (ls->of(EventKind::exit).size() == 2) break;
    }
    ASSERT_TRUE(ls->wait_finished());
    EXPECT_EQ(ls->of(EventKind::exit).size(), 2u);
    EXPECT_TRUE(ls->of(EventKind::race).empty());
    EXPECT_EQ(cell0(*ls), 2);
  }
}

TEST(SharedCounter, StepAllWithTheMutexEndsAtTwo) {
  auto ls = LiveSession::start(counter_scenario(kGuardedAdd));
  ASSERT_TRUE(ls);
  for (int i = 0; i < 20 && !ls->session().finished(); ++i) {
    if (ls->step_all() == 0) break;
  }
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_EQ(cell0(*ls), 2);
  EXPECT_TRUE(ls->of(EventKind::race).empty());
}

TEST(SharedCounter, TwoHundredGuardedAddsEachRunningFreely) {
  auto ls =
      LiveSession::start(counter_scenario("{repeat: {times: 200, steps: [" + kGuardedAdd + "]}}"));
  ASSERT_TRUE(ls);
  ls->session().run(0);
  ASSERT_TRUE(ls->wait_finished(30s));
  EXPECT_EQ(cell0(*ls), 400);
  EXPECT_TRUE(ls->of(EventKind::race).empty());
  EXPECT_EQ(ls->of(EventKind::acquire, "a").size(), 200u);
  EXPECT_EQ(ls->of(EventKind::acquire, "b").size(), 200u);
}

}  // namespace
}  // namespace ipclab::live
