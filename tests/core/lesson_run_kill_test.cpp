// A lesson's `run:` (until really blocked or finished) and `kill:` (kill -9)
// with real processes, and Session::kill itself: the death is reported as a
// kill, the kernel cleans up (a robust mutex's next locker is told
// EOWNERDEAD), and nothing is left behind.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/sem.h>

#include "runtime/lesson_check.hpp"
#include "runtime/session_dir.hpp"
#include "scenario/loader.hpp"
#include "scenario_test_util.hpp"
#include "test_support.hpp"

namespace ipclab {
namespace {

using live::LiveSession;
using live::object_in;
using live::worker_in;

constexpr const char* kTakers = R"(objects:
  - {name: s, kind: semaphore, initial: 2}
processes:
  - name: taker
    steps:
      - repeat: {times: 3, steps: [{wait: s}]}
      - print: "took three"
  - name: giver
    steps: [{post: s}, {print: "gave one"}]
  - name: looper
    steps:
      - repeat: {times: 1200, steps: [{print: "round {i}"}]}
lesson:
  - say: "run the taker"
    run: taker
  - say: "run the giver"
    run: giver
  - say: "too long"
    run: looper
)";

std::vector<Event> steps_of(LiveSession& ls, const std::string& proc) {
  ls.collect();
  return ls.of(EventKind::step, proc);
}

std::string sentences(const std::vector<StepProblem>& problems) {
  std::string out;
  for (const StepProblem& p : problems) out += p.sentence + "; ";
  return out;
}

TEST(LessonRun, StopsWhereTheKernelPutsTheProcessToSleepAndWhereItEnds) {
  auto ls = LiveSession::start(live::scenario_text(kTakers));
  ASSERT_TRUE(ls);
  Session& s = ls->session();
  const std::vector<LessonStep>& lesson = s.scenario().lesson;

  // Two waits go through, the third sleeps in the kernel: three actions.
  EXPECT_EQ(sentences(grant_lesson_step(s, lesson[0])), "");
  live::expect_asleep_in(*ls, "taker", "futex");
  EXPECT_EQ(steps_of(*ls, "taker").size(), 3u);
  EXPECT_EQ(steps_of(*ls, "giver").size(), 0u) << "only the process named runs";

  // The giver posts (which wakes the taker) and runs to its end.
  EXPECT_EQ(sentences(grant_lesson_step(s, lesson[1])), "");
  EXPECT_EQ(worker_in(ls->snapshot(), "giver").state, WorkerState::exited);
  EXPECT_EQ(steps_of(*ls, "giver").size(), 2u);

  // Woken, the taker runs to its end.
  LessonStep taker;
  taker.run = {"taker"};
  EXPECT_EQ(sentences(grant_lesson_step(s, taker)), "");
  EXPECT_EQ(worker_in(ls->snapshot(), "taker").state, WorkerState::exited);

  // The looper never blocks: 1000 actions, then a problem in words.
  const std::vector<StepProblem> p = grant_lesson_step(s, lesson[2]);
  ASSERT_EQ(p.size(), 1u) << sentences(p);
  EXPECT_EQ(p[0].kind, StepProblem::Kind::run_too_long);
  EXPECT_EQ(p[0].limit, kRunMaxActions);
  EXPECT_EQ(p[0].sentence, "looper did not block or finish within 1000 actions");
  EXPECT_EQ(static_cast<int64_t>(steps_of(*ls, "looper").size()), kRunMaxActions);
  EXPECT_EQ(worker_in(ls->snapshot(), "looper").state, WorkerState::at_gate);
}

TEST(LessonRun, AllTakesTurnsUntilNobodyCanStep) {
  auto ls = LiveSession::start(live::scenario_text(R"(objects:
  - {name: items, kind: semaphore, initial: 0}
  - {name: stuck, kind: semaphore, initial: 0}
processes:
  - name: consumer
    steps: [{wait: items}, {wait: items}, {print: "got two"}]
  - name: producer
    steps: [{post: items}, {post: items}, {print: "made two"}]
  - name: waiter
    steps: [{print: "about to wait"}, {wait: stuck}]
lesson:
  - say: "all"
    run: all
)"));
  ASSERT_TRUE(ls);
  Session& s = ls->session();
  EXPECT_EQ(sentences(grant_lesson_step(s, s.scenario().lesson[0])), "");
  const Snapshot snap = ls->snapshot();
  EXPECT_EQ(worker_in(snap, "consumer").state, WorkerState::exited);
  EXPECT_EQ(worker_in(snap, "producer").state, WorkerState::exited);
  // Nobody is left to post `stuck`: the waiter is asleep for good, and that ends the run.
  live::expect_asleep_in(*ls, "waiter", "futex");
  EXPECT_EQ(steps_of(*ls, "waiter").size(), 2u);
}

TEST(LessonRun, TheLoaderChecksTheProcessesNamed) {
  const std::string head =
      "objects: [{name: s, kind: semaphore}]\n"            // 5
      "processes:\n"                                       // 6
      "  - {name: writer, steps: [{post: s}]}\n"           // 7
      "  - {name: racer, count: 2, steps: [{wait: s}]}\n"  // 8
      "lesson:\n";                                         // 9
  LoadResult r = test::load(head +
                            "  - {say: x, run: writr}\n"          // 10
                            "  - {say: x, run: [writer, all]}\n"  // 11
                            "  - {say: x, kill: all}\n"           // 12
                            "  - {say: x, kill: [racer#3]}\n"     // 13
                            "  - {say: x, run: []}\n");           // 14
  EXPECT_TRUE(test::HasError(r, 10, 19, "unknown process 'writr' (did you mean 'writer'?)"));
  EXPECT_TRUE(test::HasError(r, 11, 28, "'all' already runs every process"));
  EXPECT_TRUE(test::HasError(r, 12, 20, "unknown process 'all'"));
  EXPECT_TRUE(test::HasError(r, 13, 21, "'racer#3' is not one of its copies"));
  EXPECT_TRUE(test::HasError(r, 14, 19, "'run' is empty: name a process"));

  LoadResult ok =
      test::load(head + "  - {say: x, step: {writer: 1}, kill: racer, run: [racer#1, all]}\n");
  EXPECT_FALSE(ok.ok());  // `all` with another name
  LoadResult good =
      test::load(head + "  - {say: x, step: {writer: 1}, kill: racer#2, run: racer}\n");
  ASSERT_TRUE(good.ok()) << test::all_errors(good);
  const LessonStep& step = good.scenario->lesson[0];
  EXPECT_EQ(step.kill, std::vector<std::string>{"racer#2"});
  EXPECT_EQ(step.run, std::vector<std::string>{"racer"});
}

constexpr const char* kOwner = R"(objects:
  - {name: m, kind: mutex, robust: true}
  - {name: ledger, kind: shared_memory, cells: 1}
processes:
  - name: owner
    steps:
      - lock: m
      - write: {to: ledger, cell: 0, value: 1}
      - write: {to: ledger, cell: 0, value: 2}
      - unlock: m
  - name: next
    steps: [{lock: m}, {consistent: m}, {unlock: m}]
lesson:
  - say: "inside"
    step: {owner: 2, next: 1}
  - say: "kill -9"
    kill: owner
)";

TEST(SessionKill, KillsInsideTheCriticalSectionAndTheNextLockerIsToldTheOwnerDied) {
  auto ls = LiveSession::start(live::scenario_text(kOwner));
  ASSERT_TRUE(ls);
  Session& s = ls->session();
  const std::string tag = ls->tag(), folder = ls->folder();
  std::vector<pid_t> pids;
  for (const WorkerStatus& w : ls->snapshot().workers) pids.push_back(w.pid);
  const pid_t owner = ls->pid("owner");

  EXPECT_EQ(sentences(grant_lesson_step(s, s.scenario().lesson[0])), "");
  live::expect_asleep_in(*ls, "next", "futex");
  EXPECT_EQ(object_in(ls->snapshot(), "m").owner, ls->index("owner"));

  // The lesson's `kill:`: a real SIGKILL, seen as such, and the waiter
  // settled with the mutex.
  EXPECT_EQ(sentences(grant_lesson_step(s, s.scenario().lesson[1])), "");
  ls->collect();
  const std::vector<Event> exits = ls->of(EventKind::exit, "owner");
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_EQ(exits[0].detail, "killed by SIGKILL");
  const Snapshot snap = ls->snapshot();
  EXPECT_EQ(worker_in(snap, "owner").state, WorkerState::killed);
  EXPECT_EQ(worker_in(snap, "owner").term_signal, SIGKILL);
  EXPECT_EQ(worker_in(snap, "next").state, WorkerState::at_gate);
  const std::vector<Event> got = ls->of(EventKind::acquire, "next");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_TRUE(got[0].detail.starts_with("EOWNERDEAD")) << got[0].detail;
  EXPECT_EQ(object_in(snap, "m").owner, ls->index("next"));
  EXPECT_EQ(object_in(snap, "ledger").cells.at(0), 1) << "the update was cut off halfway";
  // Reaped: no zombie (the pid is gone), and the lesson's `finished` holds.
  EXPECT_EQ(live::process_state(owner), '?') << "no zombie";
  LessonStep finished;
  finished.expect = Expect{};
  finished.expect->finished = {"owner"};
  EXPECT_TRUE(check_expect(s, *finished.expect).ok());

  // A second kill is refused in words; the session is unchanged.
  EXPECT_EQ(s.kill(ls->index("owner")), KillResult::finished);
  EXPECT_STREQ(describe(KillResult::finished), "it has already finished");
  const std::vector<StepProblem> again = grant_lesson_step(s, s.scenario().lesson[1]);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].kind, StepProblem::Kind::not_killed);
  EXPECT_EQ(again[0].kill_result, KillResult::finished);
  EXPECT_EQ(again[0].sentence, "could not kill owner: it has already finished");
  EXPECT_EQ(s.kill(-1), KillResult::unknown_process);
  EXPECT_EQ(s.kill(99), KillResult::unknown_process);

  // The survivor repairs and goes on; nothing leaks at the end.
  ASSERT_EQ(ls->step("next"), StepResult::granted);
  ASSERT_EQ(ls->step("next"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_TRUE(ls->of(EventKind::error).empty());
  ls->stop();
  EXPECT_EQ(live::leftovers(tag, folder, pids, {}), "");
}

TEST(SessionKill, SemUndoGivesTheCountBackAndTheSetIsRemovedAtTheEnd) {
  auto ls = LiveSession::start(live::scenario_text(R"(objects:
  - {name: u, kind: semaphore, flavor: sysv, initial: 1, undo: true}
processes:
  - name: holder
    steps:
      - critical: {guard: u, steps: [{print: "inside"}, {exit: 1}]}
  - name: next
    steps: [{wait: u}, {post: u}]
lesson:
  - say: "inside, and next waits"
    step: {holder: 2, next: 1}
  - say: "kill -9"
    kill: holder
    expect: {finished: [holder], running: [next], value: {u: 0}}
)"));
  ASSERT_TRUE(ls);
  Session& s = ls->session();
  const std::string tag = ls->tag(), folder = ls->folder();
  std::vector<pid_t> pids;
  for (const WorkerStatus& w : ls->snapshot().workers) pids.push_back(w.pid);
  const key_t key = sysv_key(ipc_object_name(tag, "u"));
  ASSERT_GE(::semget(key, 0, 0), 0) << "the session's set exists while it runs";

  EXPECT_EQ(sentences(grant_lesson_step(s, s.scenario().lesson[0])), "");
  live::expect_asleep_in(*ls, "next", "semop");
  EXPECT_EQ(sentences(grant_lesson_step(s, s.scenario().lesson[1])), "");
  // The kernel undid holder's P as it died (semadj), which let next in.
  const ExpectOutcome o = check_expect(s, *s.scenario().lesson[1].expect);
  EXPECT_TRUE(o.ok()) << (o.failed.empty() ? "" : o.failed[0]);
  EXPECT_EQ(worker_in(ls->snapshot(), "holder").state, WorkerState::killed);
  ASSERT_EQ(ls->step("next"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  ls->stop();
  errno = 0;
  EXPECT_LT(::semget(key, 0, 0), 0) << "the System V set outlived the session (ipcs -s)";
  EXPECT_EQ(errno, ENOENT);
  EXPECT_EQ(live::leftovers(tag, folder, pids, {}), "");
}

TEST(SessionKill, KillsABlockedProcessAndAProcessAtItsGateWhileRunningFreely) {
  auto ls = LiveSession::start(live::scenario_text(R"(objects:
  - {name: q, kind: posix_mq}
  - {name: never, kind: semaphore, initial: 0}
processes:
  - name: sleeper
    steps: [{recv: q}]
  - name: stepper
    steps: [{print: a}, {print: b}]
  - name: runner
    steps: [{wait: never}]
)"));
  ASSERT_TRUE(ls);
  Session& s = ls->session();
  const std::string tag = ls->tag(), folder = ls->folder();
  std::vector<pid_t> pids;
  for (const WorkerStatus& w : ls->snapshot().workers) pids.push_back(w.pid);
  ASSERT_EQ(ls->step("sleeper"), StepResult::granted);
  live::expect_asleep_in(*ls, "sleeper", "mq_timedreceive");
  EXPECT_EQ(s.kill(ls->index("sleeper")), KillResult::killed);
  EXPECT_EQ(s.kill(ls->index("stepper")), KillResult::killed);
  const Snapshot snap = ls->snapshot();
  EXPECT_EQ(worker_in(snap, "sleeper").state, WorkerState::killed);
  EXPECT_EQ(worker_in(snap, "stepper").state, WorkerState::killed);
  EXPECT_TRUE(object_in(snap, "q").waiters.empty()) << "a dead process waits for nothing";
  // While running freely too.
  s.run(0);
  ASSERT_TRUE(ls->wait_for([&](const std::vector<Event>& ev) {
    for (const Event& e : ev)
      if (e.ev == EventKind::block && e.proc == "runner") return true;
    return false;
  }));
  EXPECT_EQ(s.kill(ls->index("runner")), KillResult::killed);
  ASSERT_TRUE(ls->wait_finished());
  for (const Event& e : ls->of(EventKind::exit)) EXPECT_EQ(e.detail, "killed by SIGKILL") << e.proc;
  ls->stop();
  EXPECT_EQ(live::leftovers(tag, folder, pids, {ipc_object_name(tag, "q")}), "");
}

}  // namespace
}  // namespace ipclab
