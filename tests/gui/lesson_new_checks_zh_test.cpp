// The lesson panel's words for the newer lesson keys, in Chinese and back in
// English: owners of several mutexes and `happened:` events (rebuilt from
// core's own sentences, passed and failed), and the problems of `run:` and
// `kill:`.
#include <QString>
#include <string>

#include "gui_fixture.h"
#include "lesson_check_text.h"
#include "runtime/plan.hpp"
#include "scenario/loader.hpp"

namespace guitest {
namespace {

constexpr const char* kScenario = R"(ipclab: 1
id: t
title: T
category: synchronization
objects:
  - {name: m1, kind: mutex}
  - {name: m2, kind: mutex}
processes:
  - {name: reader, steps: [{lock: m1}]}
  - {name: sender, steps: [{lock: m2}]}
lesson:
  - say: x
    expect:
      owner: {m1: reader, m2: null}
      happened:
        - {process: reader, signal: SIGUSR1}
        - {process: reader, call: read, errno: EINTR}
        - {process: sender, call: kill}
)";

TEST_F(GuiTest, NewLessonChecksAndProblemsAreSaidInChinese) {
  const ipclab::LoadResult r = ipclab::load_scenario_text(kScenario, "t.yaml");
  ASSERT_TRUE(r.ok()) << (r.errors.empty() ? "" : r.errors[0].to_string());
  const ipclab::Scenario& sc = *r.scenario;
  const ipclab::Expect& x = *sc.lesson[0].expect;
  ipclab::Snapshot snap;
  for (const ipclab::WorkerIdentity& w : ipclab::enumerate_workers(sc)) {
    ipclab::WorkerStatus st;
    st.id = w;
    snap.workers.push_back(st);
  }
  snap.objects.resize(sc.objects.size());
  snap.objects[0].owner = 0;  // m1 held by reader
  snap.objects[1].owner = 0;  // m2 held by reader too: its check fails
  // Core's verdicts, in its order: owners, then the events.
  ipclab::ExpectOutcome o;
  o.passed = {"m1 is held by reader", ipclab::event_sentence(x.events[0], "reader", true),
              ipclab::event_sentence(x.events[1], "reader", true)};
  o.failed = {"expected m2 free, but it is held by reader",
              ipclab::event_sentence(x.events[2], "sender", false)};
  ASSERT_EQ(o.passed[1], "reader got SIGUSR1");
  ASSERT_EQ(o.passed[2], "reader's read() failed with EINTR");
  ASSERT_EQ(o.failed[1], "expected sender to call kill(), but it has not");

  window_->setLanguage(QStringLiteral("zh_CN"));
  const auto lines = LessonCheckText::rebuild(x, o, snap, sc);
  ASSERT_TRUE(lines.has_value()) << "core's sentences were not recognised";
  ASSERT_EQ(lines->size(), 5u);
  EXPECT_EQ((*lines)[1].text, QStringLiteral("reader 收到了 SIGUSR1"));
  EXPECT_EQ((*lines)[2].text, QStringLiteral("reader 的 read() 以 EINTR 失败"));
  EXPECT_FALSE((*lines)[4].passed);
  EXPECT_EQ((*lines)[4].text, QStringLiteral("预期 sender 调用 kill()，但它没有调用"));

  ipclab::StepProblem killed;
  killed.kind = ipclab::StepProblem::Kind::not_killed;
  killed.process = "crasher";
  killed.kill_result = ipclab::KillResult::finished;
  EXPECT_EQ(LessonCheckText::problem(killed), QStringLiteral("无法杀死 crasher：它已经结束"));
  ipclab::StepProblem run;
  run.kind = ipclab::StepProblem::Kind::run_too_long;
  run.process = "writer";
  run.limit = ipclab::kRunMaxActions;
  EXPECT_EQ(LessonCheckText::problem(run),
            QStringLiteral("writer 在 1000 个动作之内既没有阻塞也没有结束"));

  // Back in English: core's sentences exactly.
  window_->setLanguage(QStringLiteral("en"));
  const auto en = LessonCheckText::rebuild(x, o, snap, sc);
  ASSERT_TRUE(en.has_value());
  EXPECT_EQ((*en)[2].text.toStdString(), o.passed[2]);
  EXPECT_EQ((*en)[4].text.toStdString(), o.failed[1]);
  EXPECT_EQ(LessonCheckText::problem(run).toStdString(),
            "writer did not block or finish within 1000 actions");
  killed.sentence = "could not kill crasher: " + std::string(ipclab::describe(killed.kill_result));
  EXPECT_EQ(LessonCheckText::problem(killed).toStdString(), killed.sentence);
}

}  // namespace
}  // namespace guitest
