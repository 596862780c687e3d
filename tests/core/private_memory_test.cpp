// Memory a process has on its own (`private: true`): a write in one process
// is invisible in the other, and what the snapshot says each copy holds is
// what is in that process's memory, read again here through /proc/PID/mem,
// in a private anonymous mapping of that process.
#include <fcntl.h>
#include <unistd.h>

#include <cinttypes>
#include <cstdio>

#include "runtime/lesson_check.hpp"
#include "scenario/loader.hpp"
#include "test_support.hpp"

namespace ipclab::live {
namespace {

constexpr std::string_view kTwoCopies = R"(objects:
  - {name: x, kind: shared_memory, private: true, cells: 2}
  - {name: wire, kind: pipe}
processes:
  - name: writer
    steps:
      - write: {to: x, cell: 1, value: 42}
      - send: {to: wire, data: "42"}
      - print: done
  - name: reader
    steps:
      - read: {from: x, cell: 1}
      - recv: wire
      - write: {to: x, cell: 1, value: 42}
      - print: done
)";

const ObjectStatus::OwnCopy& copy_of(const ObjectStatus& o, int worker) {
  for (const ObjectStatus::OwnCopy& c : o.private_cells)
    if (c.worker == worker) return c;
  static const ObjectStatus::OwnCopy none;
  ADD_FAILURE() << "no copy of " << o.spec->name << " for worker " << worker;
  return none;
}

// The two cells at `address` in process `pid`, through /proc/PID/mem (not
// process_vm_readv, which the session uses).
std::vector<int64_t> proc_mem(pid_t pid, uint64_t address) {
  const int fd = ::open(("/proc/" + std::to_string(pid) + "/mem").c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  std::vector<int64_t> out(2);
  const ssize_t n = ::pread(fd, out.data(), 16, static_cast<off_t>(address));
  ::close(fd);
  return n == 16 ? out : std::vector<int64_t>{};
}

// The /proc/PID/maps line of the mapping that holds `address`.
std::string mapping_of(pid_t pid, uint64_t address) {
  const std::string maps = read_text("/proc/" + std::to_string(pid) + "/maps");
  size_t at = 0;
  while (at < maps.size()) {
    const size_t end = maps.find('\n', at);
    const std::string line = maps.substr(at, end - at);
    uint64_t lo = 0, hi = 0;
    if (std::sscanf(line.c_str(), "%" SCNx64 "-%" SCNx64, &lo, &hi) == 2 && address >= lo &&
        address < hi)
      return line;
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return {};
}

TEST(PrivateMemory, AWriteInOneProcessIsInvisibleInTheOther) {
  auto ls = LiveSession::start(scenario_text(kTwoCopies));
  ASSERT_TRUE(ls);
  const int writer = ls->index("writer"), reader = ls->index("reader");
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ls->collect();
  const std::vector<Event> reads = ls->of(EventKind::value, "reader");
  ASSERT_EQ(reads.size(), 1u);
  EXPECT_EQ(reads[0].value, 0) << "reader read its own x[1], which nobody wrote";

  const Snapshot s = ls->snapshot();
  const ObjectStatus& x = object_in(s, "x");
  EXPECT_TRUE(x.cells.empty()) << "nothing shared to map";
  ASSERT_EQ(x.private_cells.size(), 2u);
  const ObjectStatus::OwnCopy& w = copy_of(x, writer);
  const ObjectStatus::OwnCopy& r = copy_of(x, reader);
  EXPECT_EQ(w.cells, (std::vector<int64_t>{0, 42}));
  EXPECT_EQ(r.cells, (std::vector<int64_t>{0, 0}));
  // The same bytes through another door of the kernel, in a private
  // anonymous mapping of each process (no file: "rw-p", no path).
  for (const auto* c : {&w, &r}) {
    const pid_t pid = ls->pid(c == &w ? "writer" : "reader");
    EXPECT_EQ(proc_mem(pid, c->address), c->cells) << "pid " << pid;
    const std::string line = mapping_of(pid, c->address);
    EXPECT_NE(line.find(" rw-p "), std::string::npos) << line;
    EXPECT_EQ(line.find('/'), std::string::npos) << "anonymous, not a file: " << line;
  }
  EXPECT_NE(w.address, 0u);
  // No value to compare for a private object: each process has its own.
  EXPECT_FALSE(value_of(x).has_value());
}

TEST(PrivateMemory, SentAndStoredBothCopiesHoldIt) {
  auto ls = LiveSession::start(scenario_text(kTwoCopies));
  ASSERT_TRUE(ls);
  for (const char* who : {"writer", "reader", "writer", "reader", "reader"})
    ASSERT_EQ(ls->step(who), StepResult::granted) << who;
  const LoadResult loaded = load_scenario_text(
      scenario_text(std::string(kTwoCopies) +
                    "lesson:\n  - say: x\n    expect: {memory: {writer: {x: [0, 42]}, "
                    "reader: {x: [0, 42]}}}\n"),
      "t.yaml");
  ASSERT_TRUE(loaded.ok());
  const ExpectOutcome ok = check_expect(ls->session(), *loaded.scenario->lesson[0].expect);
  EXPECT_TRUE(ok.ok()) << (ok.failed.empty() ? "" : ok.failed[0]);
  ASSERT_EQ(ok.passed.size(), 2u);
  EXPECT_EQ(ok.passed[0], "writer's x is [0, 42]");

  Expect wrong;
  wrong.memory.push_back({"reader", "x", {0, 7}});
  const ExpectOutcome bad = check_expect(ls->session(), wrong);
  ASSERT_EQ(bad.failed.size(), 1u);
  EXPECT_EQ(bad.failed[0], "expected reader's x to be [0, 7], but it is [0, 42]");

  // Once a process has ended, its memory is gone, and the check says so.
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  ASSERT_TRUE(wait_until(
      [&] { return worker_in(ls->snapshot(), "writer").state == WorkerState::exited; }, kDeadline));
  const ObjectStatus::OwnCopy gone = copy_of(object_in(ls->snapshot(), "x"), ls->index("writer"));
  EXPECT_TRUE(gone.cells.empty());
  EXPECT_EQ(gone.err, ESRCH);
  Expect after;
  after.memory.push_back({"writer", "x", {0, 42}});
  const ExpectOutcome ended = check_expect(ls->session(), after);
  ASSERT_EQ(ended.failed.size(), 1u);
  EXPECT_EQ(ended.failed[0],
            "expected writer's x to be [0, 42], but writer has ended: its memory is gone");
}

}  // namespace
}  // namespace ipclab::live
