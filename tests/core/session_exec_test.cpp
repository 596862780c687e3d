// exec: allowlisted programs run for real with channels as stdin and
// stdout, as a shell pipeline does.
#include <gtest/gtest.h>

#include <string>

#include "test_support.hpp"

namespace ipclab::live {
namespace {

TEST(Exec, PsPipedIntoGrepFindsTheProcessByItsRealPid) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: pipe, kind: pipe}
  - {name: screen, kind: pipe}
processes:
  - name: nginx
    steps: [{sleep: 1}]
  - name: shell_ps
    steps: [{exec: {argv: [ps, -e, -o, "pid,comm"], stdout: pipe}}]
  - name: shell_grep
    steps: [{exec: {argv: [grep, nginx], stdin: pipe, stdout: screen}}]
  - name: terminal
    steps: [{recv: {from: screen, max: 4096}}, {recv: {from: screen, max: 4096}}]
)"));
  ASSERT_TRUE(ls);
  const pid_t nginx = ls->pid("nginx");
  ASSERT_EQ(ls->step("shell_ps"), StepResult::granted);
  {
    // ps wrote its list into the pipe and is gone; the bytes wait there.
    const Snapshot s = ls->snapshot();
    EXPECT_EQ(worker_in(s, "shell_ps").state, WorkerState::exited);
    EXPECT_GT(object_in(s, "pipe").kernel_fill.value_or(0), 20) << "FIONREAD";
  }
  ASSERT_EQ(ls->step("terminal"), StepResult::granted);
  EXPECT_EQ(worker_in(ls->snapshot(), "terminal").state, WorkerState::blocked);
  ASSERT_EQ(ls->step("shell_grep"), StepResult::granted);
  ASSERT_EQ(ls->step("terminal"), StepResult::granted);
  ls->collect();
  const std::vector<Event> got = ls->of(EventKind::recv, "terminal");
  ASSERT_EQ(got.size(), 2u);
  // grep's output: ps's line for nginx, its pid right-aligned.
  std::string line = got[0].data;
  line.erase(0, line.find_first_not_of(' '));
  EXPECT_EQ(line, std::to_string(nginx) + " nginx\n") << got[0].data;
  EXPECT_EQ(got[1].bytes, 0) << "end of file once grep exited";
  // Each shell started its program and reported how it ended.
  for (const char* shell : {"shell_ps", "shell_grep"}) {
    bool exited_zero = false;
    for (const Event& e : ls->of(EventKind::ret, shell))
      exited_zero = exited_zero || e.detail.ends_with("exited with code 0");
    EXPECT_TRUE(exited_zero) << shell;
  }
}

// A program whose reader is gone dies of SIGPIPE, and the shell says so.
TEST(Exec, HeadClosingEarlyKillsTheWriterWithSigpipe) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: pipe, kind: pipe}
processes:
  - name: reader
    steps: [{exec: {argv: [head, -c, "1"], stdin: pipe}}]
  - name: writer
    steps: [{exec: {argv: [cat, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps, /proc/self/maps], stdout: pipe}}]
)"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  ASSERT_TRUE(ls->wait_finished());
  bool sigpipe = false;
  for (const Event& e : ls->of(EventKind::ret, "writer"))
    sigpipe = sigpipe || e.detail == "cat was killed by SIGPIPE";
  EXPECT_TRUE(sigpipe);
}

}  // namespace
}  // namespace ipclab::live
