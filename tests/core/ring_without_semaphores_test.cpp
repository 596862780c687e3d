// A shm_ring with `semaphores: false`: nothing waits, a send overwrites a
// slot not read yet (overflow), a receive reads a slot where nothing new was
// written (underflow). The worker reports each exactly as it happened, the
// channel's contents follow (an overwritten message leaves it, an underflow
// takes nothing out), and the loader accepts the option only on a shm_ring
// that cannot switch.
#include <gtest/gtest.h>

#include "scenario_test_util.hpp"
#include "test_support.hpp"

namespace ipclab::live {
namespace {

std::string ring_of(int capacity, int sends, int recvs) {
  return scenario_text(
      "objects:\n"
      "  - {name: ring, kind: channel, mechanism: shm_ring, capacity: " +
      std::to_string(capacity) +
      ", semaphores: false}\n"
      "processes:\n"
      "  - name: producer\n"
      "    steps:\n"
      "      - repeat: {times: " +
      std::to_string(sends) +
      ", steps: [{send: {to: ring, data: \"item {i}\"}}]}\n"
      "  - name: consumer\n"
      "    steps:\n"
      "      - repeat: {times: " +
      std::to_string(recvs) + ", steps: [{recv: ring}]}\n");
}

std::vector<std::string> races(const LiveSession& ls) {
  std::vector<std::string> out;
  for (const Event& e : ls.of(EventKind::race)) out.push_back(e.detail);
  return out;
}

// The kernel's side of the ring (the slots' own flags, read by the
// supervisor) agrees with the events' side once the session has sampled it.
void expect_fill(LiveSession& ls, int64_t n) {
  const ObjectStatus o = object_in(ls.snapshot(), "ring");
  EXPECT_EQ(o.model_fill, n);
  EXPECT_EQ(o.kernel_fill.value_or(-1), n);
  EXPECT_EQ(static_cast<int64_t>(o.contents.size()), n);
}

TEST(RingWithoutSemaphores, TheThirdSendOverwritesTheFirstUnreadMessage) {
  auto ls = LiveSession::start(ring_of(2, 4, 4));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("producer"), StepResult::granted);
  ASSERT_EQ(ls->step("producer"), StepResult::granted);
  expect_fill(*ls, 2);
  // A full ring: with semaphores the producer would sleep in sem_wait(empty).
  ASSERT_EQ(ls->step("producer"), StepResult::granted);
  ls->collect();
  EXPECT_EQ(worker_in(ls->snapshot(), "producer").state, WorkerState::at_gate)
      << "nothing made it wait";
  ASSERT_EQ(races(*ls),
            std::vector<std::string>{
                "overflow: message #3 overwrote message #1 in slot 0 before it was read"});
  EXPECT_EQ(ls->of(EventKind::race)[0].msg, 1) << "the race names the lost message";
  EXPECT_EQ(object_in(ls->snapshot(), "ring").contents,
            (std::vector<std::string>{"item 2", "item 3"}));
  expect_fill(*ls, 2);
  const Snapshot snap = ls->snapshot();
  ASSERT_EQ(snap.findings.size(), 1u);
  EXPECT_EQ(snap.findings[0].kind, FindingKind::overflow);
  EXPECT_EQ(snap.findings[0].worker, ls->index("producer"));

  // The consumer reads slot 0 then slot 1: item 3 (where item 1 was), item 2.
  ASSERT_EQ(ls->step("consumer"), StepResult::granted);
  ASSERT_EQ(ls->step("consumer"), StepResult::granted);
  ls->collect();
  const std::vector<Event> got = ls->of(EventKind::recv, "consumer");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].data, "item 3");
  EXPECT_EQ(got[0].msg, 3);
  EXPECT_EQ(got[1].data, "item 2");
  EXPECT_EQ(got[1].msg, 2);
  expect_fill(*ls, 0);
}

TEST(RingWithoutSemaphores, AReadOfAnEmptyRingIsAnUnderflowAndReceivesNothing) {
  auto ls = LiveSession::start(ring_of(2, 1, 3));
  ASSERT_TRUE(ls);
  // Slot 0 was never written: with semaphores the consumer would sleep.
  ASSERT_EQ(ls->step("consumer"), StepResult::granted);
  ls->collect();
  EXPECT_EQ(worker_in(ls->snapshot(), "consumer").state, WorkerState::at_gate);
  ASSERT_EQ(races(*ls), std::vector<std::string>{
                            "underflow: read slot 0, where nothing was ever written (empty)"});
  EXPECT_TRUE(ls->of(EventKind::recv).empty()) << "no message came out";
  // The producer writes slot 0; the consumer's tail is already at slot 1.
  ASSERT_EQ(ls->step("producer"), StepResult::granted);
  ASSERT_EQ(ls->step("consumer"), StepResult::granted);
  ls->collect();
  EXPECT_EQ(races(*ls).size(), 2u);
  EXPECT_EQ(races(*ls).back(), "underflow: read slot 1, where nothing was ever written (empty)");
  EXPECT_EQ(object_in(ls->snapshot(), "ring").contents, std::vector<std::string>{"item 1"});
  expect_fill(*ls, 1);
  // Back to slot 0: item 1, unread, comes out as a message.
  ASSERT_EQ(ls->step("consumer"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  ASSERT_EQ(ls->of(EventKind::recv, "consumer").size(), 1u);
  EXPECT_EQ(ls->of(EventKind::recv, "consumer")[0].data, "item 1");
  EXPECT_EQ(ls->snapshot().findings.size(), 2u);
  for (const Finding& f : ls->snapshot().findings) EXPECT_EQ(f.kind, FindingKind::underflow);
}

TEST(RingWithoutSemaphores, AStaleSlotIsReadAgainAndSaidSo) {
  auto ls = LiveSession::start(ring_of(2, 1, 3));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("producer"), StepResult::granted);
  for (int k = 0; k < 3; ++k) ASSERT_EQ(ls->step("consumer"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  // Slot 0: item 1, read; slot 1: never written; slot 0 again: stale.
  EXPECT_EQ(races(*ls), (std::vector<std::string>{
                            "underflow: read slot 1, where nothing was ever written (empty)",
                            "underflow: read slot 0, where nothing new was written (stale data: "
                            "\"item 1\")"}));
  EXPECT_EQ(ls->of(EventKind::recv, "consumer").size(), 1u);
  EXPECT_EQ(ls->of(EventKind::race).back().msg, 1) << "the stale message's number";
  expect_fill(*ls, 0);
}

TEST(RingWithoutSemaphores, TakingTurnsGoesRight) {
  auto ls = LiveSession::start(ring_of(2, 4, 4));
  ASSERT_TRUE(ls);
  for (int k = 0; k < 4; ++k) {
    ASSERT_EQ(ls->step("producer"), StepResult::granted);
    ASSERT_EQ(ls->step("consumer"), StepResult::granted);
  }
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_TRUE(races(*ls).empty());
  EXPECT_EQ(data_of(ls->of(EventKind::recv, "consumer")),
            (std::vector<std::string>{"item 1", "item 2", "item 3", "item 4"}));
  EXPECT_TRUE(ls->snapshot().findings.empty());
}

// ---- the loader -------------------------------------------------------------

using test::HasError;
using test::load;

TEST(RingWithoutSemaphoresLoader, AcceptsItOnAShmRingOfEitherKind) {
  for (const char* object :
       {"{name: ring, kind: shm_ring, semaphores: false}",
        "{name: ring, kind: channel, mechanism: shm_ring, semaphores: false}"}) {
    LoadResult r = load(std::string("objects:\n  - ") + object +
                        "\nprocesses: [{name: p, steps: [{send: {to: ring, data: x}}]}]\n");
    ASSERT_TRUE(r.ok()) << test::all_errors(r);
    EXPECT_FALSE(r.scenario->objects[0].semaphores);
  }
  LoadResult plain = load(
      "objects:\n  - {name: ring, kind: shm_ring}\n"
      "processes: [{name: p, steps: [{send: {to: ring, data: x}}]}]\n");
  ASSERT_TRUE(plain.ok()) << test::all_errors(plain);
  EXPECT_TRUE(plain.scenario->objects[0].semaphores);
}

TEST(RingWithoutSemaphoresLoader, RefusesItElsewhereAtItsKey) {
  LoadResult pipe = load(
      "objects:\n"
      "  - {name: buffer, kind: pipe, semaphores: false}\n"
      "processes: [{name: p, steps: [{send: {to: buffer, data: x}}]}]\n");
  EXPECT_TRUE(HasError(pipe, 6, 32,
                       "'semaphores' only applies to a shm_ring (its empty and full semaphores), "
                       "but 'buffer' is a pipe"))
      << test::all_errors(pipe);
  LoadResult channel = load(
      "objects:\n"
      "  - {name: buffer, kind: channel, mechanism: pipe, alternatives: [shm_ring],\n"
      "     semaphores: false}\n"
      "processes: [{name: p, steps: [{send: {to: buffer, data: x}}]}]\n");
  EXPECT_TRUE(HasError(channel, 7, 6, "'semaphores' only applies to a shm_ring"))
      << test::all_errors(channel);
  LoadResult switchable = load(
      "objects:\n"
      "  - {name: ring, kind: channel, mechanism: shm_ring, alternatives: [pipe],\n"
      "     semaphores: false}\n"
      "processes: [{name: p, steps: [{send: {to: ring, data: x}}]}]\n");
  EXPECT_TRUE(HasError(switchable, 7, 6, "'semaphores' cannot go with 'alternatives'"))
      << test::all_errors(switchable);
  LoadResult semaphore = load(
      "objects:\n"
      "  - {name: s, kind: semaphore, semaphores: false}\n"
      "processes: [{name: p, steps: [{post: s}]}]\n");
  EXPECT_TRUE(HasError(semaphore, 6, 32, "unknown key 'semaphores'"))
      << test::all_errors(semaphore);
  LoadResult word = load(
      "objects:\n"
      "  - {name: ring, kind: shm_ring, semaphores: maybe}\n"
      "processes: [{name: p, steps: [{send: {to: ring, data: x}}]}]\n");
  EXPECT_FALSE(word.ok());
  EXPECT_EQ(word.errors.size(), 1u) << test::all_errors(word);
}

}  // namespace
}  // namespace ipclab::live
