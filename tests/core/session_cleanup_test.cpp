// Nothing leaks: after a normal end, after stop() with processes blocked in
// the kernel, and after a worker is killed with SIGKILL, no worker runs and
// no shared memory, semaphore, queue, FIFO or session folder is left.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <map>
#include <thread>

#include "runtime/session_dir.hpp"
#include "test_support.hpp"

namespace ipclab::live {
namespace {

// Every kind of object the runtime creates, and processes that end up
// blocked on each of them when stepped.
const char* kEverything = R"(objects:
  - {name: p, kind: pipe}
  - {name: f, kind: fifo}
  - {name: q, kind: posix_mq, capacity: 2}
  - {name: s, kind: semaphore, initial: 0}
  - {name: m, kind: mutex, robust: true}
  - {name: mem, kind: shared_memory, cells: 4}
  - {name: sq, kind: sysv_mq}
  - {name: ring, kind: shm_ring, capacity: 2}
processes:
  - name: holder
    steps: [{lock: m}, {recv: p}, {unlock: m}]
  - name: waiter
    steps: [{lock: m}, {unlock: m}]
  - name: semw
    steps: [{wait: s}]
  - name: mqr
    steps: [{recv: q}]
  - name: fifor
    steps: [{recv: f}]
  - name: sysvr
    steps: [{recv: sq}]
  - name: feeder
    steps:
      - send: {to: p, data: x}
      - send: {to: f, data: y}
      - send: {to: q, data: z}
      - send: {to: sq, data: w}
      - send: {to: ring, data: v}
      - post: s
      - add: {to: mem, cell: 0, value: 1}
)";

struct Footprint {
  std::string tag, folder;
  std::vector<pid_t> pids;
  std::vector<std::string> queues;
  std::vector<key_t> sysv_queues;
};

Footprint footprint_of(LiveSession& ls) {
  Footprint f{ls.tag(),
              ls.folder(),
              {},
              {ipc_object_name(ls.tag(), "q")},
              {sysv_key(ipc_object_name(ls.tag(), "sq"))}};
  for (const WorkerStatus& w : ls.snapshot().workers) f.pids.push_back(w.pid);
  return f;
}

// What a live session holds, so an empty leftovers() later means something.
void expect_objects_exist(const Footprint& f) {
  const std::vector<std::string> shm = entries_with_tag("/dev/shm", f.tag);
  EXPECT_GE(shm.size(), 4u) << "control block, shared memory, semaphore, ring: " << join(shm);
  EXPECT_TRUE(mq_exists(f.queues[0]));
  EXPECT_TRUE(sysv_queue_exists(f.sysv_queues[0]));
  EXPECT_TRUE(path_exists(f.folder + "/f")) << "the FIFO";
  EXPECT_TRUE(path_exists(f.folder + "/manifest"));
  EXPECT_EQ(live_workers(f.tag).size(), f.pids.size());
}

TEST(NothingLeaks, AfterANormalEnd) {
  auto ls = LiveSession::start(scenario_text(kEverything));
  ASSERT_TRUE(ls);
  const Footprint f = footprint_of(*ls);
  expect_objects_exist(f);
  ls->session().run(0);
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_EQ(ls->of(EventKind::exit).size(), 7u);
  for (const Event& e : ls->of(EventKind::exit)) EXPECT_EQ(e.detail, "exit code 0") << e.proc;
  ls.reset();
  EXPECT_EQ(leftovers(f.tag, f.folder, f.pids, f.queues, f.sysv_queues), "");
}

TEST(NothingLeaks, AfterStopWithProcessesBlockedInTheKernel) {
  auto ls = LiveSession::start(scenario_text(kEverything));
  ASSERT_TRUE(ls);
  const Footprint f = footprint_of(*ls);
  for (const char* p : {"holder", "holder", "waiter", "semw", "mqr", "fifor", "sysvr"})
    ASSERT_EQ(ls->step(p), StepResult::granted) << p;
  const Snapshot snap = ls->snapshot();
  for (const char* p : {"holder", "waiter", "semw", "mqr", "fifor", "sysvr"}) {
    EXPECT_EQ(worker_in(snap, p).state, WorkerState::blocked) << p;
    EXPECT_EQ(worker_in(snap, p).kernel.state, 'S') << p;
  }
  expect_objects_exist(f);
  const auto t0 = Clock::now();
  ls->stop();
  EXPECT_LT(Clock::now() - t0, 5s) << "stop() must not hang on blocked processes";
  EXPECT_EQ(ls->session().mode(), RunMode::finished);
  EXPECT_EQ(leftovers(f.tag, f.folder, f.pids, f.queues, f.sysv_queues), "");
  ls->stop();  // idempotent
  ls.reset();
  EXPECT_EQ(leftovers(f.tag, f.folder, f.pids, f.queues, f.sysv_queues), "");
}

TEST(NothingLeaks, AfterAWorkerIsKilledHoldingAMutex) {
  auto ls = LiveSession::start(scenario_text(kEverything));
  ASSERT_TRUE(ls);
  const Footprint f = footprint_of(*ls);
  const pid_t holder = ls->pid("holder");
  ASSERT_EQ(ls->step("holder"), StepResult::granted);  // holds m
  ASSERT_EQ(ls->step("holder"), StepResult::granted);  // blocks in read, still holding m
  ASSERT_EQ(ls->step("waiter"), StepResult::granted);  // blocks on m
  ASSERT_EQ(worker_in(ls->snapshot(), "waiter").state, WorkerState::blocked);

  ASSERT_GT(holder, 0);
  ASSERT_EQ(::kill(holder, SIGKILL), 0);
  auto has = [](EventKind ev, const std::string& proc) {
    return [ev, proc](const std::vector<Event>& events) {
      for (const Event& e : events)
        if (e.ev == ev && e.proc == proc) return true;
      return false;
    };
  };
  ASSERT_TRUE(ls->wait_for(has(EventKind::exit, "holder")));
  const std::vector<Event> exits = ls->of(EventKind::exit, "holder");
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_EQ(exits[0].detail, "killed by SIGKILL");
  EXPECT_EQ(exits[0].pid, holder);

  // The mutex is robust: the kernel hands it to the waiter, which is told
  // the owner died.
  ASSERT_TRUE(ls->wait_for(has(EventKind::acquire, "waiter")));
  const Event got = ls->of(EventKind::acquire, "waiter").at(0);
  EXPECT_NE(got.detail.find("died"), std::string::npos) << got.detail;
  ls->settle();
  const Snapshot snap = ls->snapshot();
  const WorkerStatus& h = worker_in(snap, "holder");
  EXPECT_EQ(h.state, WorkerState::killed);
  EXPECT_EQ(h.term_signal, SIGKILL);
  EXPECT_EQ(object_in(snap, "m").owner, ls->index("waiter"));
  EXPECT_EQ(object_in(snap, "m").owner_tid_kernel, ls->pid("waiter"));
  EXPECT_EQ(ls->session().step(ls->index("holder")), StepResult::finished);

  ls->stop();
  EXPECT_EQ(leftovers(f.tag, f.folder, f.pids, f.queues, f.sysv_queues), "");
}

// stop() ends every process and says how: one exit event per process, the
// one waiting at its gate left by itself, the ones asleep in the kernel
// were terminated.
TEST(NothingLeaks, StopReportsHowEveryProcessEnded) {
  auto ls = LiveSession::start(scenario_text(kEverything));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("semw"), StepResult::granted);  // asleep in sem_wait
  ASSERT_EQ(ls->step("mqr"), StepResult::granted);   // asleep in mq_timedreceive
  ls->collect();
  ASSERT_TRUE(ls->of(EventKind::exit).empty());
  ls->stop();
  std::map<std::string, std::string> how;
  for (const Event& e : ls->of(EventKind::exit)) how[e.proc] = e.detail;
  EXPECT_EQ(how.size(), 7u);
  // At its gate it leaves by itself (unless it is too slow to, e.g. under a
  // sanitizer, and stop() terminates it after its grace period).
  EXPECT_TRUE(how["feeder"].starts_with("exit code 0, stopped by the session before action 1 of") ||
              how["feeder"] == "killed by SIGTERM")
      << how["feeder"];
  EXPECT_EQ(how["semw"], "killed by SIGTERM");
  EXPECT_EQ(how["mqr"], "killed by SIGTERM");

  // The session is gone, its last word on each process is not.
  const Snapshot after = ls->snapshot();
  ASSERT_EQ(after.workers.size(), 7u);
  EXPECT_EQ(worker_in(after, "semw").state, WorkerState::killed);
  EXPECT_EQ(worker_in(after, "semw").term_signal, SIGTERM);
  EXPECT_EQ(worker_in(after, "semw").op, 0);
  EXPECT_EQ(ls->session().ring_full_waits(), 0u);
  EXPECT_EQ(ls->session().events_dropped(), 0u);
}

// A session folder whose owner is gone is swept at the next start; a live
// one is left alone.
TEST(NothingLeaks, SweepLeavesLiveSessionsAlone) {
  auto a = LiveSession::start(scenario_text(kEverything));
  ASSERT_TRUE(a);
  const SweepReport report = sweep_dead_sessions(a->runtime_base());
  EXPECT_EQ(report.sessions_removed, 0);
  EXPECT_TRUE(path_exists(a->folder()));
  EXPECT_EQ(live_workers(a->tag()).size(), 7u);
}

// A control block whose maker died before writing its owner (size 0, or
// no magic) is swept once it is a minute old, never while it is fresh.
TEST(NothingLeaks, AHalfMadeControlBlockIsSweptOnceItIsOld) {
  const std::string old_name = "/ipclab-0badc0de-ctl", fresh_name = "/ipclab-0badc0df-ctl";
  for (const std::string& n : {old_name, fresh_name}) {
    const int fd = ::shm_open(n.c_str(), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    ASSERT_GE(fd, 0) << n << ": " << std::strerror(errno);
    if (n == old_name) {
      timespec two_minutes_ago[2];
      clock_gettime(CLOCK_REALTIME, &two_minutes_ago[0]);
      two_minutes_ago[0].tv_sec -= 120;
      two_minutes_ago[1] = two_minutes_ago[0];
      ASSERT_EQ(::futimens(fd, two_minutes_ago), 0) << std::strerror(errno);
    }
    ::close(fd);
  }
  SweepReport report;
  sweep_orphan_objects(report);
  EXPECT_FALSE(path_exists("/dev/shm" + old_name));
  EXPECT_TRUE(path_exists("/dev/shm" + fresh_name));
  ::shm_unlink(fresh_name.c_str());
  ::shm_unlink(old_name.c_str());
}

// Another IPC Lab process sweeping while a session starts (every start
// sweeps, and tests run side by side) must never take the starting session's
// objects for a dead one's: a control block is only judged once its owner
// is written in full.
TEST(NothingLeaks, SweepingWhileSessionsStartTakesNothingOfTheirs) {
  std::atomic<bool> done{false};
  std::atomic<int> sweeps{0};
  std::vector<std::string> swept;  // the sweeper's, read after join
  std::thread sweeper([&] {
    while (!done.load()) {
      SweepReport report;
      sweep_orphan_objects(report);
      swept.insert(swept.end(), report.lines.begin(), report.lines.end());
      sweeps.fetch_add(1);
    }
  });
  std::vector<std::string> tags;
  for (int i = 0; i < 25; ++i) {
    auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: q, kind: posix_mq}
processes:
  - name: a
    steps: [{send: {to: q, data: x}}]
  - name: b
    steps: [{recv: q}]
)"));
    ASSERT_TRUE(ls);
    tags.push_back(ls->tag());
    ASSERT_EQ(ls->step("b"), StepResult::granted) << "start " << i;
    ASSERT_EQ(ls->step("a"), StepResult::granted) << "start " << i;
    ASSERT_TRUE(ls->wait_finished()) << "start " << i;
  }
  done = true;
  sweeper.join();
  EXPECT_GT(sweeps.load(), 25);
  // What other tests running beside this one left behind may be swept;
  // nothing of these sessions may.
  for (const std::string& line : swept)
    for (const std::string& tag : tags)
      EXPECT_EQ(line.find("ipclab-" + tag + "-"), std::string::npos) << "swept: " << line;
}

}  // namespace
}  // namespace ipclab::live
