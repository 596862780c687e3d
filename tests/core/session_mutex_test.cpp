// Mutexes with real processes, robust and not: a process that dies holding
// one, EOWNERDEAD, pthread_mutex_consistent, ENOTRECOVERABLE, and the waiter
// that sleeps for ever on a mutex that is not robust. Each blocked process
// is confirmed by the kernel (asleep in futex).
#include <gtest/gtest.h>
#include <signal.h>

#include "test_support.hpp"

namespace ipclab::live {
namespace {

auto has(EventKind ev, const std::string& proc, int count = 1) {
  return [ev, proc, count](const std::vector<Event>& events) {
    int n = 0;
    for (const Event& e : events)
      if (e.ev == ev && e.proc == proc) ++n;
    return n >= count;
  };
}

std::string details(const std::vector<Event>& events) {
  std::string out;
  for (const Event& e : events) out += e.detail + " | ";
  return out;
}

struct Footprint {
  std::string tag, folder;
  std::vector<pid_t> pids;
};

Footprint footprint_of(LiveSession& ls) {
  Footprint f{ls.tag(), ls.folder(), {}};
  for (const WorkerStatus& w : ls.snapshot().workers) f.pids.push_back(w.pid);
  return f;
}

TEST(RobustMutex, KilledOwnerGivesTheWaiterEownerdeadThenConsistentRepairsIt) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: m, kind: mutex, robust: true}
processes:
  - name: holder
    steps: [{lock: m}, {sigwait: SIGUSR1}]
  - name: heir
    steps: [{lock: m}, {consistent: m}, {unlock: m}]
  - name: late
    steps: [{lock: m}, {unlock: m}]
)"));
  ASSERT_TRUE(ls);
  const Footprint f = footprint_of(*ls);
  ASSERT_EQ(ls->step("holder"), StepResult::granted);  // holds m
  ASSERT_EQ(ls->step("holder"), StepResult::granted);  // asleep in sigwait, holding m
  ASSERT_EQ(ls->step("heir"), StepResult::granted);    // waits for m
  expect_asleep_in(*ls, "heir", "futex");
  EXPECT_EQ(object_in(ls->snapshot(), "m").owner_tid_kernel, ls->pid("holder"));

  ASSERT_GT(ls->pid("holder"), 0);
  ASSERT_EQ(::kill(ls->pid("holder"), SIGKILL), 0);
  ASSERT_TRUE(ls->wait_for(has(EventKind::acquire, "heir")));
  ls->settle();
  const Event got = ls->of(EventKind::acquire, "heir").at(0);
  EXPECT_TRUE(got.detail.starts_with("EOWNERDEAD")) << got.detail;
  {
    const Snapshot snap = ls->snapshot();
    const ObjectStatus& m = object_in(snap, "m");
    EXPECT_EQ(m.owner, ls->index("heir")) << "the model records the new holder";
    EXPECT_EQ(m.holders, std::vector<int>{ls->index("heir")});
    EXPECT_EQ(m.owner_tid_kernel, ls->pid("heir"));
    EXPECT_EQ(worker_in(snap, "holder").state, WorkerState::killed);
  }
  ASSERT_EQ(ls->step("heir"), StepResult::granted);  // consistent
  ls->collect();
  const std::vector<Event> values = ls->of(EventKind::value, "heir");
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].detail, "pthread_mutex_consistent: the mutex is usable again");
  EXPECT_TRUE(ls->of(EventKind::error, "heir").empty()) << details(ls->of(EventKind::error));
  ASSERT_EQ(ls->step("heir"), StepResult::granted);  // unlock
  // Repaired: the next locker gets it as an ordinary mutex.
  ASSERT_EQ(ls->step("late"), StepResult::granted);
  ls->collect();
  ASSERT_EQ(ls->of(EventKind::acquire, "late").size(), 1u);
  EXPECT_EQ(ls->of(EventKind::acquire, "late")[0].detail, "pthread_mutex_lock");
  EXPECT_EQ(object_in(ls->snapshot(), "m").owner, ls->index("late"));
  ASSERT_EQ(ls->step("late"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_TRUE(ls->of(EventKind::error).empty()) << details(ls->of(EventKind::error));
  ls->stop();
  EXPECT_EQ(leftovers(f.tag, f.folder, f.pids, {}), "");
}

TEST(RobustMutex, UnlockWithoutConsistentMakesItNotRecoverable) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: m, kind: mutex, robust: true}
processes:
  - name: holder
    steps: [{lock: m}, {exit: 1}]
  - name: careless
    steps: [{lock: m}, {unlock: m}]
  - name: late
    steps: [{lock: m}, {print: "never locked"}]
)"));
  ASSERT_TRUE(ls);
  const Footprint f = footprint_of(*ls);
  ASSERT_EQ(ls->step("holder"), StepResult::granted);
  ASSERT_EQ(ls->step("holder"), StepResult::granted);  // exit 1 inside its critical section
  ASSERT_TRUE(ls->wait_for(has(EventKind::exit, "holder")));
  // It said what it left behind before it went.
  const std::vector<Event> left = ls->of(EventKind::value, "holder");
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0].obj_name, "m");
  EXPECT_NE(left[0].detail.find("EOWNERDEAD"), std::string::npos) << left[0].detail;

  // The owner is already dead: the lock does not even block.
  ASSERT_EQ(ls->step("careless"), StepResult::granted);
  ls->collect();
  EXPECT_TRUE(ls->of(EventKind::block, "careless").empty());
  ASSERT_EQ(ls->of(EventKind::acquire, "careless").size(), 1u);
  EXPECT_TRUE(ls->of(EventKind::acquire, "careless")[0].detail.starts_with("EOWNERDEAD"));
  ASSERT_EQ(ls->step("careless"), StepResult::granted);  // unlock, never consistent
  ls->collect();
  ASSERT_EQ(ls->of(EventKind::release, "careless").size(), 1u);
  EXPECT_NE(ls->of(EventKind::release, "careless")[0].detail.find("ENOTRECOVERABLE"),
            std::string::npos);

  ASSERT_EQ(ls->step("late"), StepResult::granted);
  ls->collect();
  EXPECT_TRUE(ls->of(EventKind::acquire, "late").empty());
  EXPECT_TRUE(ls->of(EventKind::block, "late").empty());
  const std::vector<Event> errors = ls->of(EventKind::error, "late");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(errors[0].detail.find("ENOTRECOVERABLE") != std::string::npos) << errors[0].detail;
  EXPECT_EQ(object_in(ls->snapshot(), "m").owner, -1);
  ls->stop();
  EXPECT_EQ(leftovers(f.tag, f.folder, f.pids, {}), "");
}

TEST(PlainMutex, AWaiterForADeadOwnerSleepsForEverAndTheNoteSaysWhy) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: m, kind: mutex}
processes:
  - name: holder
    steps: [{lock: m}, {sigwait: SIGUSR1}]
  - name: waiter
    steps: [{lock: m}, {unlock: m}]
)"));
  ASSERT_TRUE(ls);
  const Footprint f = footprint_of(*ls);
  const pid_t holder = ls->pid("holder");
  ASSERT_EQ(ls->step("holder"), StepResult::granted);
  ASSERT_EQ(ls->step("holder"), StepResult::granted);
  ASSERT_EQ(ls->step("waiter"), StepResult::granted);
  expect_asleep_in(*ls, "waiter", "futex");
  EXPECT_EQ(object_in(ls->snapshot(), "m").kernel_note, "") << "its owner is alive";

  ASSERT_GT(holder, 0);
  ASSERT_EQ(::kill(holder, SIGKILL), 0);
  ASSERT_TRUE(ls->wait_for(has(EventKind::exit, "holder")));
  ls->settle();
  // The kernel did not hand it on: the waiter still sleeps in futex(), the
  // mutex still names the dead owner, and nothing acquired it.
  expect_asleep_in(*ls, "waiter", "futex");
  {
    const Snapshot snap = ls->snapshot();
    const ObjectStatus& m = object_in(snap, "m");
    EXPECT_EQ(m.owner_tid_kernel, holder);
    EXPECT_EQ(m.owner, ls->index("holder")) << "the dead owner keeps it in the model";
    EXPECT_EQ(m.holders, std::vector<int>{ls->index("holder")});
    EXPECT_EQ(m.waiters, std::vector<int>{ls->index("waiter")});
    EXPECT_NE(m.kernel_note.find("held by holder (pid " + std::to_string(holder) +
                                 "), which died holding it: a mutex that is not robust is "
                                 "never released"),
              std::string::npos)
        << m.kernel_note;
    EXPECT_NE(m.kernel_note.find("waiters sleep"), std::string::npos) << m.kernel_note;
  }
  EXPECT_TRUE(ls->of(EventKind::acquire, "waiter").empty());
  EXPECT_EQ(ls->session().step(ls->index("waiter")), StepResult::blocked);
  // The session still ends it.
  ls->stop();
  const std::vector<Event> exits = ls->of(EventKind::exit, "waiter");
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_NE(exits[0].detail.find("killed"), std::string::npos) << exits[0].detail;
  EXPECT_EQ(leftovers(f.tag, f.folder, f.pids, {}), "");
}

// The free run of robust-mutex-owner-died when latecomer goes first: the
// mutex is not recoverable, survivor's lock fails, and its unlock of a
// mutex it does not hold is refused with EPERM (glibc itself would crash).
TEST(RobustMutex, UnlockingANotRecoverableMutexOneDoesNotHoldIsRefused) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: m, kind: mutex, robust: true}
processes:
  - name: holder
    steps: [{lock: m}, {exit: 1}]
  - name: careless
    steps: [{lock: m}, {unlock: m}]
  - name: late
    steps: [{lock: m}, {unlock: m}]
)"));
  ASSERT_TRUE(ls);
  for (const char* p : {"holder", "holder", "careless", "careless"})
    ASSERT_EQ(ls->step(p), StepResult::granted) << p;
  ASSERT_EQ(ls->step("late"), StepResult::granted);  // lock: ENOTRECOVERABLE
  ASSERT_EQ(ls->step("late"), StepResult::granted);  // unlock: not its mutex
  ASSERT_TRUE(ls->wait_finished());
  const std::vector<Event> errors = ls->of(EventKind::error, "late");
  ASSERT_EQ(errors.size(), 2u) << details(errors);
  EXPECT_NE(errors[0].detail.find("ENOTRECOVERABLE"), std::string::npos) << errors[0].detail;
  EXPECT_NE(errors[1].detail.find("EPERM"), std::string::npos) << errors[1].detail;
  const std::vector<Event> exits = ls->of(EventKind::exit, "late");
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_EQ(exits[0].detail, "exit code 0");
}

TEST(PlainMutex, AProcessThatExitsHoldingItSaysSo) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: m, kind: mutex}
  - {name: r, kind: mutex, robust: true}
processes:
  - name: holder
    steps: [{lock: m}, {lock: r}, {unlock: r}]
)"));
  ASSERT_TRUE(ls);
  ls->session().run(0);
  ASSERT_TRUE(ls->wait_finished());
  const std::vector<Event> notes = ls->of(EventKind::value, "holder");
  ASSERT_EQ(notes.size(), 1u) << "only the mutex still held at the end: " << details(notes);
  EXPECT_EQ(notes[0].obj_name, "m");
  EXPECT_EQ(notes[0].detail,
            "exits holding it: not robust, so never released; waiters wait for ever");
  const Snapshot snap = ls->snapshot();
  EXPECT_EQ(object_in(snap, "m").owner, 0) << "a process that is gone still holds it";
  EXPECT_EQ(object_in(snap, "r").owner, -1);
}

}  // namespace
}  // namespace ipclab::live
