// rpc: a server serves named procedures over a Unix socket, a caller calls
// them and sleeps until the reply; the call id pairs each call with its reply.
#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"

namespace ipclab::live {
namespace {

const char* kCalc = R"(objects:
  - {name: calc, kind: rpc}
processes:
  - name: server
    steps: [{serve: {rpc: calc, times: 3}}]
  - name: client
    steps:
      - call: {rpc: calc, proc: add, args: [1, 2, 39]}
      - call: {rpc: calc, proc: upper, args: [hello, world]}
      - call: {rpc: calc, proc: frobnicate}
)";

TEST(Rpc, CallsSleepUntilTheServerRepliesAndRepliesPairWithCalls) {
  auto ls = LiveSession::start(scenario_text(kCalc));
  ASSERT_TRUE(ls);
  // A server with no caller sleeps in accept.
  ASSERT_EQ(ls->step("server"), StepResult::granted);
  WorkerStatus s = worker_in(ls->snapshot(), "server");
  EXPECT_EQ(s.state, WorkerState::blocked);
  EXPECT_EQ(s.kernel.state, 'S');
  EXPECT_EQ(s.kernel.syscall_name, "accept4");
  // The call wakes it; the server answers within its step and the caller
  // gets the reply.
  ASSERT_EQ(ls->step("client"), StepResult::granted);
  // Next call: the server is at its gate, so the caller sleeps in read.
  ASSERT_EQ(ls->step("client"), StepResult::granted);
  const WorkerStatus c = worker_in(ls->snapshot(), "client");
  EXPECT_EQ(c.state, WorkerState::blocked);
  EXPECT_EQ(c.kernel.syscall_name, "read");
  ASSERT_EQ(ls->step("server"), StepResult::granted);
  ASSERT_EQ(ls->step("server"), StepResult::granted);
  ASSERT_EQ(ls->step("client"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());

  const std::vector<Event> replies = ls->of(EventKind::recv, "client");
  const std::vector<Event> calls = ls->of(EventKind::send, "client");
  ASSERT_EQ(replies.size(), 3u);
  ASSERT_EQ(calls.size(), 3u);
  EXPECT_EQ(calls[0].data, "call 1: add 1 2 39");
  EXPECT_EQ(replies[0].data, "reply 1: 42");
  EXPECT_TRUE(replies[1].data.ends_with(": HELLO WORLD")) << replies[1].data;
  EXPECT_TRUE(replies[2].data.find("error: no procedure 'frobnicate'") != std::string::npos)
      << replies[2].data;
  for (size_t i = 0; i < 3; ++i) {
    // The call id (the request's number) comes back with its reply.
    ASSERT_TRUE(calls[i].value && replies[i].value);
    EXPECT_EQ(*calls[i].value, calls[i].msg);
    EXPECT_EQ(*replies[i].value, calls[i].msg);
  }
  // What the server received is what the client sent.
  const std::vector<Event> got = ls->of(EventKind::recv, "server");
  ASSERT_EQ(got.size(), 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(got[i].data, calls[i].data);
}

TEST(Rpc, CallingWithNoServerLeftFailsWithConnectionRefused) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: calc, kind: rpc}
processes:
  - name: server
    steps: [{serve: {rpc: calc, times: 1}}]
  - name: client
    steps:
      - call: {rpc: calc, proc: add, args: [1, 1]}
      - call: {rpc: calc, proc: add, args: [2, 2]}
)"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("client"), StepResult::granted);  // waits: nobody serves yet
  ASSERT_EQ(ls->step("server"), StepResult::granted);  // serves it and exits
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& ev) {
    for (const Event& e : ev)
      if (e.ev == EventKind::exit && e.proc == "server") return true;
    return false;
  }));
  ASSERT_EQ(ls->step("client"), StepResult::granted);
  ls->collect();
  const std::vector<Event> errors = ls->of(EventKind::error, "client");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].detail.find("ECONNREFUSED"), std::string::npos) << errors[0].detail;
}

}  // namespace
}  // namespace ipclab::live
