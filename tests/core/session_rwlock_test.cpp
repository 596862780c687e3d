// Read-write locks with real processes: readers share, a writer excludes,
// and who goes next when a writer and a reader both wait depends on the
// lock's preference. The kernel confirms each wait (asleep in futex), and
// glibc's lock word in the shared block agrees with the events.
#include <gtest/gtest.h>
#include <signal.h>

#include "scenario/loader.hpp"
#include "scenario_test_util.hpp"
#include "test_support.hpp"

namespace ipclab::live {
namespace {

TEST(RwLock, ReadersShareAndAWriterExcludesEveryone) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: rw, kind: rwlock}
processes:
  - name: reader
    count: 2
    steps: [{rdlock: rw}, {unlock: rw}]
  - name: writer
    steps: [{wrlock: rw}, {unlock: rw}, {rdlock: rw}, {unlock: rw}]
)"));
  ASSERT_TRUE(ls);
  const int r1 = ls->index("reader#1"), r2 = ls->index("reader#2"), w = ls->index("writer");
  EXPECT_NE(object_in(ls->snapshot(), "rw").kernel_note.find("free"), std::string::npos);
  ASSERT_EQ(ls->step("reader#1"), StepResult::granted);
  ASSERT_EQ(ls->step("reader#2"), StepResult::granted);
  {
    // Both inside at once: neither blocked.
    const Snapshot snap = ls->snapshot();
    const ObjectStatus& rw = object_in(snap, "rw");
    EXPECT_EQ(rw.model_fill, 2);
    EXPECT_TRUE(holds(rw, r1) && holds(rw, r2));
    EXPECT_NE(rw.kernel_note.find("read phase: 2 readers inside"), std::string::npos)
        << rw.kernel_note;
    ls->collect();
    EXPECT_TRUE(ls->of(EventKind::block).empty());
    EXPECT_EQ(ls->of(EventKind::acquire).size(), 2u);
  }
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  expect_asleep_in(*ls, "writer", "futex");
  {
    const ObjectStatus rw = object_in(ls->snapshot(), "rw");
    EXPECT_EQ(rw.waiters, std::vector<int>{w});
    EXPECT_NE(rw.kernel_note.find("a writer waits for the readers to leave"), std::string::npos)
        << rw.kernel_note;
  }
  ASSERT_EQ(ls->step("reader#1"), StepResult::granted);  // one reader leaves: still one inside
  expect_asleep_in(*ls, "writer", "futex");
  ASSERT_EQ(ls->step("reader#2"), StepResult::granted);  // the last leaves: the writer gets it
  {
    const Snapshot snap = ls->snapshot();
    const ObjectStatus& rw = object_in(snap, "rw");
    EXPECT_EQ(worker_in(snap, "writer").state, WorkerState::at_gate);
    EXPECT_EQ(rw.holders, std::vector<int>{w});
    EXPECT_NE(
        rw.kernel_note.find("held by the writer (thread " + std::to_string(ls->pid("writer"))),
        std::string::npos)
        << rw.kernel_note;
  }
  ls->collect();
  const std::vector<Event> releases = ls->of(EventKind::release);
  const std::vector<Event> acquires = ls->of(EventKind::acquire, "writer");
  ASSERT_EQ(acquires.size(), 1u);
  ASSERT_EQ(releases.size(), 2u);
  // The last reader's release comes before the writer's acquire it allowed.
  EXPECT_LT(releases.back().t_ns, acquires[0].t_ns);
  EXPECT_EQ(acquires[0].detail, "pthread_rwlock_wrlock");
  ls->session().run(0);  // the steps left, freely
  ASSERT_TRUE(ls->wait_finished());
  EXPECT_TRUE(object_in(ls->snapshot(), "rw").holders.empty());
}

// Three processes: `first` reads, `writer` then waits for it, and `late`
// arrives to read while the writer waits.
constexpr std::string_view kPreference = R"(objects:
  - {name: rw, kind: rwlock, prefer: PREFER}
processes:
  - name: first
    steps: [{rdlock: rw}, {unlock: rw}]
  - name: writer
    steps: [{wrlock: rw}, {unlock: rw}]
  - name: late
    steps: [{rdlock: rw}, {unlock: rw}]
)";

std::string with_preference(const std::string& prefer) {
  std::string text(kPreference);
  text.replace(text.find("PREFER"), 6, prefer);
  return scenario_text(text);
}

TEST(RwLock, ReaderPreferenceLetsANewReaderPassAWaitingWriter) {
  auto ls = LiveSession::start(with_preference("readers"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("first"), StepResult::granted);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  expect_asleep_in(*ls, "writer", "futex");
  ASSERT_EQ(ls->step("late"), StepResult::granted);
  {
    // `late` went in past the waiting writer: readers overlap, the writer starves.
    const Snapshot snap = ls->snapshot();
    EXPECT_EQ(worker_in(snap, "late").state, WorkerState::at_gate);
    EXPECT_EQ(object_in(snap, "rw").model_fill, 2);
    EXPECT_NE(object_in(snap, "rw").kernel_note.find("2 readers inside"), std::string::npos);
  }
  expect_asleep_in(*ls, "writer", "futex");
  ASSERT_EQ(ls->step("first"), StepResult::granted);
  expect_asleep_in(*ls, "writer", "futex");  // `late` still reads
  ASSERT_EQ(ls->step("late"), StepResult::granted);
  EXPECT_EQ(worker_in(ls->snapshot(), "writer").state, WorkerState::at_gate);
  ls->collect();
  ASSERT_EQ(ls->of(EventKind::acquire, "late").size(), 1u);
  ASSERT_EQ(ls->of(EventKind::acquire, "writer").size(), 1u);
  EXPECT_LT(ls->of(EventKind::acquire, "late")[0].t_ns,
            ls->of(EventKind::acquire, "writer")[0].t_ns);
  EXPECT_TRUE(ls->of(EventKind::block, "late").empty());
  ls->session().run(0);  // the steps left, freely
  ASSERT_TRUE(ls->wait_finished());
}

TEST(RwLock, WriterPreferenceQueuesANewReaderBehindTheWaitingWriter) {
  auto ls = LiveSession::start(with_preference("writers"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("first"), StepResult::granted);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  expect_asleep_in(*ls, "writer", "futex");
  ASSERT_EQ(ls->step("late"), StepResult::granted);
  expect_asleep_in(*ls, "late", "futex");  // behind the writer, though only a reader is inside
  {
    const ObjectStatus rw = object_in(ls->snapshot(), "rw");
    EXPECT_EQ(rw.model_fill, 1);
    EXPECT_EQ(rw.waiters, (std::vector<int>{ls->index("writer"), ls->index("late")}));
    EXPECT_NE(rw.kernel_note.find("new readers wait behind it"), std::string::npos)
        << rw.kernel_note;
  }
  ASSERT_EQ(ls->step("first"), StepResult::granted);  // the writer goes first
  {
    const Snapshot snap = ls->snapshot();
    EXPECT_EQ(worker_in(snap, "writer").state, WorkerState::at_gate);
    EXPECT_EQ(object_in(snap, "rw").holders, std::vector<int>{ls->index("writer")});
  }
  expect_asleep_in(*ls, "late", "futex");
  ASSERT_EQ(ls->step("writer"), StepResult::granted);  // then the reader
  EXPECT_EQ(worker_in(ls->snapshot(), "late").state, WorkerState::at_gate);
  ls->collect();
  ASSERT_EQ(ls->of(EventKind::acquire, "late").size(), 1u);
  ASSERT_EQ(ls->of(EventKind::acquire, "writer").size(), 1u);
  EXPECT_LT(ls->of(EventKind::acquire, "writer")[0].t_ns,
            ls->of(EventKind::acquire, "late")[0].t_ns);
  ls->session().run(0);  // the steps left, freely
  ASSERT_TRUE(ls->wait_finished());
}

TEST(RwLock, UnlockWithoutHoldingIsRefusedAndLeavesTheLockAlone) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: rw, kind: rwlock}
processes:
  - name: owner
    steps: [{rdlock: rw}, {unlock: rw}]
  - name: stranger
    steps: [{unlock: rw}]
)"));
  ASSERT_TRUE(ls);
  ASSERT_EQ(ls->step("owner"), StepResult::granted);
  ASSERT_EQ(ls->step("stranger"), StepResult::granted);
  ls->collect();
  const std::vector<Event> errors = ls->of(EventKind::error, "stranger");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].detail.find("EPERM"), std::string::npos) << errors[0].detail;
  EXPECT_TRUE(ls->of(EventKind::release, "stranger").empty());
  EXPECT_NE(object_in(ls->snapshot(), "rw").kernel_note.find("1 reader inside"), std::string::npos);
  ls->session().run(0);  // the steps left, freely
  ASSERT_TRUE(ls->wait_finished());
}

// glibc's rwlock is not robust: a reader killed inside leaves its count in
// the lock word, and the writer waits on, as it would in C. The session
// still ends everything and leaves nothing behind.
TEST(RwLock, AKilledReaderStaysCountedAndNothingLeaks) {
  auto ls = LiveSession::start(scenario_text(R"(objects:
  - {name: rw, kind: rwlock}
processes:
  - name: reader
    steps: [{rdlock: rw}, {unlock: rw}]
  - name: writer
    steps: [{wrlock: rw}, {unlock: rw}]
)"));
  ASSERT_TRUE(ls);
  const std::string tag = ls->tag(), folder = ls->folder();
  const pid_t reader = ls->pid("reader"), writer = ls->pid("writer");
  ASSERT_EQ(ls->step("reader"), StepResult::granted);
  ASSERT_EQ(ls->step("writer"), StepResult::granted);
  expect_asleep_in(*ls, "writer", "futex");
  ASSERT_GT(reader, 0);
  ASSERT_EQ(::kill(reader, SIGKILL), 0);
  ASSERT_TRUE(ls->wait_for([](const std::vector<Event>& events) {
    for (const Event& e : events)
      if (e.ev == EventKind::exit && e.proc == "reader") return true;
    return false;
  }));
  ls->settle();
  expect_asleep_in(*ls, "writer", "futex");
  const ObjectStatus rw = object_in(ls->snapshot(), "rw");
  EXPECT_NE(rw.kernel_note.find("1 reader inside"), std::string::npos) << rw.kernel_note;
  EXPECT_EQ(rw.holders, std::vector<int>{ls->index("reader")});
  ls->stop();
  EXPECT_EQ(leftovers(tag, folder, {reader, writer}, {}), "");
}

TEST(RwLock, PreferMustBeReadersOrWriters) {
  LoadResult r = test::load(
      "objects:\n"
      "  - {name: rw, kind: rwlock, prefer: writer}\n"
      "processes: [{name: p, steps: [{rdlock: rw}]}]\n");
  EXPECT_TRUE(test::HasError(r, 6, 38,
                             "'prefer' must be readers or writers, not 'writer' (did you mean "
                             "'writers'?)"));
  LoadResult ok = test::load(
      "objects:\n"
      "  - {name: rw, kind: rwlock, prefer: writers}\n"
      "processes: [{name: p, steps: [{rdlock: rw}]}]\n");
  ASSERT_TRUE(ok.scenario);
  EXPECT_TRUE(ok.scenario->objects[0].prefer_writers);
}

}  // namespace
}  // namespace ipclab::live
