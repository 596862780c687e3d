// File and record locks with real processes on a real file: byte ranges
// that do not overlap are locked at once, overlapping ones wait, readers
// share; the kernel refuses a lock cycle with EDEADLK; flock, fcntl and OFD
// locks differ in whom they belong to. /proc/locks (read here on its own,
// not through the code under test) agrees with the events.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "test_support.hpp"

namespace ipclab::live {
namespace {

// The lines of /proc/locks about `path`, without their "N:" id, spaces
// squeezed: "POSIX ADVISORY WRITE 4711 fe:00:123 0 9", "-> POSIX ...".
std::vector<std::string> proc_locks(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  const std::string inode = ":" + std::to_string(st.st_ino);
  std::ifstream f("/proc/locks");
  std::vector<std::string> out;
  std::string line;
  while (std::getline(f, line)) {
    std::istringstream in(line);
    std::string word, squeezed;
    in >> word;  // "3:"
    bool ours = false;
    while (in >> word) {
      if (word.size() > inode.size() &&
          word.compare(word.size() - inode.size(), inode.size(), inode) == 0)
        ours = true;
      squeezed += (squeezed.empty() ? "" : " ") + word;
    }
    if (ours) out.push_back(squeezed);
  }
  return out;
}

// The /proc/locks line of `pid` (`waiting`: its "->" line), or "".
std::string lock_of(const std::vector<std::string>& lines, pid_t pid, bool waiting = false) {
  for (const std::string& l : lines) {
    if ((l.rfind("->", 0) == 0) != waiting) continue;
    std::istringstream in(l);
    std::string style, advisory, rw;
    long p = 0;
    if (waiting) in >> style;
    in >> style >> advisory >> rw >> p;
    if (p == pid) return l;
  }
  return {};
}

std::string range_of(const std::string& line) {
  // The last two words: "0 9", "0 EOF".
  const size_t last = line.rfind(' ');
  const size_t before = line.rfind(' ', last - 1);
  return line.substr(before + 1);
}

TEST(FileLock, SeparateRangesAtOnceAnOverlappingOneWaitsForBoth) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: data, kind: file_lock}
processes:
  - name: low
    steps: [{flock: {file: data, start: 0, len: 10}}, {funlock: data}]
  - name: high
    steps: [{flock: {file: data, start: 10, len: 10}}, {funlock: data}]
  - name: middle
    steps: [{flock: {file: data, start: 5, len: 10}}, {funlock: data}]
)"));
  ASSERT_TRUE(ls);
  const std::string path = ls->folder() + "/data";
  const pid_t low = ls->pid("low"), high = ls->pid("high"), middle = ls->pid("middle");
  EXPECT_TRUE(proc_locks(path).empty());
  ASSERT_EQ(ls->step("low"), StepResult::granted);
  ASSERT_EQ(ls->step("high"), StepResult::granted);
  {
    const std::vector<std::string> locks = proc_locks(path);
    ASSERT_EQ(locks.size(), 2u) << ::testing::PrintToString(locks);
    EXPECT_EQ(lock_of(locks, low).rfind("POSIX ADVISORY WRITE", 0), 0u) << locks[0];
    EXPECT_EQ(range_of(lock_of(locks, low)), "0 9");
    EXPECT_EQ(range_of(lock_of(locks, high)), "10 19");
    const ObjectStatus data = object_in(ls->snapshot(), "data");
    EXPECT_EQ(data.model_fill, 2);
    EXPECT_NE(data.kernel_note.find("POSIX WRITE pid " + std::to_string(low) + " bytes 0-9"),
              std::string::npos)
        << data.kernel_note;
  }
  ASSERT_EQ(ls->step("middle"), StepResult::granted);
  expect_asleep_in(*ls, "middle", "fcntl");
  {
    const std::vector<std::string> locks = proc_locks(path);
    EXPECT_NE(lock_of(locks, middle, true), "") << ::testing::PrintToString(locks);
    EXPECT_EQ(lock_of(locks, middle), "");
  }
  ASSERT_EQ(ls->step("low"), StepResult::granted);  // bytes 10-14 are still high's
  expect_asleep_in(*ls, "middle", "fcntl");
  ASSERT_EQ(ls->step("high"), StepResult::granted);
  EXPECT_EQ(worker_in(ls->snapshot(), "middle").state, WorkerState::at_gate);
  {
    const std::vector<std::string> locks = proc_locks(path);
    ASSERT_EQ(locks.size(), 1u) << ::testing::PrintToString(locks);
    EXPECT_EQ(range_of(lock_of(locks, middle)), "5 14");
  }
  ls->collect();
  const std::vector<Event> got = ls->of(EventKind::acquire, "middle");
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].detail, "fcntl F_SETLKW F_WRLCK [5, 15)");
  ls->session().run(0);  // the steps left, freely
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_TRUE(proc_locks(path).empty());
}

TEST(FileLock, SharedLocksShareAnExclusiveOneWaits) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: data, kind: file_lock}
processes:
  - name: reader
    count: 2
    steps: [{flock: {file: data, mode: shared}}, {funlock: data}]
  - name: writer
    steps: [{flock: {file: data, mode: exclusive}}, {funlock: data}]
)"));
  ASSERT_TRUE(ls);
  const std::string path = ls->folder() + "/data";
  ASSERT_EQ(ls->step("reader#1"), StepResult::granted);
  ASSERT_EQ(ls->step("reader#2"), StepResult::granted);
  {
    const std::vector<std::string> locks = proc_locks(path);
    ASSERT_EQ(locks.size(), 2u) << ::testing::PrintToString(locks);
    for (const char* r : {"reader#1", "reader#2"}) {
      EXPECT_EQ(lock_of(locks, ls->pid(r)).rfind("POSIX ADVISORY READ", 0), 0u) << r;
      EXPECT_EQ(range_of(lock_of(locks, ls->pid(r))), "0 EOF") << r;
    }
  }
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  expect_asleep_in(*ls, "writer", "fcntl");
  ASSERT_EQ(ls->step("reader#1"), StepResult::granted);
  expect_asleep_in(*ls, "writer", "fcntl");
  ASSERT_EQ(ls->step("reader#2"), StepResult::granted);
  const Snapshot snap = ls->snapshot();
  EXPECT_EQ(worker_in(snap, "writer").state, WorkerState::at_gate);
  EXPECT_EQ(object_in(snap, "data").holders, std::vector<int>{ls->index("writer")});
  EXPECT_EQ(lock_of(proc_locks(path), ls->pid("writer")).rfind("POSIX ADVISORY WRITE", 0), 0u);
  ls->session().run(0);  // the steps left, freely
  ASSERT_TRUE(ls->wait_finished());
}

TEST(FileLock, TheKernelRefusesALockCycleWithEdeadlk) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: data, kind: file_lock}
processes:
  - name: a
    steps:
      - flock: {file: data, start: 0, len: 10}
      - flock: {file: data, start: 10, len: 10}
      - funlock: data
  - name: b
    steps:
      - flock: {file: data, start: 10, len: 10}
      - flock: {file: data, start: 0, len: 10}
      - funlock: data
)"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  ASSERT_EQ(ls->step("b"), StepResult::granted);
  ASSERT_EQ(ls->step("a"), StepResult::granted);  // a waits for b's bytes 10-19
  expect_asleep_in(*ls, "a", "fcntl");
  ASSERT_EQ(ls->step("b"), StepResult::granted);  // b would wait for a: a cycle
  {
    const Snapshot snap = ls->snapshot();
    EXPECT_EQ(worker_in(snap, "b").state, WorkerState::at_gate);  // refused, not asleep
    expect_asleep_in(*ls, "a", "fcntl");
    EXPECT_TRUE(holds(object_in(snap, "data"), ls->index("b")));
  }
  ls->collect();
  const std::vector<Event> errors = ls->of(EventKind::error, "b");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].detail.find("EDEADLK"), std::string::npos) << errors[0].detail;
  const std::vector<Event> returns = ls->of(EventKind::ret, "b");
  ASSERT_FALSE(returns.empty());
  EXPECT_EQ(returns.back().value.value_or(0), -1);
  EXPECT_EQ(returns.back().syscall_name, "fcntl");
  EXPECT_EQ(ls->of(EventKind::acquire, "b").size(), 1u);
  EXPECT_FALSE(ls->session().deadlock().has_value());
  ASSERT_EQ(ls->step("b"), StepResult::granted);  // b gives up its bytes: a gets them
  EXPECT_EQ(worker_in(ls->snapshot(), "a").state, WorkerState::at_gate);
  ls->session().run(0);  // the steps left, freely
  ASSERT_TRUE(ls->wait_finished());
}

// The same cycle with OFD locks: they belong to open files, not processes,
// so the kernel cannot follow who waits for whom and refuses nothing: both
// sleep in fcntl for good, a real deadlock.
TEST(FileLock, AnOfdLockCycleIsNotRefusedBothWaitForever) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: data, kind: file_lock}
processes:
  - name: a
    steps:
      - flock: {file: data, style: ofd, start: 0, len: 10}
      - flock: {file: data, style: ofd, start: 10, len: 10}
  - name: b
    steps:
      - flock: {file: data, style: ofd, start: 10, len: 10}
      - flock: {file: data, style: ofd, start: 0, len: 10}
)"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  ASSERT_EQ(ls->step("b"), StepResult::granted);
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  ASSERT_EQ(ls->step("b"), StepResult::granted);
  expect_asleep_in(*ls, "a", "fcntl");
  expect_asleep_in(*ls, "b", "fcntl");
  ls->collect();
  EXPECT_TRUE(ls->of(EventKind::error).empty());
  const std::vector<std::string> locks = proc_locks(ls->folder() + "/data");
  int held = 0, waiting = 0;
  for (const std::string& l : locks) (l.rfind("->", 0) == 0 ? waiting : held) += 1;
  EXPECT_EQ(held, 2) << ::testing::PrintToString(locks);
  EXPECT_EQ(waiting, 2) << ::testing::PrintToString(locks);
  // Nobody refused it, so the session says what it is.
  EXPECT_TRUE(ls->wait_for([](const std::vector<Event>& events) {
    for (const Event& e : events)
      if (e.ev == EventKind::deadlock) return true;
    return false;
  }));
}

TEST(FileLock, OneProcessNeverConflictsWithItselfAndItsRangesMerge) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: data, kind: file_lock}
processes:
  - name: a
    steps:
      - flock: {file: data, start: 0, len: 10}
      - flock: {file: data, start: 5, len: 10}
      - funlock: data
)"));
  ASSERT_TRUE(ls);
  const std::string path = ls->folder() + "/data";
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  ASSERT_EQ(ls->step("a"), StepResult::granted);  // overlaps its own lock: no wait
  ls->collect();
  EXPECT_TRUE(ls->of(EventKind::block, "a").empty());
  EXPECT_EQ(ls->of(EventKind::acquire, "a").size(), 2u);
  const std::vector<std::string> locks = proc_locks(path);
  ASSERT_EQ(locks.size(), 1u) << ::testing::PrintToString(locks);
  EXPECT_EQ(range_of(locks[0]), "0 14");
  EXPECT_EQ(object_in(ls->snapshot(), "data").holders, std::vector<int>{ls->index("a")});
  ASSERT_EQ(ls->step("a"), StepResult::granted);
  EXPECT_TRUE(proc_locks(path).empty());
  EXPECT_TRUE(object_in(ls->snapshot(), "data").holders.empty());
  ls->session().run(0);  // the steps left, freely
  ASSERT_TRUE(ls->wait_finished());
}

TEST(FileLock, FlockIgnoresFcntlButOfdLocksConflictWithIt) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: data, kind: file_lock}
processes:
  - name: whole
    steps: [{flock: {file: data, style: flock}}, {funlock: data}]
  - name: record
    steps: [{flock: {file: data, style: fcntl}}, {funlock: data}]
  - name: ofd
    steps: [{flock: {file: data, style: ofd, start: 0, len: 4}}, {funlock: data}]
  - name: whole2
    steps: [{flock: {file: data, style: flock, mode: shared}}, {funlock: data}]
)"));
  ASSERT_TRUE(ls);
  const std::string path = ls->folder() + "/data";
  ASSERT_EQ(ls->step("whole"), StepResult::granted);
  // flock() and fcntl() locks live in separate tables: both exclusive, both held.
  ASSERT_EQ(ls->step("record"), StepResult::granted);
  {
    const std::vector<std::string> locks = proc_locks(path);
    ASSERT_EQ(locks.size(), 2u) << ::testing::PrintToString(locks);
    EXPECT_EQ(lock_of(locks, ls->pid("whole")).rfind("FLOCK ADVISORY WRITE", 0), 0u);
    EXPECT_EQ(lock_of(locks, ls->pid("record")).rfind("POSIX ADVISORY WRITE", 0), 0u);
  }
  // An OFD lock belongs to the open file, not the process (pid -1), and it
  // does conflict with a POSIX lock: it waits, in fcntl.
  ASSERT_EQ(ls->step("ofd"), StepResult::granted);
  expect_asleep_in(*ls, "ofd", "fcntl");
  // A second flock() waits for the first, in flock.
  ASSERT_EQ(ls->step("whole2"), StepResult::granted);
  expect_asleep_in(*ls, "whole2", "flock");
  {
    const std::vector<std::string> locks = proc_locks(path);
    EXPECT_NE(lock_of(locks, ls->pid("whole2"), true), "") << ::testing::PrintToString(locks);
  }
  ASSERT_EQ(ls->step("record"), StepResult::granted);
  EXPECT_EQ(worker_in(ls->snapshot(), "ofd").state, WorkerState::at_gate);
  {
    const std::vector<std::string> locks = proc_locks(path);
    EXPECT_EQ(lock_of(locks, -1).rfind("OFDLCK ADVISORY WRITE", 0), 0u)
        << ::testing::PrintToString(locks);
    EXPECT_EQ(range_of(lock_of(locks, -1)), "0 3");
  }
  expect_asleep_in(*ls, "whole2", "flock");
  ASSERT_EQ(ls->step("whole"), StepResult::granted);
  EXPECT_EQ(worker_in(ls->snapshot(), "whole2").state, WorkerState::at_gate);
  ls->collect();
  EXPECT_EQ(ls->of(EventKind::acquire, "whole2").at(0).detail, "flock LOCK_SH");
  EXPECT_EQ(ls->of(EventKind::acquire, "ofd").at(0).detail, "fcntl F_OFD_SETLKW F_WRLCK [0, 4)");
  ls->session().run(0);  // the steps left, freely
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_TRUE(proc_locks(path).empty());
}

TEST(FileLock, TheKernelFreesAKilledHoldersLockForTheWaiter) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: data, kind: file_lock}
processes:
  - name: holder
    steps: [{flock: {file: data}}, {funlock: data}]
  - name: waiter
    steps: [{flock: {file: data}}, {funlock: data}]
)"));
  ASSERT_TRUE(ls);
  const std::string path = ls->folder() + "/data";
  const std::string tag = ls->tag(), folder = ls->folder();
  const pid_t holder = ls->pid("holder"), waiter = ls->pid("waiter");
  ASSERT_EQ(ls->step("holder"), StepResult::granted);
  ASSERT_EQ(ls->step("waiter"), StepResult::granted);
  expect_asleep_in(*ls, "waiter", "fcntl");
  ASSERT_GT(holder, 0);
  ASSERT_EQ(::kill(holder, SIGKILL), 0);
  // The kernel frees the lock as the holder dies, before the session reaps
  // it: the waiter's acquire may come before the holder's exit. Both come.
  auto seen = [](EventKind ev, const char* proc) {
    return [ev, proc](const std::vector<Event>& events) {
      for (const Event& e : events)
        if (e.ev == ev && e.proc == proc) return true;
      return false;
    };
  };
  ASSERT_TRUE(ls->wait_for(seen(EventKind::acquire, "waiter")));
  ASSERT_TRUE(ls->wait_for(seen(EventKind::exit, "holder")));
  ls->settle();
  const Snapshot snap = ls->snapshot();
  EXPECT_EQ(worker_in(snap, "holder").state, WorkerState::killed);
  EXPECT_EQ(object_in(snap, "data").holders, std::vector<int>{ls->index("waiter")});
  const std::vector<std::string> locks = proc_locks(path);
  ASSERT_EQ(locks.size(), 1u) << ::testing::PrintToString(locks);
  EXPECT_NE(lock_of(locks, waiter), "");
  ls->stop();
  EXPECT_EQ(leftovers(tag, folder, {holder, waiter}, {}), "");
  struct stat st {};
  EXPECT_NE(::stat(path.c_str(), &st), 0);  // the file went with the folder
}

}  // namespace
}  // namespace ipclab::live
