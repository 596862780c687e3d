// Blocking is real and stepping is exact: a step that blocks leaves the
// process asleep in the kernel (state S, in the expected syscall) until
// another process's step releases it, and one step is one action.
#include <gtest/gtest.h>

#include <map>

#include "test_support.hpp"

namespace ipclab::live {
namespace {

struct BlockCase {
  std::string name;
  std::string objects;              // the objects: list
  std::string blocked_steps;        // steps of process `blocked`
  std::string releaser_steps;       // steps of process `releaser`
  std::vector<std::string> before;  // steps granted before the blocking one
  std::string syscall;              // where the kernel must show it asleep
  std::string object;               // what it waits on
};

std::ostream& operator<<(std::ostream& os, const BlockCase& c) {
  return os << c.name;
}

class BlockedIsBlocked : public ::testing::TestWithParam<BlockCase> {};

TEST_P(BlockedIsBlocked, UntilAnotherProcessReleasesIt) {
  const BlockCase& c = GetParam();
  auto ls = LiveSession::start(scenario_text(
      "objects:\n" + c.objects +
      "processes:\n"
      "  - name: blocked\n    steps: " +
      c.blocked_steps + "\n  - name: releaser\n    steps: " + c.releaser_steps + "\n"));
  ASSERT_TRUE(ls);
  for (const std::string& p : c.before) ASSERT_EQ(ls->step(p), StepResult::granted) << p;
  const int op = worker_in(ls->snapshot(), "blocked").op;
  // What the steps before may have blocked on (a FIFO's open) is not counted.
  ls->collect();
  const size_t blocks_before = ls->of(EventKind::block, "blocked").size();
  const size_t unblocks_before = ls->of(EventKind::unblock, "blocked").size();

  ASSERT_EQ(ls->session().step(ls->index("blocked")), StepResult::granted);
  ASSERT_TRUE(ls->session().wait_settled(kDeadline));
  {
    const Snapshot snap = ls->snapshot();
    const WorkerStatus& w = worker_in(snap, "blocked");
    EXPECT_EQ(w.state, WorkerState::blocked);
    EXPECT_EQ(w.kernel.state, 'S') << "the kernel says " << w.kernel.state_word;
    EXPECT_EQ(w.kernel.syscall_name, c.syscall);
    EXPECT_EQ(w.op, op);
    ASSERT_GE(w.blocked_obj, 0);
    EXPECT_EQ(snap.objects[static_cast<size_t>(w.blocked_obj)].spec->name, c.object);
    const ObjectStatus& o = object_in(snap, c.object);
    EXPECT_EQ(o.waiters, std::vector<int>{ls->index("blocked")});
  }
  ls->collect();
  ASSERT_EQ(ls->of(EventKind::block, "blocked").size(), blocks_before + 1);
  EXPECT_EQ(ls->of(EventKind::block, "blocked").back().syscall_name, c.syscall);

  // Stepping it again changes nothing: it is asleep in the kernel.
  const size_t steps_before = ls->of(EventKind::step, "blocked").size();
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(ls->step("blocked"), StepResult::blocked);
    const WorkerStatus& w = worker_in(ls->snapshot(), "blocked");
    EXPECT_EQ(w.state, WorkerState::blocked);
    EXPECT_EQ(w.op, op);
    EXPECT_EQ(w.kernel.state, 'S');
  }
  ls->collect();
  EXPECT_EQ(ls->of(EventKind::step, "blocked").size(), steps_before);
  EXPECT_EQ(ls->of(EventKind::unblock, "blocked").size(), unblocks_before);

  // The other process's step releases it; it finishes its action and
  // stands at its next gate.
  ASSERT_EQ(ls->step("releaser"), StepResult::granted);
  {
    const Snapshot snap = ls->snapshot();
    const WorkerStatus& w = worker_in(snap, "blocked");
    EXPECT_EQ(w.state, WorkerState::at_gate);
    EXPECT_EQ(w.op, op + 1);
    EXPECT_TRUE(object_in(snap, c.object).waiters.empty());
  }
  ls->collect();
  // Once; twice when released from a FIFO's open it then waits for the data.
  const size_t unblocks = ls->of(EventKind::unblock, "blocked").size() - unblocks_before;
  EXPECT_TRUE(unblocks == 1 || (unblocks == 2 && c.syscall == "openat")) << unblocks;
  EXPECT_EQ(ls->of(EventKind::step, "blocked").size(), steps_before);
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, BlockedIsBlocked,
    ::testing::Values(
        BlockCase{"pipe_read",
                  "  - {name: c, kind: pipe}\n",
                  "[{recv: c}, {print: done}]",
                  "[{send: {to: c, data: x}}]",
                  {},
                  "read",
                  "c"},
        // 16 writes of 4 KiB fill the pipe's 64 KiB; the 17th sleeps in write.
        BlockCase{"pipe_write_full", "  - {name: c, kind: pipe}\n",
                  "[{repeat: {times: 17, steps: [{send: {to: c, data: \"" + std::string(4096, 'x') +
                      "\"}}]}}, {print: done}]",
                  // It stays (at its next gate) with the read end open:
                  // a reader gone would make the write a SIGPIPE.
                  "[{recv: {from: c, max: 65536}}, {print: done}]",
                  std::vector<std::string>(16, "blocked"), "write", "c"},
        // Opening a FIFO waits for the other end, either way round.
        BlockCase{"fifo_open_for_reading",
                  "  - {name: c, kind: fifo}\n",
                  "[{recv: c}, {print: done}]",
                  "[{send: {to: c, data: x}}]",
                  {},
                  "openat",
                  "c"},
        BlockCase{"fifo_open_for_writing",
                  "  - {name: c, kind: fifo}\n",
                  "[{send: {to: c, data: x}}, {print: done}]",
                  "[{recv: c}]",
                  {},
                  "openat",
                  "c"},
        // Both ends open, nothing in it: read sleeps, as on a pipe.
        BlockCase{"fifo_read",
                  "  - {name: c, kind: fifo}\n",
                  "[{recv: c}, {recv: c}, {print: done}]",
                  "[{send: {to: c, data: x}}, {send: {to: c, data: y}}]",
                  {"blocked", "releaser"},
                  "read",
                  "c"},
        BlockCase{"sem_wait_at_zero",
                  "  - {name: s, kind: semaphore, initial: 0}\n",
                  "[{wait: s}, {print: done}]",
                  "[{post: s}]",
                  {},
                  "futex",
                  "s"},
        BlockCase{"mq_receive_empty",
                  "  - {name: q, kind: posix_mq}\n",
                  "[{recv: q}, {print: done}]",
                  "[{send: {to: q, data: x}}]",
                  {},
                  "mq_timedreceive",
                  "q"},
        BlockCase{"mq_send_full",
                  "  - {name: q, kind: posix_mq, capacity: 1}\n",
                  "[{send: {to: q, data: a}}, {send: {to: q, data: b}}, {print: done}]",
                  "[{recv: q}, {recv: q}]",
                  {"blocked"},
                  "mq_timedsend",
                  "q"},
        BlockCase{"sysv_msgrcv_empty",
                  "  - {name: q, kind: sysv_mq}\n",
                  "[{recv: q}, {print: done}]",
                  "[{send: {to: q, data: x}}]",
                  {},
                  "msgrcv",
                  "q"},
        BlockCase{"sysv_msgsnd_full",
                  "  - {name: q, kind: sysv_mq, capacity: 4}\n",
                  "[{send: {to: q, data: abcd}}, {send: {to: q, data: e}}, {print: done}]",
                  "[{recv: q}, {recv: q}]",
                  {"blocked"},
                  "msgsnd",
                  "q"},
        BlockCase{"unix_stream_recv_empty",
                  "  - {name: c, kind: unix_stream}\n",
                  "[{recv: c}, {print: done}]",
                  "[{send: {to: c, data: x}}]",
                  {},
                  "recvfrom",
                  "c"},
        BlockCase{"tcp_recv_empty",
                  "  - {name: c, kind: tcp}\n",
                  "[{recv: c}, {print: done}]",
                  "[{send: {to: c, data: x}}]",
                  {},
                  "recvfrom",
                  "c"},
        BlockCase{"unix_dgram_recv_empty",
                  "  - {name: c, kind: unix_dgram}\n",
                  "[{recv: c}, {print: done}]",
                  "[{send: {to: c, data: x}}]",
                  {},
                  "recvfrom",
                  "c"},
        BlockCase{"udp_recv_empty",
                  "  - {name: c, kind: udp}\n",
                  "[{recv: c}, {print: done}]",
                  "[{send: {to: c, data: x}}]",
                  {},
                  "recvfrom",
                  "c"},
        BlockCase{"mutex_held",
                  "  - {name: m, kind: mutex}\n",
                  "[{lock: m}, {unlock: m}]",
                  "[{lock: m}, {unlock: m}]",
                  {"releaser"},
                  "futex",
                  "m"}),
    [](const auto& info) { return info.param.name; });

std::map<std::string, int> step_events_by_proc(const std::vector<Event>& events) {
  std::map<std::string, int> n;
  for (const Event& e : events)
    if (e.ev == EventKind::step) ++n[e.proc];
  return n;
}

const char* kThree = R"(objects: []
processes:
  - name: p
    steps: [{print: p1}, {print: p2}, {print: p3}]
  - name: q
    steps: [{print: q1}, {print: q2}]
  - name: r
    steps: [{print: r1}]
)";

TEST(Stepping, OneStepIsExactlyOneActionOfThatProcess) {
  auto ls = LiveSession::start(scenario_text(kThree));
  ASSERT_TRUE(ls);
  ls->collect();
  for (int i = 0; i < 2; ++i) {
    ASSERT_EQ(ls->step("p"), StepResult::granted);
    const std::vector<Event> fresh = ls->collect();
    EXPECT_EQ(step_events_by_proc(fresh), (std::map<std::string, int>{{"p", 1}}));
    for (const Event& e : fresh) {
      if (e.ev == EventKind::step) {
        EXPECT_EQ(e.op, i);
      }
    }
    const Snapshot snap = ls->snapshot();
    EXPECT_EQ(worker_in(snap, "p").op, i + 1);
    EXPECT_EQ(worker_in(snap, "p").steps, static_cast<uint64_t>(i + 1));
    EXPECT_EQ(worker_in(snap, "q").op, 0);
    EXPECT_EQ(worker_in(snap, "r").op, 0);
    EXPECT_EQ(worker_in(snap, "q").state, WorkerState::at_gate);
  }
}

TEST(Stepping, StepAllAdvancesEveryProcessAtItsGateByOne) {
  auto ls = LiveSession::start(scenario_text(kThree));
  ASSERT_TRUE(ls);
  ls->collect();
  EXPECT_EQ(ls->step_all(), 3);
  EXPECT_EQ(step_events_by_proc(ls->collect()),
            (std::map<std::string, int>{{"p", 1}, {"q", 1}, {"r", 1}}));
  // r is done after its only action and exits; the next step_all skips it.
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& ev) {
    for (const Event& e : ev)
      if (e.ev == EventKind::exit && e.proc == "r") return true;
    return false;
  }));
  EXPECT_EQ(ls->session().step(ls->index("r")), StepResult::finished);
  EXPECT_EQ(ls->step_all(), 2);
  EXPECT_EQ(step_events_by_proc(ls->collect()), (std::map<std::string, int>{{"p", 1}, {"q", 1}}));
  const Snapshot snap = ls->snapshot();
  EXPECT_EQ(worker_in(snap, "p").op, 2);
  EXPECT_EQ(worker_in(snap, "q").op, 2);
  EXPECT_EQ(worker_in(snap, "r").state, WorkerState::exited);
  EXPECT_EQ(ls->step_all(), 1);
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_EQ(step_events_by_proc(ls->events()),
            (std::map<std::string, int>{{"p", 3}, {"q", 2}, {"r", 1}}));
}

// wait_settled means the step took effect: many steps in a row, each one
// visible in the snapshot right after the settle.
TEST(Stepping, EverySettledStepHasTakenEffect) {
  auto ls = LiveSession::start(scenario_text(R"(objects: []
processes:
  - name: p
    steps: [{repeat: {times: 150, steps: [{print: x}]}}]
)"));
  ASSERT_TRUE(ls);
  for (int i = 1; i <= 150; ++i) {
    ASSERT_EQ(ls->session().step(0), StepResult::granted) << "step " << i;
    ASSERT_TRUE(ls->session().wait_settled(kDeadline));
    const WorkerStatus w = ls->snapshot().workers.at(0);
    ASSERT_EQ(w.steps, static_cast<uint64_t>(i)) << "settled before step " << i << " ran";
    if (i < 150) {
      ASSERT_EQ(w.op, i);
    }
  }
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_EQ(ls->of(EventKind::step).size(), 150u);
}

// After pause() the session is stepping again: no step granted by the run
// arrives late, so the next step is exactly one action.
TEST(Stepping, PauseStopsGrantingAtOnce) {
  auto ls = LiveSession::start(scenario_text(R"(objects: []
processes:
  - name: p
    steps: [{repeat: {times: 5000, steps: [{print: x}]}}]
)"));
  ASSERT_TRUE(ls);
  for (int round = 0; round < 15; ++round) {
    const uint64_t before = ls->snapshot().workers.at(0).steps;
    ls->session().run(400);
    ASSERT_TRUE(wait_until([&] { return ls->snapshot().workers.at(0).steps > before; }, kDeadline));
    ls->session().pause();
    ASSERT_TRUE(ls->session().wait_settled(kDeadline));
    const uint64_t paused = ls->snapshot().workers.at(0).steps;
    ASSERT_EQ(ls->session().step(0), StepResult::granted) << "round " << round;
    ASSERT_TRUE(ls->session().wait_settled(kDeadline));
    ASSERT_EQ(ls->snapshot().workers.at(0).steps, paused + 1) << "round " << round;
  }
}

TEST(Stepping, RefusedWhileRunningAndForUnknownProcesses) {
  auto ls = LiveSession::start(scenario_text(R"(objects: []
processes:
  - name: p
    steps: [{sleep: 60000}]
)"));
  ASSERT_TRUE(ls);
  EXPECT_EQ(ls->session().step(7), StepResult::unknown_process);
  EXPECT_EQ(ls->session().step(-1), StepResult::unknown_process);
  ls->session().run(0);
  EXPECT_EQ(ls->session().step(0), StepResult::not_stepping);
  EXPECT_EQ(ls->session().mode(), RunMode::running);
  ls->session().pause();
  EXPECT_EQ(ls->session().mode(), RunMode::stepping);
}

}  // namespace
}  // namespace ipclab::live
