// Semaphores of every flavor with real processes: who may enter, who
// blocks (the kernel has it asleep in the call the worker announced), who
// wakes, trywait and timed waits, SEM_UNDO after a process died inside its
// section, and nothing left behind.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/sem.h>

#include <algorithm>

#include "runtime/session_dir.hpp"
#include "scenario/loader.hpp"
#include "scenario_test_util.hpp"
#include "test_support.hpp"

namespace ipclab::live {
namespace {

struct Flavor {
  const char* name;     // the flavor: key
  bool undo;            // sysv only
  const char* sleeps;   // the system call a blocked wait sleeps in
  const char* timed;    // ... a timed wait
  const char* timeout;  // the errno of a timed-out wait
};

std::string flavor_name(const Flavor& f) {
  return std::string(f.name) + (f.undo ? "_undo" : "");
}

class EveryFlavor : public ::testing::TestWithParam<Flavor> {
 protected:
  // Object `s` of this flavor with `initial`, then the processes.
  std::string scenario(int initial, const std::string& processes) const {
    const Flavor& f = GetParam();
    std::string obj = "  - {name: s, kind: semaphore, flavor: " + std::string(f.name) +
                      ", initial: " + std::to_string(initial);
    if (f.undo) obj += ", undo: true";
    return scenario_text("objects:\n" + obj + "}\nprocesses:\n" + processes);
  }
  bool sysv() const { return std::string(GetParam().name) == "sysv"; }
};

// Asleep in the kernel, in the call its block event named.
void expect_asleep_with_block(LiveSession& ls, const std::string& proc, const std::string& call) {
  expect_asleep_in(ls, proc, call);
  const std::vector<Event> blocks = ls.of(EventKind::block, proc);
  ASSERT_FALSE(blocks.empty()) << proc << " reported no block";
  EXPECT_EQ(blocks.back().syscall_name, call);
}

int64_t kernel_count(LiveSession& ls) {
  return object_in(ls.snapshot(), "s").kernel_fill.value_or(-1);
}

TEST_P(EveryFlavor, AtMostTheCountEnterAndTheNextOneSleepsInTheKernel) {
  auto ls = LiveSession::start(scenario(2, R"(  - name: w
    count: 3
    steps: [{wait: s}, {post: s}]
)"));
  ASSERT_TRUE(ls);
  EXPECT_EQ(kernel_count(*ls), 2);
  ASSERT_EQ(ls->step("w#1"), StepResult::granted);
  ASSERT_EQ(ls->step("w#2"), StepResult::granted);
  ls->collect();
  ASSERT_EQ(ls->of(EventKind::acquire).size(), 2u);
  EXPECT_EQ(ls->of(EventKind::acquire, "w#1")[0].value.value_or(-1), 1);
  EXPECT_EQ(ls->of(EventKind::acquire, "w#2")[0].value.value_or(-1), 0);
  EXPECT_EQ(kernel_count(*ls), 0);

  ASSERT_EQ(ls->step("w#3"), StepResult::granted);
  ls->collect();
  EXPECT_TRUE(ls->of(EventKind::acquire, "w#3").empty()) << "a third one got in";
  expect_asleep_with_block(*ls, "w#3", GetParam().sleeps);
  {
    const Snapshot snap = ls->snapshot();
    const ObjectStatus& s = object_in(snap, "s");
    EXPECT_EQ(s.kernel_fill.value_or(-1), 0);
    EXPECT_EQ(s.model_fill, 0);
    EXPECT_EQ(s.waiters, std::vector<int>{ls->index("w#3")});
    EXPECT_EQ(s.holders, (std::vector<int>{ls->index("w#1"), ls->index("w#2")}));
    if (sysv()) {
      EXPECT_NE(s.kernel_note.find("waiting: 1 (GETNCNT)"), std::string::npos) << s.kernel_note;
      // The last semop was w#2's, which got in.
      EXPECT_NE(s.kernel_note.find("last semop by pid " + std::to_string(ls->pid("w#2"))),
                std::string::npos)
          << s.kernel_note;
    }
  }
  // A post of one inside lets the sleeper in.
  ASSERT_EQ(ls->step("w#1"), StepResult::granted);
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& es) {
    return std::any_of(es.begin(), es.end(), [](const Event& e) {
      return e.ev == EventKind::acquire && e.proc == "w#3";
    });
  }));
  ls->settle();
  EXPECT_EQ(worker_in(ls->snapshot(), "w#3").state, WorkerState::at_gate);
  EXPECT_EQ(kernel_count(*ls), 0);
  ASSERT_EQ(ls->step("w#2"), StepResult::granted);
  ASSERT_EQ(ls->step("w#3"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  const ObjectStatus s = object_in(ls->snapshot(), "s");
  EXPECT_EQ(s.kernel_fill.value_or(-1), 2);
  EXPECT_EQ(s.model_fill, 2);
  EXPECT_TRUE(s.holders.empty());
}

TEST_P(EveryFlavor, OnePostWakesExactlyOneSleeper) {
  auto ls = LiveSession::start(scenario(0, R"(  - name: w
    count: 2
    steps: [{wait: s}, {print: inside}]
  - name: poster
    steps: [{post: s}, {post: s}]
)"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("w#1"), StepResult::granted);
  ASSERT_EQ(ls->step("w#2"), StepResult::granted);
  ls->collect();
  expect_asleep_with_block(*ls, "w#1", GetParam().sleeps);
  expect_asleep_with_block(*ls, "w#2", GetParam().sleeps);
  ASSERT_EQ(ls->step("poster"), StepResult::granted);
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& es) {
    return std::count_if(es.begin(), es.end(),
                         [](const Event& e) { return e.ev == EventKind::acquire; }) >= 1;
  }));
  ls->settle();
  const std::vector<Event> got = ls->of(EventKind::acquire);
  ASSERT_EQ(got.size(), 1u);
  // System V queues waiters in order (FIFO); a futex-based POSIX semaphore
  // promises no order, so only "exactly one" is certain there.
  if (sysv()) {
    EXPECT_EQ(got[0].proc, "w#1");
  }
  const std::string other = got[0].proc == "w#1" ? "w#2" : "w#1";
  expect_asleep_with_block(*ls, other, GetParam().sleeps);
  EXPECT_EQ(kernel_count(*ls), 0);
  ASSERT_EQ(ls->step("poster"), StepResult::granted);
  ASSERT_TRUE(ls->wait_for([&](const std::vector<Event>& es) {
    return std::any_of(es.begin(), es.end(), [&](const Event& e) {
      return e.ev == EventKind::acquire && e.proc == other;
    });
  }));
}

TEST_P(EveryFlavor, TrywaitSaysEagainInsteadOfBlocking) {
  auto ls = LiveSession::start(scenario(1, R"(  - name: a
    steps: [{trywait: s}, {trywait: s}, {print: done}]
)"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  ls->collect();
  ASSERT_EQ(ls->of(EventKind::acquire, "a").size(), 1u);
  EXPECT_EQ(kernel_count(*ls), 0);
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  ls->collect();
  EXPECT_EQ(ls->of(EventKind::acquire, "a").size(), 1u);
  EXPECT_TRUE(ls->of(EventKind::block, "a").empty());
  const std::vector<Event> rets = ls->of(EventKind::ret, "a");
  ASSERT_FALSE(rets.empty());
  EXPECT_EQ(rets.back().detail.rfind("EAGAIN", 0), 0u) << rets.back().detail;
  EXPECT_EQ(rets.back().value.value_or(0), -1);
  EXPECT_EQ(kernel_count(*ls), 0);
  EXPECT_EQ(object_in(ls->snapshot(), "s").model_fill, 0);
}

TEST_P(EveryFlavor, TimedWaitGetsAPostOrTimesOut) {
  auto ls = LiveSession::start(scenario(0, R"(  - name: a
    steps: [{wait: {sem: s, timeout_ms: 60000}}, {wait: {sem: s, timeout_ms: 30}}, {print: done}]
  - name: b
    steps: [{post: s}]
)"));
  ASSERT_TRUE(ls);
  const std::vector<Op>& plan = ls->session().plan(ls->index("a"));
  EXPECT_NE(plan[0].c_call.find(sysv() ? "semtimedop(" : "sem_timedwait("), std::string::npos)
      << plan[0].c_call;
  // Woken by a post before the time is up.
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  ls->collect();
  expect_asleep_with_block(*ls, "a", GetParam().timed);
  EXPECT_TRUE(ls->of(EventKind::block, "a").back().timed);
  ASSERT_EQ(ls->step("b"), StepResult::granted);
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& es) {
    return std::any_of(es.begin(), es.end(),
                       [](const Event& e) { return e.ev == EventKind::acquire; });
  }));
  // Nobody posts again: the kernel ends the second wait.
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& es) {
    return std::any_of(es.begin(), es.end(), [](const Event& e) {
      return e.ev == EventKind::unblock && e.detail == "timed out";
    });
  }));
  ls->settle();
  ls->collect();
  EXPECT_EQ(worker_in(ls->snapshot(), "a").state, WorkerState::at_gate);
  EXPECT_EQ(ls->of(EventKind::acquire, "a").size(), 1u);
  const std::vector<Event> rets = ls->of(EventKind::ret, "a");
  ASSERT_FALSE(rets.empty());
  EXPECT_EQ(rets.back().detail.rfind(GetParam().timeout, 0), 0u) << rets.back().detail;
  EXPECT_EQ(kernel_count(*ls), 0);
}

TEST_P(EveryFlavor, NothingLeftAfterTheHolderIsKilledAndTheSessionStops) {
  auto ls = LiveSession::start(scenario(1, R"(  - name: holder
    steps: [{wait: s}, {post: s}]
  - name: waiter
    steps: [{wait: s}, {print: inside}]
)"));
  ASSERT_TRUE(ls);
  const key_t key = sysv_key(ipc_object_name(ls->tag(), "s"));
  if (sysv()) {
    EXPECT_GE(::semget(key, 0, 0), 0) << "the set is there while the session runs";
  } else if (std::string(GetParam().name) == "posix_named") {
    EXPECT_TRUE(path_exists("/dev/shm/sem." + ipc_object_name(ls->tag(), "s").substr(1)));
  }
  ASSERT_EQ(ls->step("holder"), StepResult::granted);
  ASSERT_EQ(ls->step("waiter"), StepResult::granted);
  const pid_t holder = ls->pid("holder"), waiter = ls->pid("waiter");
  ASSERT_GT(holder, 0);
  ASSERT_EQ(::kill(holder, SIGKILL), 0);
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& es) {
    return std::any_of(es.begin(), es.end(), [](const Event& e) {
      return e.ev == EventKind::exit && e.proc == "holder";
    });
  }));
  ls->settle();
  {
    // Only SEM_UNDO gives the count back: then the waiter gets it.
    const Snapshot snap = ls->snapshot();
    const ObjectStatus& s = object_in(snap, "s");
    EXPECT_EQ(s.kernel_fill.value_or(-1), 0);
    EXPECT_EQ(s.model_fill, 0) << "the model disagrees with the kernel";
    EXPECT_EQ(worker_in(snap, "waiter").state,
              GetParam().undo ? WorkerState::at_gate : WorkerState::blocked);
  }
  ls->stop();
  EXPECT_EQ(leftovers(ls->tag(), ls->folder(), {holder, waiter}, {}), "");
  EXPECT_LT(::semget(key, 0, 0), 0) << "System V semaphore with key " << key << " left";
}

INSTANTIATE_TEST_SUITE_P(
    Semaphore, EveryFlavor,
    ::testing::Values(Flavor{"posix_named", false, "futex", "futex", "ETIMEDOUT"},
                      Flavor{"posix_unnamed", false, "futex", "futex", "ETIMEDOUT"},
                      // semtimedop says EAGAIN when the time is up.
                      Flavor{"sysv", false, "semop", "semtimedop", "EAGAIN"},
                      Flavor{"sysv", true, "semop", "semtimedop", "EAGAIN"}),
    [](const ::testing::TestParamInfo<Flavor>& info) { return flavor_name(info.param); });

// SEM_UNDO: a process that ends inside its section (killed, or exiting)
// gives its count back with undo, and keeps it without. The model agrees
// with the kernel either way.
struct UndoCase {
  bool undo;
  bool kill;  // SIGKILL, else `exit: 1` inside the section
};

class SemUndo : public ::testing::TestWithParam<UndoCase> {};

TEST_P(SemUndo, TheKernelRestoresTheCountOnlyWithUndo) {
  const UndoCase c = GetParam();
  const std::string yaml = scenario_text(
      std::string("objects:\n  - {name: s, kind: semaphore, flavor: sysv, initial: 1, undo: ") +
      (c.undo ? "true" : "false") + R"(}
processes:
  - name: a
    steps: [{wait: s}, )" +
      (c.kill ? "{post: s}" : "{exit: 1}") + R"(]
  - name: b
    steps: [{wait: s}, {post: s}]
)");
  auto ls = LiveSession::start(yaml);
  ASSERT_TRUE(ls);
  const std::vector<Op>& plan = ls->session().plan(ls->index("a"));
  EXPECT_EQ(plan[0].c_call,
            std::string("semop(s_id, &{0, -1, ") + (c.undo ? "SEM_UNDO" : "0") + "}, 1)");
  const pid_t a = ls->pid("a");
  const int ia = ls->index("a");
  const key_t key = sysv_key(ipc_object_name(ls->tag(), "s"));
  const int id = ::semget(key, 0, 0);
  ASSERT_GE(id, 0);
  ASSERT_EQ(ls->step("a"), StepResult::granted);  // a is inside
  ASSERT_EQ(ls->step("b"), StepResult::granted);  // b waits
  ls->collect();
  expect_asleep_with_block(*ls, "b", "semop");
  EXPECT_EQ(::semctl(id, 0, GETVAL), 0);
  EXPECT_EQ(::semctl(id, 0, GETNCNT), 1);
  EXPECT_EQ(object_in(ls->snapshot(), "s").holders, std::vector<int>{ia});
  if (c.kill)
    ASSERT_EQ(::kill(a, SIGKILL), 0);
  else
    ASSERT_EQ(ls->step("a"), StepResult::granted);  // exit: 1
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& es) {
    return std::any_of(es.begin(), es.end(),
                       [](const Event& e) { return e.ev == EventKind::exit && e.proc == "a"; });
  }));
  if (c.undo) {
    // The kernel gave a's count back and handed it to b at once.
    ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& es) {
      return std::any_of(es.begin(), es.end(), [](const Event& e) {
        return e.ev == EventKind::acquire && e.proc == "b";
      });
    }));
    ls->settle();
    EXPECT_EQ(worker_in(ls->snapshot(), "b").state, WorkerState::at_gate);
    EXPECT_EQ(::semctl(id, 0, GETNCNT), 0);
    EXPECT_EQ(::semctl(id, 0, GETPID), ls->pid("b"));
  } else {
    // Gone with the count: b sleeps on, and nothing can wake it.
    ls->settle();
    expect_asleep_with_block(*ls, "b", "semop");
    EXPECT_EQ(::semctl(id, 0, GETNCNT), 1);
    EXPECT_TRUE(ls->of(EventKind::acquire, "b").empty());
  }
  EXPECT_EQ(::semctl(id, 0, GETVAL), 0);
  const ObjectStatus s = object_in(ls->snapshot(), "s");
  EXPECT_EQ(s.kernel_fill.value_or(-1), 0);
  EXPECT_EQ(s.model_fill, 0) << "the model disagrees with the kernel";
  if (c.undo) {
    EXPECT_EQ(s.holders, std::vector<int>{ls->index("b")});
  } else {
    EXPECT_EQ(s.holders, std::vector<int>{ia}) << "a took it with it";
  }
  if (c.undo) {
    ASSERT_EQ(ls->step("b"), StepResult::granted);
    ASSERT_TRUE(ls->wait_finished());
    EXPECT_EQ(::semctl(id, 0, GETVAL), 1);
    EXPECT_EQ(object_in(ls->snapshot(), "s").model_fill, 1);
  }
  ls->stop();
  EXPECT_LT(::semget(key, 0, 0), 0);
}

INSTANTIATE_TEST_SUITE_P(Sysv, SemUndo,
                         ::testing::Values(UndoCase{true, true}, UndoCase{false, true},
                                           UndoCase{true, false}, UndoCase{false, false}),
                         [](const ::testing::TestParamInfo<UndoCase>& info) {
                           return std::string(info.param.undo ? "WithUndo" : "WithoutUndo") +
                                  (info.param.kill ? "Killed" : "Exiting");
                         });

TEST(SemaphorePlan, EachFlavorNamesItsOwnCall) {
  const LoadResult r = load_scenario_text(scenario_text(R"(objects:
  - {name: n, kind: semaphore}
  - {name: u, kind: semaphore, flavor: posix_unnamed}
  - {name: v, kind: semaphore, flavor: sysv}
  - {name: x, kind: semaphore, flavor: sysv, undo: true}
processes:
  - name: p
    steps: [{wait: n}, {post: n}, {wait: u}, {trywait: u}, {post: u},
            {wait: v}, {wait: {sem: v, timeout_ms: 5}}, {post: v}, {trywait: x},
            {critical: {guard: x, steps: [{print: hi}]}}]
)"),
                                          "inline.yaml");
  ASSERT_TRUE(r.ok()) << test::all_errors(r);
  const std::vector<WorkerIdentity> ids = enumerate_workers(*r.scenario);
  const std::vector<Op> plan = make_plan(*r.scenario, ids, 0);
  std::vector<std::string> calls, labels;
  for (const Op& op : plan) calls.push_back(op.c_call), labels.push_back(op.label);
  EXPECT_EQ(calls,
            (std::vector<std::string>{
                "sem_wait(n)", "sem_post(n)", "sem_wait(&u)", "sem_trywait(&u)", "sem_post(&u)",
                "semop(v_id, &{0, -1, 0}, 1)", "semtimedop(v_id, &{0, -1, 0}, 1, &{5 ms})",
                "semop(v_id, &{0, +1, 0}, 1)", "semop(x_id, &{0, -1, SEM_UNDO | IPC_NOWAIT}, 1)",
                "semop(x_id, &{0, -1, SEM_UNDO}, 1)", plan[10].c_call,
                "semop(x_id, &{0, +1, SEM_UNDO}, 1)"}));
  EXPECT_EQ(labels[0], "wait on n");
  EXPECT_EQ(labels[7], "post v");
  EXPECT_EQ(labels[8], "try to wait on x");
}

TEST(SemaphoreLoader, UndoOnlyForSystemVAndItsLimit) {
  const LoadResult r = load_scenario_text(scenario_text(R"(objects:
  - {name: a, kind: semaphore, undo: true}
  - {name: b, kind: semaphore, flavor: posix_unnamed, undo: false}
  - {name: c, kind: mutex, undo: true}
  - {name: d, kind: semaphore, flavor: sysv, undo: yes please}
  - {name: e, kind: semaphore, flavor: sysv, undo: true}
  - {name: f, kind: semaphore, flavor: sysv, initial: 40000}
processes:
  - name: p
    steps: [{post: e}]
)"),
                                          "inline.yaml");
  EXPECT_TRUE(test::HasError(r, 6, 32,
                             "'undo' (semop with SEM_UNDO) only applies to a semaphore with "
                             "'flavor: sysv', but 'a' is a posix_named semaphore"));
  EXPECT_TRUE(test::HasError(r, 7, 55, "but 'b' is a posix_unnamed semaphore"));
  EXPECT_TRUE(test::HasError(
      r, 8, 28, "only applies to a semaphore with 'flavor: sysv', but 'c' is a mutex"));
  EXPECT_TRUE(test::HasError(r, 9, 52, "'undo' must be true or false"));
  EXPECT_TRUE(test::HasError(r, 11, 55, "a sysv semaphore counts to at most 32767 (SEMVMX)"));
  EXPECT_EQ(r.errors.size(), 5u) << test::all_errors(r);
}

}  // namespace
}  // namespace ipclab::live
