// The bundled lessons pipe-full-and-eof, pipe-sigpipe and signals-coalesce:
// `ipclab-cli lesson ID` holds every expect, and `ipclab-cli run ID --step
// --jsonl`, stepped in the lesson's order, shows the facts each lesson's
// texts describe (what each read returned, who was killed by what, which
// signals were delivered with which values, which call failed with EINTR).
#include <gtest/gtest.h>

#include <csignal>
#include <map>
#include <string>
#include <vector>

#include "cli_support.hpp"

namespace ipclab::live {
namespace {

// One --jsonl event: its keys with their raw JSON values; text() unquotes.
struct Ev {
  std::map<std::string, std::string> f;
  bool has(const std::string& key) const { return f.count(key) != 0; }
  std::string text(const std::string& key) const {
    auto it = f.find(key);
    if (it == f.end()) return {};
    std::string v = it->second;
    if (v.size() < 2 || v.front() != '"') return v;
    std::string out;
    for (size_t i = 1; i + 1 < v.size(); ++i) {
      if (v[i] == '\\' && i + 2 < v.size()) ++i;
      out += v[i];
    }
    return out;
  }
  long num(const std::string& key) const { return has(key) ? std::stol(f.at(key)) : -999; }
  std::string ev() const { return text("ev"); }
  std::string proc() const { return text("proc"); }
};

struct Stepped {
  CliResult r;
  std::vector<Ev> events;           // event lines, in order
  std::vector<std::string> states;  // `state` replies, in order
};

// `ipclab-cli run ID --step --jsonl` with COMMANDS on stdin (one per line),
// then stdin closed.
Stepped run_stepped(const std::string& id, const std::vector<std::string>& commands,
                    const std::string& runtime) {
  std::string input;
  for (const std::string& c : commands) input += c + "\n";
  Stepped s;
  s.r = run_cli({"run", id, "--step", "--jsonl", "--timeout", "60"}, runtime, {}, input, 90s);
  for (const std::string& line : lines_of(s.r.out)) {
    if (line.rfind("{\"state\":", 0) == 0) {
      s.states.push_back(line);
      continue;
    }
    Ev e;
    if (parse_json_object(line, &e.f)) s.events.push_back(e);
  }
  return s;
}

void add(std::vector<std::string>& cmds, const std::string& cmd, int times = 1) {
  for (int i = 0; i < times; ++i) cmds.push_back(cmd);
}

std::vector<Ev> only(const std::vector<Ev>& events, const std::string& ev,
                     const std::string& proc) {
  std::vector<Ev> out;
  for (const Ev& e : events)
    if (e.ev() == ev && e.proc() == proc) out.push_back(e);
  return out;
}

// Index of the first event matching, from `from`; -1 if none.
template <class Pred>
int find_from(const std::vector<Ev>& events, size_t from, Pred pred) {
  for (size_t i = from; i < events.size(); ++i)
    if (pred(events[i])) return static_cast<int>(i);
  return -1;
}

// One process's entry in a `state` reply: {"proc":"NAME",...{kernel...}}.
std::string proc_state(const std::string& state, const std::string& name) {
  const size_t at = state.find("{\"proc\":\"" + name + "\"");
  if (at == std::string::npos) return {};
  const size_t end = state.find("}}", at);
  return state.substr(at, end == std::string::npos ? std::string::npos : end + 2 - at);
}

std::string dump(const Stepped& s) {
  return "exit " + std::to_string(s.r.code) + "\n" + s.r.out + s.r.err;
}

class LessonCli : public ::testing::Test {
 protected:
  void expect_lesson_holds(const std::string& id) {
    const CliResult r = run_cli({"lesson", id}, dir_.path(), {}, "", 90s);
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("every expectation held"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("FAIL"), std::string::npos) << r.out;
    expect_nothing_left();
  }
  void expect_nothing_left() {
    EXPECT_TRUE(workers_under(dir_.path()).empty());
    EXPECT_TRUE(sessions_in(dir_.path()).empty());
  }
  TempDir dir_;
};

// ---- pipe-full-and-eof ------------------------------------------------------

TEST_F(LessonCli, PipeFullAndEofHoldsEveryExpectation) {
  expect_lesson_holds("pipe-full-and-eof");
}

TEST_F(LessonCli, PipeFullAndEofShowsAByteStreamAFullPipeAndEndOfFile) {
  std::vector<std::string> cmds;
  add(cmds, "step writer", 2);   // "hello ", "world"
  add(cmds, "step reader");      // max 64
  add(cmds, "step writer");      // "0123456789"
  add(cmds, "step reader");      // max 4
  add(cmds, "step reader");      // max 64
  add(cmds, "step writer", 65);  // 65 blocks of 1024 bytes
  add(cmds, "state");
  add(cmds, "step reader");     // max 65536
  add(cmds, "step reader", 2);  // the last block, then end of file
  const Stepped s = run_stepped("pipe-full-and-eof", cmds, dir_.path());
  ASSERT_EQ(s.r.code, 0) << dump(s);

  const std::vector<Ev> recvs = only(s.events, "recv", "reader");
  ASSERT_EQ(recvs.size(), 6u) << dump(s);
  // Two writes, one read.
  EXPECT_EQ(recvs[0].num("bytes"), 11);
  EXPECT_EQ(recvs[0].text("data"), "hello world");
  // A short read takes part; the rest waits for the next one.
  EXPECT_EQ(recvs[1].num("bytes"), 4);
  EXPECT_EQ(recvs[1].text("data"), "0123");
  EXPECT_EQ(recvs[2].num("bytes"), 6);
  EXPECT_EQ(recvs[2].text("data"), "456789");
  // The full pipe: 64 blocks in one read, then the block that had waited.
  EXPECT_EQ(recvs[3].num("bytes"), 65536);
  EXPECT_EQ(recvs[4].num("bytes"), 1024);
  // End of file: read() returned 0.
  EXPECT_EQ(recvs[5].num("bytes"), 0);

  // The writer slept in write() at its 65th block (op 3 + 65 - 1 = 67), with
  // 64 KiB in the pipe by the kernel's count.
  const std::vector<Ev> blocks = only(s.events, "block", "writer");
  ASSERT_EQ(blocks.size(), 1u) << dump(s);
  EXPECT_EQ(blocks[0].text("syscall"), "write");
  EXPECT_EQ(blocks[0].num("op"), 67);
  ASSERT_EQ(s.states.size(), 1u) << dump(s);
  const std::string writer = proc_state(s.states[0], "writer");
  EXPECT_NE(writer.find(R"("state":"blocked","op":67,)"), std::string::npos) << s.states[0];
  EXPECT_NE(writer.find(R"("kernel":{"state":"S","syscall":"write")"), std::string::npos)
      << s.states[0];
  EXPECT_NE(s.states[0].find(R"("kernel":65536)"), std::string::npos) << s.states[0];

  // The writer exited normally before the read that saw end of file.
  int writer_exit =
      find_from(s.events, 0, [](const Ev& e) { return e.ev() == "exit" && e.proc() == "writer"; });
  ASSERT_GE(writer_exit, 0) << dump(s);
  EXPECT_EQ(s.events[static_cast<size_t>(writer_exit)].text("detail"), "exit code 0");
  const int eof = find_from(s.events, 0, [](const Ev& e) {
    return e.ev() == "recv" && e.proc() == "reader" && e.num("bytes") == 0;
  });
  EXPECT_LT(writer_exit, eof);
  expect_nothing_left();
}

// ---- pipe-sigpipe -----------------------------------------------------------

TEST_F(LessonCli, PipeSigpipeHoldsEveryExpectation) {
  expect_lesson_holds("pipe-sigpipe");
}

TEST_F(LessonCli, PipeSigpipeKillsTheWriterAndGivesTheCarefulOneEpipe) {
  std::vector<std::string> cmds;
  add(cmds, "step reader");
  add(cmds, "step writer");      // "hello": the reader takes it and exits
  add(cmds, "step writer");      // no reader left
  add(cmds, "step careful", 3);  // handler, write, print
  const Stepped s = run_stepped("pipe-sigpipe", cmds, dir_.path());
  ASSERT_EQ(s.r.code, 0) << dump(s);

  const std::vector<Ev> got = only(s.events, "recv", "reader");
  ASSERT_EQ(got.size(), 1u) << dump(s);
  EXPECT_EQ(got[0].text("data"), "hello");

  const int reader_exit =
      find_from(s.events, 0, [](const Ev& e) { return e.ev() == "exit" && e.proc() == "reader"; });
  const int writer_exit =
      find_from(s.events, 0, [](const Ev& e) { return e.ev() == "exit" && e.proc() == "writer"; });
  ASSERT_GE(reader_exit, 0) << dump(s);
  ASSERT_GE(writer_exit, 0) << dump(s);
  EXPECT_LT(reader_exit, writer_exit);
  EXPECT_EQ(s.events[static_cast<size_t>(reader_exit)].text("detail"), "exit code 0");
  EXPECT_EQ(s.events[static_cast<size_t>(writer_exit)].text("detail"), "killed by SIGPIPE");
  // Killed inside its second write: it never returned from it, nor printed.
  EXPECT_EQ(only(s.events, "return", "writer").size(), 1u) << dump(s);
  EXPECT_EQ(s.r.out.find("still alive"), std::string::npos);

  // The careful writer: write() = -1 EPIPE, SIGPIPE caught, a normal exit.
  bool epipe = false;
  for (const Ev& e : only(s.events, "return", "careful"))
    if (e.text("syscall") == "write" && e.num("value") == -1 &&
        e.text("detail").find("EPIPE") != std::string::npos)
      epipe = true;
  EXPECT_TRUE(epipe) << dump(s);
  const std::vector<Ev> caught = only(s.events, "deliver", "careful");
  ASSERT_EQ(caught.size(), 1u) << dump(s);
  EXPECT_EQ(caught[0].text("detail"), "SIGPIPE caught by the handler");
  const std::vector<Ev> careful_exit = only(s.events, "exit", "careful");
  ASSERT_EQ(careful_exit.size(), 1u) << dump(s);
  EXPECT_EQ(careful_exit[0].text("detail"), "exit code 0");
  expect_nothing_left();
}

// ---- signals-coalesce -------------------------------------------------------

TEST_F(LessonCli, SignalsCoalesceHoldsEveryExpectation) {
  expect_lesson_holds("signals-coalesce");
}

TEST_F(LessonCli, SignalsCoalesceMergesQueuesAndInterrupts) {
  std::vector<std::string> cmds;
  add(cmds, "step sender", 3);    // SIGUSR1 x3
  add(cmds, "state");             // [0] SIGUSR1 pending in the receiver
  add(cmds, "step receiver", 2);  // one SIGUSR1, then a wait that sleeps
  add(cmds, "state");             // [1]
  add(cmds, "step sender", 4);    // SIGUSR2, SIGRTMIN 1, 2, 3
  add(cmds, "step receiver", 3);
  add(cmds, "step reader", 3);  // two handlers, read() sleeps
  add(cmds, "step sender");     // SIGUSR1: EINTR
  add(cmds, "step reader");     // read() sleeps again
  add(cmds, "step sender");     // SIGUSR2: SA_RESTART
  add(cmds, "state");           // [2] the reader still asleep in read()
  add(cmds, "step sender");     // "wake up"
  const Stepped s = run_stepped("signals-coalesce", cmds, dir_.path());
  ASSERT_EQ(s.r.code, 0) << dump(s);
  ASSERT_EQ(s.states.size(), 3u) << dump(s);

  // Three kill() calls, one pending bit (SIGUSR1 is signal 10: bit 9).
  EXPECT_EQ(only(s.events, "signal", "sender").size(), 9u);
  EXPECT_NE(proc_state(s.states[0], "receiver").find(R"("sig_pending":512})"), std::string::npos)
      << s.states[0];
  // After one SIGUSR1 the receiver sleeps in its second wait, nothing pending.
  const std::string receiver = proc_state(s.states[1], "receiver");
  EXPECT_NE(receiver.find(R"("state":"blocked","op":1,)"), std::string::npos) << s.states[1];
  EXPECT_NE(receiver.find(R"("state":"S","syscall":"rt_sigtimedwait")"), std::string::npos)
      << s.states[1];
  EXPECT_NE(receiver.find(R"("sig_pending":0})"), std::string::npos) << s.states[1];

  // The receiver's deliveries: SIGUSR1 once, SIGUSR2, then SIGRTMIN with
  // the values 1, 2, 3 in that order.
  const std::vector<Ev> got = only(s.events, "deliver", "receiver");
  ASSERT_EQ(got.size(), 5u) << dump(s);
  EXPECT_EQ(got[0].text("detail").rfind("SIGUSR1 from pid", 0), 0u) << got[0].text("detail");
  EXPECT_FALSE(got[0].has("value"));
  EXPECT_EQ(got[1].text("detail").rfind("SIGUSR2 from pid", 0), 0u) << got[1].text("detail");
  for (int k = 0; k < 3; ++k) {
    const Ev& rt = got[static_cast<size_t>(2 + k)];
    EXPECT_EQ(rt.num("value"), k + 1) << rt.text("detail");
    EXPECT_EQ(only(s.events, "return", "receiver")[static_cast<size_t>(2 + k)].num("value"),
              SIGRTMIN);
  }

  // No SA_RESTART: read() = -1 EINTR after the handler caught SIGUSR1.
  const std::vector<Ev> reader_returns = only(s.events, "return", "reader");
  int eintr = 0;
  for (const Ev& e : reader_returns)
    if (e.text("syscall") == "read" && e.num("value") == -1 &&
        e.text("detail").find("EINTR") != std::string::npos)
      ++eintr;
  EXPECT_EQ(eintr, 1) << dump(s);
  const std::vector<Ev> caught = only(s.events, "deliver", "reader");
  ASSERT_EQ(caught.size(), 2u) << dump(s);
  EXPECT_EQ(caught[0].text("detail"), "SIGUSR1 caught by the handler");
  EXPECT_EQ(caught[1].text("detail"), "SIGUSR2 caught by the handler");
  bool interrupted = false;
  for (const Ev& e : only(s.events, "unblock", "reader"))
    interrupted = interrupted || e.text("detail") == "interrupted by a signal";
  EXPECT_TRUE(interrupted) << dump(s);

  // SA_RESTART: after SIGUSR2 the reader is still asleep in read(), and that
  // read() returns the data, not an error.
  const std::string reader = proc_state(s.states[2], "reader");
  EXPECT_NE(reader.find(R"("state":"blocked","op":3,)"), std::string::npos) << s.states[2];
  EXPECT_NE(reader.find(R"("kernel":{"state":"S","syscall":"read")"), std::string::npos)
      << s.states[2];
  const std::vector<Ev> data = only(s.events, "recv", "reader");
  ASSERT_EQ(data.size(), 1u) << dump(s);
  EXPECT_EQ(data[0].text("data"), "wake up");
  EXPECT_EQ(data[0].num("op"), 3);
  for (const char* p : {"receiver", "reader", "sender"}) {
    const std::vector<Ev> ex = only(s.events, "exit", p);
    ASSERT_EQ(ex.size(), 1u) << p;
    EXPECT_EQ(ex[0].text("detail"), "exit code 0") << p;
  }
  expect_nothing_left();
}

}  // namespace
}  // namespace ipclab::live
