// Three challenges, with real processes: a flag-based lock broken by
// testing twice before setting, a message split by one read of a pipe, and
// two processes deadlocked over two flock() locks. For each, the bundled
// solution wins and an order that never makes it happen loses. And the
// flag lock itself: a process that tests a set flag stays on its test,
// busy, never blocked, and enters once the holder clears the flag.
#include <gtest/gtest.h>

#include <algorithm>

#include "runtime/challenge.hpp"
#include "scenario/catalog.hpp"
#include "scenario/loader.hpp"
#include "scenario_test_util.hpp"
#include "test_support.hpp"

namespace ipclab::live {
namespace {

std::string bundled_text(std::string_view id) {
  for (const BundledScenario& b : bundled_scenarios())
    if (b.id == id) return std::string(b.text);
  ADD_FAILURE() << "no bundled scenario " << id;
  return {};
}

ChallengePlay play(LiveSession& ls, const std::vector<std::string>& order) {
  const std::optional<Challenge>& c = ls.session().scenario().challenge;
  EXPECT_TRUE(c.has_value());
  if (!c) return {};
  return play_challenge(ls.session(), *c, order);
}

std::vector<std::string> repeated(const std::string& proc, int n) {
  return std::vector<std::string>(static_cast<size_t>(n), proc);
}

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// --- the flag lock ----------------------------------------------------------

TEST(FlagLockChallenge, TestingTwiceBeforeSettingPutsBothInside) {
  auto ls = LiveSession::start(bundled_text("challenge-flag-lock"));
  ASSERT_TRUE(ls);
  const ChallengePlay p = play(*ls, ls->session().scenario().challenge->solution);
  EXPECT_TRUE(p.problems.empty()) << p.problems.front();
  ASSERT_EQ(p.verdict.status, ChallengeStatus::won) << p.verdict.sentence;
  EXPECT_EQ(p.steps, 4);
  ASSERT_TRUE(p.verdict.finding);
  EXPECT_EQ(p.verdict.finding->kind, FindingKind::exclusion);
  EXPECT_EQ(p.verdict.finding->worker, ls->index("adder#2"));
  EXPECT_EQ(p.verdict.sentence,
            "mutual exclusion broken: 2 processes are inside the critical section guarded by flag");
  EXPECT_EQ(object_in(ls->snapshot(), "flag").holders.size(), 2u);
}

TEST(FlagLockChallenge, OneAfterTheOtherNeverBreaksIt) {
  auto ls = LiveSession::start(bundled_text("challenge-flag-lock"));
  ASSERT_TRUE(ls);
  // test, set, load, compute, store, clear: adder#1 is out before adder#2 tests.
  const ChallengePlay p = play(*ls, repeated("adder#1", 6) + repeated("adder#2", 6));
  EXPECT_TRUE(p.problems.empty()) << p.problems.front();
  EXPECT_EQ(p.verdict.status, ChallengeStatus::lost);
  EXPECT_EQ(p.verdict.loss, ChallengeVerdict::Loss::finished) << p.verdict.sentence;
  const Snapshot snap = ls->snapshot();
  EXPECT_EQ(object_in(snap, "counter").cells, (std::vector<int64_t>{2}));
  EXPECT_EQ(object_in(snap, "flag").cells, (std::vector<int64_t>{0}));
  EXPECT_TRUE(snap.findings.empty()) << snap.findings.front().text;
}

TEST(FlagLockChallenge, TooManyStepsLoses) {
  auto ls = LiveSession::start(bundled_text("challenge-flag-lock"));
  ASSERT_TRUE(ls);
  // adder#1 inside, adder#2 spinning on its test: 13 steps, over the 12 allowed.
  const ChallengePlay p = play(*ls, repeated("adder#1", 2) + repeated("adder#2", 11));
  EXPECT_EQ(p.verdict.status, ChallengeStatus::lost);
  EXPECT_EQ(p.verdict.loss, ChallengeVerdict::Loss::too_many_steps) << p.verdict.sentence;
}

// holder enters (flag cell 1) and waits inside on `go`; spinner tests;
// poster, when there is one, lets holder go on.
std::string spin_scenario(bool with_poster) {
  std::string text = R"(objects:
  - {name: flag, kind: shared_memory, cells: 2}
  - {name: go, kind: semaphore, initial: 0}
processes:
  - name: holder
    steps:
      - critical: {guard: flag, cell: 1, steps: [{wait: go}]}
  - name: spinner
    steps:
      - critical: {guard: flag, cell: 1, steps: [{print: inside}]}
)";
  if (with_poster) text += "  - name: poster\n    steps: [{post: go}]\n";
  return scenario_text(text);
}

TEST(FlagLock, PlanSaysTheCOfEachLine) {
  auto ls = LiveSession::start(spin_scenario(false));
  ASSERT_TRUE(ls);
  const std::vector<Op>& plan = ls->session().plan(ls->index("spinner"));
  ASSERT_EQ(plan.size(), 4u) << "test, set, print, clear";
  EXPECT_EQ(plan[0].kind, OpKind::shm_read);
  EXPECT_EQ(plan[0].repeat_while, RepeatWhile::cell_nonzero);
  EXPECT_EQ(plan[0].c_call, "while (flag[1] != 0) /* spin */");
  EXPECT_EQ(plan[1].c_call, "flag[1] = 1");
  EXPECT_EQ(plan[1].flag_role, FlagRole::enter);
  EXPECT_EQ(plan[3].c_call, "flag[1] = 0");
  EXPECT_EQ(plan[3].flag_role, FlagRole::leave);
  EXPECT_EQ(plan[0].label, "spin while flag[1] is not 0") << "as the GUI words it (OpText)";
  EXPECT_EQ(plan[1].label, "set flag[1] to 1: taken");
  EXPECT_EQ(plan[3].label, "set flag[1] to 0: free");
}

TEST(FlagLock, ATestOfASetFlagSpinsOnTheSameOpBusyNotBlocked) {
  auto ls = LiveSession::start(spin_scenario(false));
  ASSERT_TRUE(ls);
  for (int i = 0; i < 3; ++i) ASSERT_EQ(ls->step("holder"), StepResult::granted);
  // holder: tested 0, set the flag, now asleep inside on `go`.
  Snapshot snap = ls->snapshot();
  EXPECT_EQ(worker_in(snap, "holder").state, WorkerState::blocked);
  EXPECT_EQ(object_in(snap, "flag").cells, (std::vector<int64_t>{0, 1}));
  EXPECT_EQ(object_in(snap, "flag").holders, (std::vector<int>{ls->index("holder")}));
  for (int i = 0; i < 3; ++i) ASSERT_EQ(ls->step("spinner"), StepResult::granted);
  snap = ls->snapshot();
  const WorkerStatus& spinner = worker_in(snap, "spinner");
  EXPECT_EQ(spinner.op, 0) << "still on its test";
  EXPECT_EQ(spinner.steps, 3u);
  EXPECT_EQ(spinner.state, WorkerState::at_gate) << "waits for its next step, not for the flag";
  ls->collect();
  const std::vector<Event> tests = ls->of(EventKind::value, "spinner");
  ASSERT_EQ(tests.size(), 3u);
  for (const Event& e : tests) {
    EXPECT_EQ(e.obj_name, "flag");
    EXPECT_EQ(e.value.value_or(-1), 1);
  }
  EXPECT_TRUE(ls->of(EventKind::block, "spinner").empty());

  // Running freely it busy-waits: on the CPU by the kernel's account, and
  // no deadlock though the only other process is asleep for good.
  ls->session().run(0);
  const auto deadline = std::chrono::steady_clock::now() + kDeadline;
  int on_cpu = 0;  // samples in a row with the spinner running (R)
  while (on_cpu < 5 && std::chrono::steady_clock::now() < deadline) {
    ls->session().wait_for_activity(std::chrono::milliseconds(20));
    snap = ls->snapshot();
    const WorkerStatus& w = worker_in(snap, "spinner");
    on_cpu = w.state == WorkerState::running && w.kernel.state == 'R' && w.op == 0 ? on_cpu + 1 : 0;
  }
  EXPECT_EQ(on_cpu, 5) << "the spinner was not seen running on the CPU";
  ls->session().pause();
  ls->settle();
  snap = ls->snapshot();
  ls->collect();
  EXPECT_FALSE(snap.deadlock) << *snap.deadlock;
  EXPECT_TRUE(ls->of(EventKind::block, "spinner").empty());
  EXPECT_TRUE(snap.findings.empty()) << snap.findings.front().text;
}

TEST(FlagLock, TheSpinnerEntersOnceTheHolderClears) {
  auto ls = LiveSession::start(spin_scenario(true));
  ASSERT_TRUE(ls);
  for (const char* p : {"holder", "holder", "holder", "spinner", "spinner", "poster"})
    ASSERT_EQ(ls->step(p), StepResult::granted) << p;
  // holder woke (its wait returned) and stands before its clear.
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& ev) {
    return std::any_of(ev.begin(), ev.end(), [](const Event& e) {
      return e.proc == "holder" && e.ev == EventKind::acquire && e.obj_name == "go";
    });
  }));
  ls->settle();
  ASSERT_EQ(ls->step("holder"), StepResult::granted);  // flag[1] = 0
  EXPECT_EQ(object_in(ls->snapshot(), "flag").holders, std::vector<int>{});
  ASSERT_EQ(ls->step("spinner"), StepResult::granted);  // reads 0: goes on
  EXPECT_EQ(worker_in(ls->snapshot(), "spinner").op, 1);
  ASSERT_EQ(ls->step("spinner"), StepResult::granted);  // flag[1] = 1
  const Snapshot snap = ls->snapshot();
  EXPECT_EQ(object_in(snap, "flag").holders, (std::vector<int>{ls->index("spinner")}));
  EXPECT_EQ(object_in(snap, "flag").cells, (std::vector<int64_t>{0, 1}));
  EXPECT_TRUE(snap.findings.empty()) << snap.findings.front().text;
  ls->collect();
  const std::vector<Event> released = ls->of(EventKind::release, "holder");
  const std::vector<Event> acquired = ls->of(EventKind::acquire, "spinner");
  ASSERT_EQ(acquired.size(), 1u);
  ASSERT_FALSE(released.empty());
  EXPECT_LT(released.back().t_ns, acquired[0].t_ns);
  EXPECT_EQ(acquired[0].detail, "flag set: inside the critical section");
}

TEST(FlagLock, TheLoaderSaysWhatAGuardMustBe) {
  const LoadResult r = test::load(
      "objects:\n"                                                        // 5
      "  - {name: flag, kind: shared_memory, cells: 2}\n"                 // 6
      "  - {name: m, kind: mutex}\n"                                      // 7
      "  - {name: p, kind: pipe}\n"                                       // 8
      "processes:\n"                                                      // 9
      "  - name: a\n"                                                     // 10
      "    steps:\n"                                                      // 11
      "      - critical: {guard: p, steps: [{exit: 0}]}\n"                // 12
      "      - critical: {guard: m, cell: 1, steps: [{exit: 0}]}\n"       // 13
      "      - critical: {guard: flag, cell: 2, steps: [{exit: 0}]}\n"    // 14
      "      - critical: {guard: flag, cell: 1, steps: [{exit: 0}]}\n");  // 15
  EXPECT_TRUE(test::HasError(r, 12, 27,
                             "'critical' needs a mutex, a semaphore, an rwlock, a file_lock or a "
                             "shared_memory (a flag), but 'p' is a pipe"));
  EXPECT_TRUE(
      test::HasError(r, 13, 30, "'cell' only applies to a shared_memory, but 'm' is a mutex"));
  EXPECT_TRUE(test::HasError(r, 14, 39, "cell 2 does not exist: 'flag' has 2 cells (0 to 1)"));
  EXPECT_EQ(r.errors.size(), 3u) << test::all_errors(r);
}

TEST(FlagLock, AGuardOfFlagCountsTestSetAndClear) {
  const LoadResult r = test::load(
      "objects: [{name: flag, kind: shared_memory}, {name: c, kind: shared_memory}]\n"
      "processes:\n"
      "  - name: a\n"
      "    steps:\n"
      "      - critical: {guard: flag, steps: [{add: {to: c, value: 1, expand: true}}]}\n");
  ASSERT_TRUE(r.ok()) << test::all_errors(r);
  const Action& critical = r.scenario->processes[0].steps[0];
  EXPECT_TRUE(critical.flag_guard);
  EXPECT_EQ(critical.cell, 0);
  EXPECT_EQ(expanded_action_count(r.scenario->processes[0].steps), 6) << "test, set, 3, clear";
}

// --- the split message ------------------------------------------------------

TEST(SplitMessageChallenge, TwoWritesThenOneReadSplitsTheSecond) {
  auto ls = LiveSession::start(bundled_text("challenge-split-message"));
  ASSERT_TRUE(ls);
  const ChallengePlay p = play(*ls, {"writer", "writer", "reader"});
  EXPECT_TRUE(p.problems.empty()) << p.problems.front();
  ASSERT_EQ(p.verdict.status, ChallengeStatus::won) << p.verdict.sentence;
  ASSERT_TRUE(p.verdict.finding);
  EXPECT_EQ(p.verdict.finding->kind, FindingKind::split);
  EXPECT_EQ(p.verdict.finding->value, 16) << "bytes read";
  EXPECT_EQ(p.verdict.sentence,
            "message #2 (10 bytes) was split: this read got 6 of its bytes, the rest stays in "
            "the channel");
  EXPECT_EQ(object_in(ls->snapshot(), "pipe").contents, (std::vector<std::string>{"e 02"}));
}

TEST(SplitMessageChallenge, ReadingAfterEachWriteKeepsEveryMessageWhole) {
  auto ls = LiveSession::start(bundled_text("challenge-split-message"));
  ASSERT_TRUE(ls);
  const ChallengePlay p = play(*ls, {"writer", "reader", "writer", "reader", "writer", "reader"});
  EXPECT_TRUE(p.problems.empty()) << p.problems.front();
  EXPECT_EQ(p.verdict.status, ChallengeStatus::lost);
  EXPECT_EQ(p.verdict.loss, ChallengeVerdict::Loss::finished) << p.verdict.sentence;
  ls->collect();
  for (const Event& e : ls->of(EventKind::recv, "reader")) EXPECT_EQ(e.bytes, 10);
}

// --- the file-lock deadlock -------------------------------------------------

TEST(FileLockDeadlockChallenge, OppositeOrdersCloseACycleOfFlockWaits) {
  auto ls = LiveSession::start(bundled_text("challenge-file-lock-deadlock"));
  ASSERT_TRUE(ls);
  const ChallengePlay p = play(*ls, {"clerk_a", "clerk_b", "clerk_a", "clerk_b"});
  EXPECT_TRUE(p.problems.empty()) << p.problems.front();
  ASSERT_EQ(p.verdict.status, ChallengeStatus::won) << p.verdict.sentence;
  ASSERT_TRUE(p.verdict.finding);
  EXPECT_EQ(p.verdict.finding->kind, FindingKind::deadlock);
  const Snapshot snap = ls->snapshot();
  ASSERT_EQ(snap.deadlock_cycle.size(), 2u) << snap.deadlock.value_or("no deadlock");
  for (const char* name : {"clerk_a", "clerk_b"}) {
    const WorkerStatus& w = worker_in(snap, name);
    EXPECT_EQ(w.state, WorkerState::blocked) << name;
    EXPECT_EQ(w.kernel.syscall_name, "flock") << name;
  }
  // Neither lock was refused: flock() has no EDEADLK.
  ls->collect();
  EXPECT_TRUE(ls->of(EventKind::error).empty()) << ls->of(EventKind::error).front().detail;
}

TEST(FileLockDeadlockChallenge, OneClerkAfterTheOtherFinishes) {
  auto ls = LiveSession::start(bundled_text("challenge-file-lock-deadlock"));
  ASSERT_TRUE(ls);
  const ChallengePlay p = play(*ls, repeated("clerk_a", 4) + repeated("clerk_b", 4));
  EXPECT_TRUE(p.problems.empty()) << p.problems.front();
  EXPECT_EQ(p.verdict.status, ChallengeStatus::lost);
  EXPECT_EQ(p.verdict.loss, ChallengeVerdict::Loss::finished) << p.verdict.sentence;
  EXPECT_FALSE(ls->session().deadlock());
}

}  // namespace
}  // namespace ipclab::live
