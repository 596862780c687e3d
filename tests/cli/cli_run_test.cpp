// `ipclab-cli run`: the exit codes of DESIGN.md (0 finished, 2 bad scenario
// or usage, 3 deadlock, 4 timeout), errors in words with their errno, and
// --jsonl event lines.
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "cli_support.hpp"

namespace ipclab::live {
namespace {

const char* kHeader =
    "ipclab: 1\n"
    "id: cli-test\n"
    "title: {en: \"cli test\"}\n"
    "category: message-passing\n";

class Run : public ::testing::Test {
 protected:
  std::string lesson(const std::string& body) {
    return write_file(dir_.path(), "lesson.yaml", kHeader + body);
  }
  CliResult run(const std::vector<std::string>& args, const Env& env = {},
                std::chrono::milliseconds timeout = 30s) {
    std::vector<std::string> all{"run"};
    all.insert(all.end(), args.begin(), args.end());
    return run_cli(all, dir_.path(), env, "", timeout);
  }
  // After the CLI exited: no worker and no session folder of this test.
  void expect_nothing_left() {
    EXPECT_TRUE(workers_under(dir_.path()).empty());
    EXPECT_TRUE(sessions_in(dir_.path()).empty()) << join(sessions_in(dir_.path()));
  }
  TempDir dir_;
};

const char* kPipe = R"(objects:
  - {name: c, kind: pipe}
processes:
  - name: writer
    steps: [{send: {to: c, data: "hello \"you\""}}, {send: {to: c, data: "two"}}]
  - name: reader
    steps: [{recv: {from: c, max: 11}}, {recv: c}]
)";

TEST_F(Run, FinishesWithZero) {
  const CliResult r = run({lesson(kPipe)});
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("spawn"), std::string::npos);
  EXPECT_NE(r.out.find("exit"), std::string::npos);
  expect_nothing_left();
}

TEST_F(Run, UnknownScenarioIsTwo) {
  const CliResult r = run({"no-such-lesson-anywhere"});
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("no-such-lesson-anywhere"), std::string::npos) << r.err;
}

TEST_F(Run, BadOptionIsTwo) {
  EXPECT_EQ(run({lesson(kPipe), "--frobnicate"}).code, 2);
  EXPECT_EQ(run({lesson(kPipe), "--timeout", "soon"}).code, 2);
  EXPECT_EQ(run({}).code, 2);
}

TEST_F(Run, BrokenScenarioIsTwoWithItsErrors) {
  const std::string path = lesson("objects: []\nprocesses:\n  - name: p\n    steps: [{sned: x}]\n");
  const CliResult r = run({path});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find(path + ":8:"), std::string::npos) << r.err;
}

TEST_F(Run, MissingWorkerBinaryIsTwoAndSaysENOENT) {
  const CliResult r = run({lesson(kPipe)}, {{"IPCLAB_WORKER", "/nonexistent/ipclab-worker"}});
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("ENOENT"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("/nonexistent/ipclab-worker"), std::string::npos) << r.err;
  expect_nothing_left();
}

int msg_max() {
  std::ifstream in("/proc/sys/fs/mqueue/msg_max");
  int n = 0;
  in >> n;
  return n;
}

// More messages than the kernel allows in one queue (msg_max + 1): mq_open
// fails with EINVAL, and the sentence names the call, the limit and the
// errno. Root may go beyond msg_max with CAP_SYS_RESOURCE, so the CLI runs
// without that capability.
TEST_F(Run, QueueBeyondMsgMaxIsTwoNamingTheLimitAndErrno) {
  const int limit = msg_max();
  ASSERT_GT(limit, 0);
  ASSERT_LT(limit, 65536) << "the format caps capacity at 65536";
  const std::string path = lesson(R"(objects:
  - {name: q, kind: posix_mq, capacity: )" +
                                  std::to_string(limit + 1) + R"(}
processes:
  - name: p
    steps: [{send: {to: q, data: x}}]
)");
  CliProcess p;
  std::vector<std::string> argv{cli_path(), "run", path};
  if (::geteuid() == 0) {
    if (!path_exists("/usr/bin/setpriv")) GTEST_SKIP() << "root without setpriv: msg_max binds not";
    argv.insert(argv.begin(),
                {"/usr/bin/setpriv", "--inh-caps=-sys_resource", "--bounding-set=-sys_resource"});
  }
  ASSERT_TRUE(p.start(argv, cli_env(dir_.path())));
  p.close_stdin();
  const CliResult r = p.wait(30s);
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("mq_open"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("EINVAL"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("msg_max"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("'q'"), std::string::npos) << r.err;
  expect_nothing_left();
}

// Beyond what Linux allows anyone (HARD_MSGMAX, 65536): the loader refuses
// before any process starts.
TEST_F(Run, QueueBeyondTheHardLimitIsTwo) {
  const CliResult r = run({lesson(R"(objects:
  - {name: q, kind: posix_mq, capacity: 100000}
processes:
  - name: p
    steps: [{send: {to: q, data: x}}]
)")});
  EXPECT_EQ(r.code, 2) << r.out << r.err;
  EXPECT_NE(r.err.find("capacity"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("65536"), std::string::npos) << r.err;
  expect_nothing_left();
}

// Messages of 64 KiB and more (allowed when msgsize_max is raised, here in
// a private IPC namespace): a receive still gets the whole message.
TEST_F(Run, BigQueueMessagesArriveWhole) {
  const std::string path = lesson(R"(objects:
  - {name: q, kind: posix_mq, capacity: 2, message_size: 70000}
processes:
  - name: writer
    steps: [{send: {to: q, data: "hello"}}]
  - name: reader
    steps: [{recv: q}]
)");
  std::vector<std::string> argv{"/usr/bin/unshare", "--ipc"};
  if (::geteuid() != 0) argv.insert(argv.end(), {"--user", "--map-root-user"});
  argv.insert(argv.end(), {"/bin/sh", "-c",
                           "echo 131072 > /proc/sys/fs/mqueue/msgsize_max || exit 90; "
                           "exec \"$0\" run \"$1\" --jsonl",
                           cli_path(), path});
  if (!path_exists(argv[0])) GTEST_SKIP() << "unshare is not installed";
  CliProcess p;
  ASSERT_TRUE(p.start(argv, cli_env(dir_.path())));
  p.close_stdin();
  const CliResult r = p.wait(30s);
  if (r.code == 90 || (r.code != 0 && r.err.find("unshare") != std::string::npos))
    GTEST_SKIP() << "no private IPC namespace with a raised msgsize_max here: " << r.err;
  EXPECT_EQ(r.code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find(R"("ev":"recv","proc":"reader")"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(R"("data":"hello")"), std::string::npos);
  EXPECT_EQ(r.out.find(R"("ev":"error")"), std::string::npos) << r.out;
}

TEST_F(Run, DeadlockIsThreeAndPrintsTheCycle) {
  const CliResult r = run({lesson(R"(objects:
  - {name: s1, kind: semaphore, initial: 0}
  - {name: s2, kind: semaphore, initial: 0}
processes:
  - name: alice
    steps: [{wait: s1}, {post: s2}]
  - name: bob
    steps: [{wait: s2}, {post: s1}]
)")});
  EXPECT_EQ(r.code, 3) << r.out << r.err;
  const std::string all = r.out + r.err;
  EXPECT_NE(all.find("deadlock"), std::string::npos) << all;
  EXPECT_NE(all.find("alice waits on semaphore 's1'"), std::string::npos) << all;
  EXPECT_NE(all.find("bob waits on semaphore 's2'"), std::string::npos) << all;
  expect_nothing_left();
}

TEST_F(Run, NeverEndingScenarioTimesOutWithFour) {
  const auto t0 = Clock::now();
  const CliResult r = run({lesson(R"(objects: []
processes:
  - name: sleeper
    steps: [{sleep: 60000}]
)"),
                           "--timeout", "1"});
  EXPECT_EQ(r.code, 4) << r.out << r.err;
  EXPECT_LT(Clock::now() - t0, 15s);
  EXPECT_NE((r.out + r.err).find("timeout"), std::string::npos);
  expect_nothing_left();
}

// Every line of --jsonl is one JSON object with at least t, ev, proc, pid.
TEST_F(Run, JsonlLinesAreJsonObjectsWithTheContractKeys) {
  const CliResult r = run({lesson(kPipe), "--jsonl"});
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  int events = 0, recvs = 0;
  for (const std::string& line : lines_of(r.out)) {
    std::map<std::string, std::string> f;
    ASSERT_TRUE(parse_json_object(line, &f)) << "not a JSON object: " << line;
    for (const char* key : {"t", "ev", "proc", "pid"})
      EXPECT_TRUE(f.count(key)) << "no '" << key << "' in " << line;
    ++events;
    if (f["ev"] == "\"recv\"") {
      ++recvs;
      EXPECT_TRUE(f.count("obj") && f.count("msg") && f.count("bytes") && f.count("data")) << line;
    }
    EXPECT_GT(std::stol(f["pid"]), 0) << line;
  }
  EXPECT_GT(events, 10);
  EXPECT_EQ(recvs, 2);
  EXPECT_NE(r.out.find(R"("data":"hello \"you\"")"), std::string::npos) << "escaped quotes";
}

// Two mutexes taken in opposite orders, stepped into a cycle: exit 3 and the
// cycle in words, naming the two processes and nobody else.
TEST_F(Run, ACycleOfMutexesIsThreeAndNamesOnlyItsProcesses) {
  const std::string file = lesson(R"(objects:
  - {name: m1, kind: mutex}
  - {name: m2, kind: mutex}
processes:
  - name: a
    steps: [{lock: m1}, {lock: m2}, {unlock: m2}, {unlock: m1}]
  - name: b
    steps: [{lock: m2}, {lock: m1}, {unlock: m1}, {unlock: m2}]
  - name: bystander
    steps: [{print: "not part of it"}]
)");
  const CliResult r =
      run_cli({"run", file, "--step"}, dir_.path(), {}, "step a\nstep b\nstep a\nstep b\n", 60s);
  EXPECT_EQ(r.code, 3) << r.out << r.err;
  const std::string all = r.out + r.err;
  EXPECT_NE(all.find("a waits for m2 held by b, which waits for m1 held by a"), std::string::npos)
      << all;
  EXPECT_EQ(all.find("bystander waits"), std::string::npos) << all;
  expect_nothing_left();
}

// A deadlock with --jsonl: the report is an event line too.
TEST_F(Run, JsonlDeadlockStaysJson) {
  const CliResult r = run({lesson(R"(objects:
  - {name: s, kind: semaphore, initial: 0}
processes:
  - name: p
    steps: [{wait: s}]
)"),
                           "--jsonl"});
  EXPECT_EQ(r.code, 3) << r.out << r.err;
  bool deadlock = false;
  for (const std::string& line : lines_of(r.out)) {
    std::map<std::string, std::string> f;
    ASSERT_TRUE(parse_json_object(line, &f)) << line;
    for (const char* key : {"t", "ev", "proc", "pid"})
      EXPECT_TRUE(f.count(key)) << "no '" << key << "' in " << line;
    if (f["ev"] == "\"deadlock\"") deadlock = true;
  }
  EXPECT_TRUE(deadlock) << r.out;
}

TEST(JsonCheck, TellsValidFromInvalid) {
  std::map<std::string, std::string> f;
  EXPECT_TRUE(parse_json_object(R"({"t":1,"ev":"send","x":[1,2.5e3,{"a":null}],"y":true})", &f));
  EXPECT_EQ(f["ev"], "\"send\"");
  for (const char* bad : {"", "{", "{\"t\":1,}", "{\"t\":01}", "{\"a\":\"\x01\"}", "[1]",
                          "{\"t\":1} x", "{'t':1}", "{\"a\":\"\\q\"}"})
    EXPECT_FALSE(parse_json_object(bad, nullptr)) << bad;
}

}  // namespace
}  // namespace ipclab::live

namespace ipclab::live {
namespace {

class SwitchAtStart : public ::testing::TestWithParam<std::string> {};

// --switch OBJ=MECH before the start: the bundled producer-consumer runs its
// buffer over another mechanism, every item arrives once and in order, and
// the workers really use that mechanism (their calls say so).
TEST_P(SwitchAtStart, ProducerConsumerRunsOverEveryAlternative) {
  TempDir dir;
  const CliResult r =
      run_cli({"run", "producer-consumer", "--switch", "buffer=" + GetParam(), "--jsonl"},
              dir.path(), {}, "", 60s);
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  std::vector<std::string> got;
  std::set<std::string> syscalls;
  for (const std::string& line : lines_of(r.out)) {
    std::map<std::string, std::string> f;
    // Raw JSON values: strings keep their quotes.
    if (!parse_json_object(line, &f) || f["obj"] != "\"buffer\"") continue;
    auto text = [&](const char* key) { return f[key].substr(1, f[key].size() - 2); };
    if (f["ev"] == "\"recv\"") got.push_back(text("data"));
    if (f["ev"] == "\"call\"") syscalls.insert(text("syscall"));
  }
  EXPECT_EQ(got,
            (std::vector<std::string>{"item 1", "item 2", "item 3", "item 4", "item 5", "item 6"}));
  const std::map<std::string, std::set<std::string>> expected{
      {"pipe", {"write", "read"}},
      {"fifo", {"write", "read"}},
      {"posix_mq", {"mq_timedsend", "mq_timedreceive"}},
      {"sysv_mq", {"msgsnd", "msgrcv"}},
      {"unix_stream", {"sendto", "recvfrom"}},
      {"unix_dgram", {"sendto", "recvfrom"}},
      {"tcp", {"sendto", "recvfrom"}},
      {"shm_ring", {"futex"}}};
  EXPECT_EQ(syscalls, expected.at(GetParam()));
  EXPECT_TRUE(workers_under(dir.path()).empty());
  EXPECT_TRUE(sessions_in(dir.path()).empty());
}

// `switch OBJ MECH` on stdin while the processes run: the buffer moves from
// a pipe to a POSIX queue and then to TCP with items in flight, the same two
// processes carry on, every item arrives once and in order, and a switch
// the channel cannot make says why and changes nothing.
TEST(SwitchLive, OnStdinWhileStepping) {
  TempDir dir;
  const CliResult r = run_cli({"run", "producer-consumer", "--step", "--jsonl"}, dir.path(), {},
                              "step producer\nstep producer\nstep producer\nstep producer\n"
                              "switch buffer posix_mq\nstep consumer\n"
                              "switch buffer=tcp\nswitch buffer udp\nswitch guard pipe\nrun\n",
                              60s);
  ASSERT_EQ(r.code, 0) << r.out << r.err;
  std::vector<std::string> got, switched;
  std::set<std::string> pids;
  for (const std::string& line : lines_of(r.out)) {
    std::map<std::string, std::string> f;
    if (!parse_json_object(line, &f)) continue;
    auto text = [&](const char* key) { return f[key].substr(1, f[key].size() - 2); };
    if (f["ev"] == "\"recv\"" && f["obj"] == "\"buffer\"") got.push_back(text("data"));
    if (f["ev"] == "\"switch\"") switched.push_back(text("data"));
    if (f["ev"] == "\"spawn\"") pids.insert(f["pid"]);
  }
  EXPECT_EQ(got,
            (std::vector<std::string>{"item 1", "item 2", "item 3", "item 4", "item 5", "item 6"}));
  EXPECT_EQ(switched, (std::vector<std::string>{"posix_mq", "tcp"}));
  EXPECT_EQ(pids.size(), 2u);
  EXPECT_NE(r.err.find("cannot switch buffer: 'buffer' cannot run on udp; it can run on pipe, "
                       "fifo, posix_mq, sysv_mq, unix_stream, unix_dgram, tcp, shm_ring"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("cannot switch guard: 'guard' is a mutex; only a channel that lists "
                       "alternatives can switch"),
            std::string::npos)
      << r.err;
  EXPECT_TRUE(workers_under(dir.path()).empty());
  EXPECT_TRUE(sessions_in(dir.path()).empty());
}

INSTANTIATE_TEST_SUITE_P(Buffer, SwitchAtStart,
                         ::testing::Values("pipe", "fifo", "posix_mq", "sysv_mq", "unix_stream",
                                           "unix_dgram", "tcp", "shm_ring"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace ipclab::live
