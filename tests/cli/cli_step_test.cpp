// `ipclab-cli run SCENARIO --step`: commands on stdin (step PROC, step,
// state, run, pause, quit) drive real processes one action at a time.
#include <gtest/gtest.h>

#include <regex>

#include "cli_support.hpp"

namespace ipclab::live {
namespace {

const char* kProducerConsumer = R"(ipclab: 1
id: step-test
title: {en: "step test"}
category: message-passing
objects:
  - {name: buffer, kind: pipe}
processes:
  - name: producer
    steps:
      - repeat: {times: 3, steps: [{send: {to: buffer, data: "item {i}"}}]}
  - name: consumer
    steps:
      - repeat: {times: 3, steps: [{recv: {from: buffer, max: 6}}]}
)";

struct ProcState {
  std::string state;
  int op = -1;
  std::string kernel_state, syscall;
};

// A CLI in --step mode, with the reply to each command gathered.
class Stepper {
 public:
  Stepper(const std::string& runtime, const std::string& scenario, bool jsonl) : jsonl_(jsonl) {
    std::vector<std::string> argv{cli_path(), "run", scenario, "--step", "--timeout", "60"};
    if (jsonl) argv.push_back("--jsonl");
    started_ = p_.start(argv, cli_env(runtime));
  }
  bool started() const { return started_; }
  CliProcess& process() { return p_; }

  bool wait_spawned(int n) {
    return p_.read_until(
        [&](const std::string& out) {
          int seen = 0;
          for (const std::string& l : lines_of(out)) seen += l.find("spawn") != std::string::npos;
          return seen >= n;
        },
        10s);
  }
  // Sends `cmd` then `state`; returns the lines printed for `cmd`, and keeps
  // the state reply in state_.
  std::vector<std::string> command(const std::string& cmd) {
    const size_t mark = p_.out().size();
    p_.write(cmd + "\nstate\n");
    const std::string marker = jsonl_ ? "{\"state\":" : "objects\n";
    const bool ok = p_.read_until(
        [&](const std::string& out) {
          const size_t at = out.find(marker, mark);
          return at != std::string::npos &&
                 out.find('\n', at + marker.size() - 1) != std::string::npos;
        },
        10s);
    EXPECT_TRUE(ok) << "no state reply after '" << cmd << "':\n" << p_.out().substr(mark);
    const std::string fresh = p_.out().substr(mark);
    const size_t at = fresh.find(jsonl_ ? "{\"state\":" : "processes ");
    state_ = at == std::string::npos ? "" : fresh.substr(at);
    return lines_of(fresh.substr(0, at == std::string::npos ? fresh.size() : at));
  }
  const std::string& state() const { return state_; }
  ProcState proc(const std::string& name) const {
    ProcState s;
    const std::regex re("\\{\"proc\":\"" + name +
                        "\",\"pid\":[0-9]+,\"state\":\"([^\"]+)\",\"op\":([0-9]+).*?"
                        "\"kernel\":\\{\"state\":\"(.)\",\"syscall\":\"([^\"]*)\"");
    std::smatch m;
    if (std::regex_search(state_, m, re)) {
      s.state = m[1];
      s.op = std::stoi(m[2]);
      s.kernel_state = m[3];
      s.syscall = m[4];
    }
    return s;
  }

 private:
  CliProcess p_;
  bool jsonl_;
  bool started_ = false;
  std::string state_;
};

std::map<std::string, int> steps_in(const std::vector<std::string>& lines) {
  std::map<std::string, int> n;
  const std::regex re("\"ev\":\"step\",\"proc\":\"([^\"]+)\"");
  for (const std::string& l : lines) {
    std::smatch m;
    if (std::regex_search(l, m, re)) ++n[m[1]];
  }
  return n;
}

bool has_line(const std::vector<std::string>& lines, const std::string& a, const std::string& b) {
  for (const std::string& l : lines)
    if (l.find(a) != std::string::npos && l.find(b) != std::string::npos) return true;
  return false;
}

TEST(StepProtocol, StepProcStepAllStateAndRun) {
  TempDir dir;
  Stepper s(dir.path(), write_file(dir.path(), "pc.yaml", kProducerConsumer), true);
  ASSERT_TRUE(s.started());
  ASSERT_TRUE(s.wait_spawned(2)) << s.process().out() << s.process().err();

  std::vector<std::string> got = s.command("step producer");
  EXPECT_EQ(steps_in(got), (std::map<std::string, int>{{"producer", 1}}));
  EXPECT_TRUE(has_line(got, "\"ev\":\"send\"", "\"data\":\"item 1\""));
  EXPECT_EQ(s.proc("producer").op, 1);
  EXPECT_EQ(s.proc("producer").state, "at gate");
  EXPECT_EQ(s.proc("consumer").op, 0);

  got = s.command("step");
  EXPECT_EQ(steps_in(got), (std::map<std::string, int>{{"producer", 1}, {"consumer", 1}}));
  EXPECT_TRUE(has_line(got, "\"ev\":\"recv\"", "\"data\":\"item 1\""));
  EXPECT_EQ(s.proc("producer").op, 2);
  EXPECT_EQ(s.proc("consumer").op, 1);

  got = s.command("step consumer");
  EXPECT_TRUE(has_line(got, "\"ev\":\"recv\"", "\"data\":\"item 2\""));
  // The pipe is empty now: the next receive blocks in read().
  got = s.command("step consumer");
  EXPECT_TRUE(has_line(got, "\"ev\":\"block\"", "\"proc\":\"consumer\""));
  EXPECT_EQ(s.proc("consumer").state, "blocked");
  EXPECT_EQ(s.proc("consumer").kernel_state, "S");
  EXPECT_EQ(s.proc("consumer").syscall, "read");
  EXPECT_NE(s.state().find("\"blocked_on\":\"buffer\""), std::string::npos) << s.state();

  got = s.command("step consumer");
  EXPECT_TRUE(steps_in(got).empty());
  EXPECT_TRUE(s.process().read_until(
      [&](const std::string&) { return s.process().err().find("blocked") != std::string::npos; },
      5s))
      << "stderr: " << s.process().err();

  s.process().write("run\n");
  const CliResult r = s.process().wait(20s);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"data\":\"item 3\""), std::string::npos);
  EXPECT_TRUE(workers_under(dir.path()).empty());
  EXPECT_TRUE(sessions_in(dir.path()).empty());
}

TEST(StepProtocol, QuitStopsEverything) {
  TempDir dir;
  Stepper s(dir.path(), write_file(dir.path(), "pc.yaml", kProducerConsumer), true);
  ASSERT_TRUE(s.started());
  ASSERT_TRUE(s.wait_spawned(2));
  s.command("step consumer");  // blocked in read
  EXPECT_EQ(s.proc("consumer").state, "blocked");
  EXPECT_EQ(workers_under(dir.path()).size(), 2u);
  s.process().write("quit\n");
  const CliResult r = s.process().wait(10s);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(workers_under(dir.path()).empty());
  EXPECT_TRUE(sessions_in(dir.path()).empty());
}

TEST(StepProtocol, HumanRepliesAndMistakes) {
  TempDir dir;
  Stepper s(dir.path(), write_file(dir.path(), "pc.yaml", kProducerConsumer), false);
  ASSERT_TRUE(s.started());
  ASSERT_TRUE(s.wait_spawned(2));
  std::vector<std::string> got = s.command("step producer");
  EXPECT_TRUE(has_line(got, "producer", "send \"item 1\" to buffer")) << s.process().out();
  EXPECT_NE(s.state().find("at gate"), std::string::npos) << s.state();
  EXPECT_NE(s.state().find("next: send \"item 2\" to buffer"), std::string::npos) << s.state();
  got = s.command("step nobody");
  EXPECT_TRUE(has_line(got, "cannot step nobody", "no such process"));
  got = s.command("fly away");
  EXPECT_TRUE(has_line(got, "unknown command", "fly"));
  s.process().write("quit\n");
  EXPECT_EQ(s.process().wait(10s).code, 0);
}

TEST(StepProtocol, KillSendsSigkillAndRefusesAFinishedProcess) {
  TempDir dir;
  Stepper s(dir.path(), write_file(dir.path(), "pc.yaml", kProducerConsumer), true);
  ASSERT_TRUE(s.started());
  ASSERT_TRUE(s.wait_spawned(2));
  s.command("step consumer");  // asleep in read()
  ASSERT_EQ(s.proc("consumer").state, "blocked");
  std::vector<std::string> got = s.command("kill consumer");
  EXPECT_TRUE(has_line(got, "\"ev\":\"exit\"", "killed by SIGKILL")) << s.process().out();
  EXPECT_EQ(s.proc("consumer").state, "killed");
  EXPECT_EQ(workers_under(dir.path()).size(), 1u) << "the killed worker was reaped";
  const size_t err_mark = s.process().err().size();
  s.command("kill consumer");
  EXPECT_TRUE(s.process().read_until(
      [&](const std::string&) {
        return s.process().err().find("cannot kill consumer: it has already finished", err_mark) !=
               std::string::npos;
      },
      5s))
      << "stderr: " << s.process().err();
  s.process().write("kill\nquit\n");
  const CliResult r = s.process().wait(10s);
  EXPECT_NE(r.err.find("kill needs a process"), std::string::npos) << r.err;
  EXPECT_TRUE(workers_under(dir.path()).empty());
  EXPECT_TRUE(sessions_in(dir.path()).empty());
}

TEST(StepProtocol, PauseStopsARunAndSteppingWorksAgain) {
  TempDir dir;
  const std::string body = R"(ipclab: 1
id: long
title: {en: "long"}
category: message-passing
objects: []
processes:
  - name: talker
    steps: [{repeat: {times: 5000, steps: [{print: "tick {i}"}]}}]
)";
  Stepper s(dir.path(), write_file(dir.path(), "long.yaml", body), true);
  ASSERT_TRUE(s.started());
  ASSERT_TRUE(s.wait_spawned(1));
  s.process().write("run 200\n");
  ASSERT_TRUE(s.process().read_until(
      [](const std::string& out) { return steps_in(lines_of(out))["talker"] >= 3; }, 10s));
  s.command("pause");
  const int op = s.proc("talker").op;
  EXPECT_GT(op, 0);
  EXPECT_LT(op, 5000);
  const std::vector<std::string> got = s.command("step talker");
  EXPECT_EQ(steps_in(got), (std::map<std::string, int>{{"talker", 1}}));
  EXPECT_EQ(s.proc("talker").op, op + 1);
  s.process().write("quit\n");
  EXPECT_EQ(s.process().wait(10s).code, 0);
}

// Deadlocked while stepping: the CLI keeps listening; when stdin ends it
// exits with 3.
TEST(StepProtocol, DeadlockWhileSteppingEndsWithThree) {
  TempDir dir;
  const std::string body = R"(ipclab: 1
id: dl
title: {en: "dl"}
category: synchronization
objects:
  - {name: s1, kind: semaphore, initial: 0}
  - {name: s2, kind: semaphore, initial: 0}
processes:
  - name: alice
    steps: [{wait: s1}, {post: s2}]
  - name: bob
    steps: [{wait: s2}, {post: s1}]
)";
  Stepper s(dir.path(), write_file(dir.path(), "dl.yaml", body), true);
  ASSERT_TRUE(s.started());
  ASSERT_TRUE(s.wait_spawned(2));
  s.command("step");
  EXPECT_EQ(s.proc("alice").state, "blocked");
  EXPECT_EQ(s.proc("bob").state, "blocked");
  ASSERT_TRUE(s.process().read_until(
      [](const std::string& out) { return out.find("\"ev\":\"deadlock\"") != std::string::npos; },
      10s))
      << s.process().out();
  s.process().close_stdin();
  const CliResult r = s.process().wait(10s);
  EXPECT_EQ(r.code, 3) << r.err;
  EXPECT_NE(r.err.find("deadlock"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace ipclab::live
