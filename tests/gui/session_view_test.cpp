// The window over real sessions: every bundled lesson stepped to its end with
// the tables checked against Session::snapshot, a blocked process, a broken
// lesson file reported in place, free running through the notifier, reset.
#include <QDockWidget>
#include <QFile>
#include <QTableView>
#include <QTemporaryDir>
#include <chrono>

#include "event_log_model.h"
#include "event_log_panel.h"
#include "gui_fixture.h"
#include "lesson_catalog.h"
#include "message_bar.h"
#include "problems_panel.h"
#include "process_table_model.h"
#include "scenario/loader.hpp"
#include "session_controller.h"
#include "session_status.h"

namespace guitest {
namespace {

using namespace std::chrono_literals;

TEST_F(GuiTest, EveryBundledLessonStepsToItsEndWithTablesMatchingTheCore) {
  ASSERT_FALSE(LessonCatalog::lessons().empty());
  for (const LessonInfo& lesson : LessonCatalog::lessons()) {
    const std::string id = lesson.id.toStdString();
    ipclab::Session* session = open(lesson.id);
    ASSERT_NE(session, nullptr) << id;
    controller()->deliverNow();
    expectTablesMatch(session->snapshot(), id + " at start");
    int steps = 0;
    for (; steps < 500; ++steps) {
      const ipclab::Snapshot before = session->snapshot();
      if (allGone(before) || before.deadlock || !anyAtGate(before)) break;
      controller()->stepAll();
      ASSERT_TRUE(session->wait_settled(10s)) << id << " step " << steps;
      controller()->deliverNow();
      expectTablesMatch(session->snapshot(), id + " after step " + std::to_string(steps + 1));
    }
    EXPECT_LT(steps, 500) << id << " never ended";
    EXPECT_GT(window_->eventLog()->model()->keptCount(), 0) << id;  // its tab may be behind
    const ipclab::Snapshot end = session->snapshot();
    if (allGone(end)) {
      ASSERT_TRUE(pumpUntil([&] {
        return window_->sessionStatus()->state() == SessionStatus::State::Finished;
      })) << id;
    }
  }
}

TEST_F(GuiTest, BlockedProcessShowsBlockedAndTheSemaphoreCount) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  const int consumer = session->worker_index("consumer");
  ASSERT_GE(consumer, 0);
  window_->processView()->selectRow(consumer);
  controller()->step(consumer);  // wait(full) with full = 0: blocks
  ASSERT_TRUE(session->wait_settled(10s));
  controller()->deliverNow();
  const ipclab::Snapshot snap = session->snapshot();
  ASSERT_EQ(snap.workers[static_cast<size_t>(consumer)].state, ipclab::WorkerState::blocked);
  EXPECT_EQ(processCell(consumer, ProcessTableModel::State).toString(),
            QStringLiteral("blocked on full"));
  EXPECT_EQ(processCell(consumer, ProcessTableModel::KernelState).toString().left(1),
            QStringLiteral("S"));
  expectTablesMatch(snap, "consumer blocked");
  // Stepping it again is refused in words, and the window says so.
  controller()->step(consumer);
  EXPECT_TRUE(window_->messageBar()->text().contains(QLatin1String("blocked")));
}

TEST_F(GuiTest, BrokenLessonFileShowsLineAndColumnAndTheWindowStaysUsable) {
  ipclab::Session* running = open(QStringLiteral("pipe-basics"));
  ASSERT_NE(running, nullptr);
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString path = dir.filePath(QStringLiteral("broken.yaml"));
  QFile file(path);
  ASSERT_TRUE(file.open(QIODevice::WriteOnly));
  file.write(
      "ipclab: 1\n"
      "id: broken\n"
      "title: {en: Broken, zh: Broken}\n"
      "category: message-passing\n"
      "objects:\n"
      "  - {name: p, kind: pipe}\n"
      "processes:\n"
      "  - name: w\n"
      "    steps:\n"
      "      - sned: {to: p, data: x}\n");
  file.close();
  const ipclab::LoadResult expected = ipclab::load_scenario_file(path.toStdString());
  ASSERT_FALSE(expected.ok());
  const ipclab::Diagnostic& first = expected.errors.front();
  ASSERT_GT(first.pos.line, 0);

  EXPECT_FALSE(window_->openScenario(path));
  const QString shown = window_->messageBar()->text();
  const QString lineCol =
      QStringLiteral("broken.yaml:%1:%2:").arg(first.pos.line).arg(first.pos.col);
  EXPECT_TRUE(shown.contains(lineCol)) << shown.toStdString();
  EXPECT_TRUE(shown.contains(QString::fromStdString(first.message))) << shown.toStdString();
  EXPECT_EQ(window_->messageBar()->level(), MessageBar::Level::Error);
  EXPECT_EQ(window_->problems()->count(), static_cast<int>(expected.errors.size()));
  shoot("broken-file");
  // Nothing changed: the running lesson still runs.
  EXPECT_EQ(controller()->session(), running);
  EXPECT_EQ(controller()->scenario()->id, "pipe-basics");

  // And another lesson opens fine afterwards.
  ipclab::Session* next = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(window_->problems()->count(), 0);
  EXPECT_TRUE(window_->messageBar()->text().isEmpty());
  controller()->stepAll();
  ASSERT_TRUE(next->wait_settled(10s));
  controller()->deliverNow();
  expectTablesMatch(next->snapshot(), "after the broken file");
}

TEST_F(GuiTest, RunningFreelyDeliversEventsThroughTheNotifierUntilFinished) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  int batches = 0;
  size_t events = 0;
  QObject::connect(controller(), &SessionController::eventsAvailable, window_.get(),
                   [&](const std::vector<ipclab::Event>& batch) {
                     ++batches;
                     events += batch.size();
                   });
  controller()->run(0);
  ASSERT_TRUE(pumpUntil([&] {
    return window_->sessionStatus()->state() == SessionStatus::State::Finished;
  })) << window_->sessionStatus()->text().toStdString();
  EXPECT_GT(batches, 0);
  EXPECT_GT(events, 0u);
  EXPECT_GE(static_cast<int>(events), batches);  // batched, never empty
  const ipclab::Snapshot snap = session->snapshot();
  ASSERT_TRUE(allGone(snap));
  expectTablesMatch(snap, "after running freely");
  // The log holds every exit: shown in its tab, it lists them.
  int exits = 0;
  const EventLogModel* log = window_->eventLog()->model();
  window_->findChild<QDockWidget*>(QStringLiteral("eventLogDock"))->raise();
  QCoreApplication::processEvents();
  ASSERT_TRUE(log->isLive());
  ASSERT_EQ(log->rowCount(), log->keptCount());
  for (int r = 0; r < log->rowCount(); ++r)
    if (log->kind(r) == ipclab::EventKind::exit) ++exits;
  EXPECT_EQ(exits, static_cast<int>(snap.workers.size()));
}

TEST_F(GuiTest, ResetStartsTheSameLessonWithNewProcesses) {
  ipclab::Session* first = open(QStringLiteral("pipe-basics"));
  ASSERT_NE(first, nullptr);
  controller()->stepAll();
  ASSERT_TRUE(first->wait_settled(10s));
  controller()->deliverNow();
  const std::vector<pid_t> oldPids = tracesOf(*first).pids;
  traces_.push_back(tracesOf(*first));
  controller()->reset();
  controller()->waitUntilIdle();
  ipclab::Session* second = controller()->session();
  ASSERT_NE(second, nullptr);
  EXPECT_EQ(second->scenario().id, "pipe-basics");
  controller()->deliverNow();
  for (size_t i = 0; i < oldPids.size(); ++i)
    EXPECT_NE(processCell(static_cast<int>(i), ProcessTableModel::Pid).toInt(), oldPids[i]);
  expectTablesMatch(second->snapshot(), "after reset");
}

}  // namespace
}  // namespace guitest
