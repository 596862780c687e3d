// Each action reports the same events, in the same order, however the
// worker packs them into its ring (several events of one instant share a
// record): a step first, the send before its call, block and unblock around
// the blocking call, the return with the call's result, the receive last.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.hpp"

namespace ipclab::live {
namespace {

std::vector<std::string> kinds_of(const std::vector<Event>& events, const std::string& proc) {
  std::vector<std::string> out;
  for (const Event& e : events)
    if (e.proc == proc && e.ev != EventKind::spawn && e.ev != EventKind::exit)
      out.emplace_back(to_string(e.ev));
  return out;
}

const Event& nth(const std::vector<Event>& events, const std::string& proc, EventKind ev, int n) {
  static const Event none;
  for (const Event& e : events)
    if (e.proc == proc && e.ev == ev && n-- == 0) return e;
  ADD_FAILURE() << "no event " << to_string(ev) << " #" << n << " of " << proc;
  return none;
}

TEST(EventOrder, PipeReceiveThatBlocksThenASend) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: p, kind: pipe}
processes:
  - name: reader
    steps: [{recv: {from: p, max: 16}}]
  - name: writer
    steps: [{send: {to: p, data: "hello"}}]
)"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& ev) {
    for (const Event& e : ev)
      if (e.ev == EventKind::recv) return true;
    return false;
  }));
  const std::vector<Event>& ev = ls->events();
  EXPECT_EQ(kinds_of(ev, "reader"),
            (std::vector<std::string>{"step", "call", "block", "unblock", "return", "recv"}));
  EXPECT_EQ(kinds_of(ev, "writer"), (std::vector<std::string>{"step", "send", "call", "return"}));

  const Event& step = nth(ev, "reader", EventKind::step, 0);
  EXPECT_EQ(step.obj_name, "p");
  EXPECT_FALSE(step.detail.empty()) << "a step names its action";
  EXPECT_EQ(nth(ev, "reader", EventKind::call, 0).syscall_name, "read");
  EXPECT_EQ(nth(ev, "reader", EventKind::block, 0).syscall_name, "read");
  const Event& ret = nth(ev, "reader", EventKind::ret, 0);
  EXPECT_EQ(ret.syscall_name, "read");
  EXPECT_EQ(ret.value, 5);
  const Event& recv = nth(ev, "reader", EventKind::recv, 0);
  EXPECT_EQ(recv.data, "hello");
  EXPECT_EQ(recv.bytes, 5);
  EXPECT_EQ(recv.msg, 1);
  EXPECT_EQ(recv.syscall, -1) << "the syscall belongs to the return, not the receive";

  const Event& send = nth(ev, "writer", EventKind::send, 0);
  EXPECT_EQ(send.data, "hello");
  EXPECT_EQ(send.msg, 1);
  EXPECT_EQ(send.syscall, -1);
  EXPECT_EQ(nth(ev, "writer", EventKind::call, 0).syscall_name, "write");
  EXPECT_EQ(nth(ev, "writer", EventKind::ret, 0).value, 5);

  // One time line: times never go back, and the send comes before the
  // receive that got its bytes.
  for (size_t i = 1; i < ev.size(); ++i) EXPECT_LE(ev[i - 1].t_ns, ev[i].t_ns) << i;
  EXPECT_LT(send.t_ns, recv.t_ns);
}

TEST(EventOrder, SemaphoreWaitThatBlocks) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: s, kind: semaphore, initial: 0}
processes:
  - name: waiter
    steps: [{wait: s}]
  - name: poster
    steps: [{post: s}]
)"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("waiter"), StepResult::granted);
  ASSERT_EQ(ls->step("poster"), StepResult::granted);
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& ev) {
    for (const Event& e : ev)
      if (e.ev == EventKind::acquire) return true;
    return false;
  }));
  EXPECT_EQ(kinds_of(ls->events(), "waiter"),
            (std::vector<std::string>{"step", "block", "unblock", "acquire"}));
  EXPECT_EQ(kinds_of(ls->events(), "poster"), (std::vector<std::string>{"step", "release"}));
  EXPECT_EQ(nth(ls->events(), "waiter", EventKind::step, 0).obj_name, "s");
}

TEST(EventOrder, ActionsThatWriteNothingAtOnceStillStepFirst) {
  auto ls = LiveSession::start(scenario_text(R"(objects: []
processes:
  - name: p
    steps: [{compute: 1}, {print: "hi"}, {exit: 0}]
)"));
  ASSERT_TRUE(ls);
  for (int i = 0; i < 3; ++i) ASSERT_EQ(ls->step("p"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_EQ(kinds_of(ls->events(), "p"),
            (std::vector<std::string>{"step", "step", "call", "return", "step"}));
}

}  // namespace
}  // namespace ipclab::live
