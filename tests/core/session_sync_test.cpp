// Semaphores, mutexes, shared memory and signals with real processes: what
// the events say matches what the kernel (or the shared mapping) holds.
#include <gtest/gtest.h>

#include "test_support.hpp"

namespace ipclab::live {
namespace {

int64_t last_value(const std::vector<Event>& events) {
  return events.empty() || !events.back().value ? -1 : *events.back().value;
}

TEST(Semaphore, EventValuesMatchTheKernelCount) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: s, kind: semaphore, initial: 2}
processes:
  - name: a
    steps: [{wait: s}, {wait: s}, {trywait: s}, {post: s}]
  - name: b
    steps: [{post: s}]
)"));
  ASSERT_TRUE(ls);
  auto count_is = [&](int64_t n, const char* when) {
    const Snapshot snap = ls->snapshot();
    const ObjectStatus& s = object_in(snap, "s");
    EXPECT_EQ(s.model_fill, n) << when;
    EXPECT_EQ(s.kernel_fill.value_or(-1), n) << when << " (sem_getvalue)";
    EXPECT_EQ(s.unit, "count");
  };
  count_is(2, "at the start");
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  ls->collect();
  EXPECT_EQ(last_value(ls->of(EventKind::acquire, "a")), 1);
  count_is(1, "after one wait");
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  ls->collect();
  EXPECT_EQ(last_value(ls->of(EventKind::acquire, "a")), 0);
  count_is(0, "after two waits");
  // trywait at 0 does not block and does not acquire.
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  ls->collect();
  EXPECT_EQ(ls->of(EventKind::acquire, "a").size(), 2u);
  EXPECT_TRUE(ls->of(EventKind::block, "a").empty());
  count_is(0, "after a failed trywait");
  ASSERT_EQ(ls->step("b"), StepResult::granted);
  ls->collect();
  EXPECT_EQ(last_value(ls->of(EventKind::release, "b")), 1);
  count_is(1, "after b posts");
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  ls->collect();
  EXPECT_EQ(last_value(ls->of(EventKind::release, "a")), 2);
  count_is(2, "after a posts");
}

TEST(Mutex, OwnerInTheModelAndInTheLockWord) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: m, kind: mutex}
processes:
  - name: a
    steps: [{lock: m}, {unlock: m}]
  - name: b
    steps: [{lock: m}, {unlock: m}]
)"));
  ASSERT_TRUE(ls);
  const pid_t pa = ls->pid("a"), pb = ls->pid("b");
  const int ia = ls->index("a"), ib = ls->index("b");
  {
    const ObjectStatus& m = object_in(ls->snapshot(), "m");
    EXPECT_EQ(m.owner, -1);
    EXPECT_EQ(m.owner_tid_kernel, 0);
  }
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  {
    const Snapshot snap = ls->snapshot();
    const ObjectStatus& m = object_in(snap, "m");
    EXPECT_EQ(m.owner, ia);
    // Workers are single-threaded: the owner's thread id is its pid.
    EXPECT_EQ(m.owner_tid_kernel, pa);
  }
  ASSERT_EQ(ls->step("b"), StepResult::granted);  // b blocks on the mutex
  {
    const Snapshot snap = ls->snapshot();
    const ObjectStatus& m = object_in(snap, "m");
    EXPECT_EQ(m.owner, ia);
    EXPECT_EQ(m.owner_tid_kernel, pa);
    EXPECT_EQ(m.waiters, std::vector<int>{ib});
    EXPECT_EQ(worker_in(snap, "b").state, WorkerState::blocked);
  }
  ASSERT_EQ(ls->step("a"), StepResult::granted);  // unlock hands it to b
  {
    const Snapshot snap = ls->snapshot();
    const ObjectStatus& m = object_in(snap, "m");
    EXPECT_EQ(m.owner, ib);
    EXPECT_EQ(m.owner_tid_kernel, pb);
    EXPECT_TRUE(m.waiters.empty());
    EXPECT_EQ(worker_in(snap, "b").state, WorkerState::at_gate);
  }
  ASSERT_EQ(ls->step("b"), StepResult::granted);
  {
    const ObjectStatus& m = object_in(ls->snapshot(), "m");
    EXPECT_EQ(m.owner, -1);
    EXPECT_EQ(m.owner_tid_kernel, 0);
  }
  ASSERT_TRUE(ls->wait_finished());
}

TEST(SharedMemory, ReadWriteAddAcrossProcesses) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: mem, kind: shared_memory, cells: 2}
processes:
  - name: a
    steps:
      - write: {to: mem, cell: 1, value: 5}
      - add: {to: mem, cell: 1, value: 3}
  - name: b
    steps:
      - read: {from: mem, cell: 1}
      - add: {to: mem, cell: 0, value: -7}
)"));
  ASSERT_TRUE(ls);
  EXPECT_EQ(object_in(ls->snapshot(), "mem").cells, (std::vector<int64_t>{0, 0}));
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  EXPECT_EQ(object_in(ls->snapshot(), "mem").cells, (std::vector<int64_t>{0, 5}));
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  EXPECT_EQ(object_in(ls->snapshot(), "mem").cells, (std::vector<int64_t>{0, 8}));
  ASSERT_EQ(ls->step("b"), StepResult::granted);
  ASSERT_EQ(ls->step("b"), StepResult::granted);
  EXPECT_EQ(object_in(ls->snapshot(), "mem").cells, (std::vector<int64_t>{-7, 8}));
  ls->collect();
  const std::vector<Event> va = ls->of(EventKind::value, "a");
  const std::vector<Event> vb = ls->of(EventKind::value, "b");
  ASSERT_EQ(va.size(), 2u);
  ASSERT_EQ(vb.size(), 2u);
  EXPECT_EQ(va[0].value.value_or(-1), 5);
  EXPECT_EQ(va[1].value.value_or(-1), 8);
  EXPECT_EQ(vb[0].value.value_or(-1), 8) << "b reads what a wrote";
  EXPECT_EQ(vb[1].value.value_or(0), -7);
  EXPECT_EQ(ls->of(EventKind::race).size(), 0u);
}

// Running freely, the log must still tell a story that can have happened:
// nobody acquires a mutex someone else holds, no semaphore count goes
// below zero, whatever order the kernel scheduled the processes in.
TEST(Causality, ReleasesComeBeforeTheAcquiresTheyAllow) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: m, kind: mutex}
  - {name: s, kind: semaphore, initial: 0}
processes:
  - name: producer
    count: 2
    steps:
      - repeat: {times: 150, steps: [{lock: m}, {unlock: m}, {post: s}]}
  - name: consumer
    steps:
      - repeat: {times: 300, steps: [{wait: s}, {lock: m}, {unlock: m}]}
)"));
  ASSERT_TRUE(ls);
  ls->session().run(0);
  ASSERT_TRUE(ls->wait_finished(30s));
  int owner = -1;
  int64_t count = 0;
  int problems = 0;
  for (const Event& e : ls->events()) {
    if (problems > 5) break;
    if (e.obj_name == "m" && e.ev == EventKind::acquire) {
      if (owner != -1) {
        ++problems;
        ADD_FAILURE() << e.proc << " acquires m at " << e.t_ns << " while worker " << owner
                      << " holds it";
      }
      owner = e.worker;
    } else if (e.obj_name == "m" && e.ev == EventKind::release) {
      if (owner != e.worker) {
        ++problems;
        ADD_FAILURE() << e.proc << " releases m at " << e.t_ns << " held by worker " << owner;
      }
      owner = -1;
    } else if (e.obj_name == "s" && (e.ev == EventKind::acquire || e.ev == EventKind::release)) {
      count += e.ev == EventKind::release ? 1 : -1;
      if (count < 0) {
        ++problems;
        ADD_FAILURE() << e.proc << " acquires s at " << e.t_ns << " before any post allows it";
      }
    }
  }
  EXPECT_EQ(count, 0);
  EXPECT_EQ(ls->of(EventKind::acquire, "consumer").size(), 600u);
}

std::string signal_scenario(const std::string& signal_fields) {
  return scenario_text(R"(objects: []
processes:
  - name: receiver
    steps: [{sigwait: [SIGUSR1]}]
  - name: sender
    steps: [{signal: {to: receiver, sig: SIGUSR1)" +
                       signal_fields + R"(}}]
)");
}

TEST(Signals, KillIsDeliveredToSigwaitWithTheSenderPid) {
  auto ls = LiveSession::start(signal_scenario(""));
  ASSERT_TRUE(ls);
  const pid_t sender = ls->pid("sender");
  ASSERT_EQ(ls->step("receiver"), StepResult::granted);
  {
    const WorkerStatus& r = worker_in(ls->snapshot(), "receiver");
    EXPECT_EQ(r.state, WorkerState::blocked);
    EXPECT_EQ(r.kernel.state, 'S');
    EXPECT_EQ(r.kernel.syscall_name, "rt_sigtimedwait");
  }
  ASSERT_EQ(ls->step("sender"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  const std::vector<Event> sent = ls->of(EventKind::signal, "sender");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_NE(sent[0].detail.find("SIGUSR1"), std::string::npos) << sent[0].detail;
  EXPECT_FALSE(sent[0].value.has_value()) << "kill carries no value";
  const std::vector<Event> got = ls->of(EventKind::deliver, "receiver");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_NE(got[0].detail.find("SIGUSR1"), std::string::npos) << got[0].detail;
  EXPECT_NE(got[0].detail.find("pid " + std::to_string(sender)), std::string::npos)
      << got[0].detail;
  EXPECT_FALSE(got[0].value.has_value());
}

TEST(Signals, SigqueueCarriesItsValue) {
  auto ls = LiveSession::start(signal_scenario(", value: 4711"));
  ASSERT_TRUE(ls);
  const pid_t sender = ls->pid("sender");
  // The sender goes first: the signal waits, blocked, until sigwait takes it.
  ASSERT_EQ(ls->step("sender"), StepResult::granted);
  EXPECT_NE(worker_in(ls->snapshot(), "receiver").kernel.sig_pending, 0u)
      << "SIGUSR1 pending in the receiver";
  ASSERT_EQ(ls->step("receiver"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_TRUE(ls->of(EventKind::block, "receiver").empty()) << "it was already pending";
  const std::vector<Event> got = ls->of(EventKind::deliver, "receiver");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].value.value_or(-1), 4711);
  EXPECT_NE(got[0].detail.find("SIGUSR1 from pid " + std::to_string(sender)), std::string::npos)
      << got[0].detail;
  const std::vector<Event> sent = ls->of(EventKind::signal, "sender");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(sent[0].value.value_or(-1), 4711);
}

}  // namespace
}  // namespace ipclab::live
