// Kill (SIGKILL) in the window: the process table's menu and the Session
// menu kill the selected process through the controller (the window never
// signals a process itself), the table then says it was killed, and the
// action is disabled for a process that has finished.
#include <signal.h>

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QMenu>
#include <QTableView>
#include <cerrno>
#include <chrono>

#include "diagram/diagram_scene.h"
#include "diagram/diagram_view.h"
#include "diagram/process_node.h"
#include "gui_fixture.h"
#include "process_table_model.h"
#include "session_controller.h"

namespace guitest {
namespace {

using namespace std::chrono_literals;

QAction* killAction(QTableView* view) {
  for (QAction* a : view->actions())
    if (a->text() == QStringLiteral("&Kill (SIGKILL)")) return a;
  return nullptr;
}

TEST_F(GuiTest, KillFromTheProcessTableKillsTheSelectedProcessAndIsThenDisabled) {
  ipclab::Session* session = open(QStringLiteral("robust-mutex-owner-died"));
  ASSERT_NE(session, nullptr);
  QTableView* view = window_->processView();
  EXPECT_EQ(view->contextMenuPolicy(), Qt::ActionsContextMenu);
  QAction* kill = killAction(view);
  ASSERT_NE(kill, nullptr) << "no Kill (SIGKILL) in the process table's menu";

  const int crasher = session->worker_index("crasher");
  const int survivor = session->worker_index("survivor");
  ASSERT_EQ(session->step(crasher), ipclab::StepResult::granted);   // lock: lock
  ASSERT_EQ(session->step(survivor), ipclab::StepResult::granted);  // waits for it
  ASSERT_TRUE(session->wait_settled(10s));
  controller()->deliverNow();
  view->selectRow(crasher);
  QCoreApplication::processEvents();
  ASSERT_TRUE(kill->isEnabled());
  const pid_t pid = session->snapshot().workers[static_cast<size_t>(crasher)].pid;

  kill->trigger();
  ASSERT_TRUE(pumpUntil([&] {
    return processCell(crasher, ProcessTableModel::State, ProcessTableModel::StateRole).toInt() ==
           static_cast<int>(ipclab::WorkerState::killed);
  })) << "the table never said the process was killed";
  // Killed and reaped: not even a zombie is left (kill(pid, 0) would find one).
  errno = 0;
  EXPECT_NE(::kill(pid, 0), 0);
  EXPECT_EQ(errno, ESRCH);
  const ipclab::Snapshot snap = session->snapshot();
  EXPECT_EQ(snap.workers[static_cast<size_t>(crasher)].term_signal, SIGKILL);
  // The kernel handed the robust mutex to the waiter (EOWNERDEAD).
  ASSERT_TRUE(session->wait_settled(10s));
  EXPECT_EQ(session->snapshot().workers[static_cast<size_t>(survivor)].state,
            ipclab::WorkerState::at_gate);
  expectTablesMatch(session->snapshot(), "after the kill");
  // Finished now: the action is off for it, on for a live one.
  QCoreApplication::processEvents();
  EXPECT_FALSE(kill->isEnabled());
  view->selectRow(survivor);
  QCoreApplication::processEvents();
  EXPECT_TRUE(kill->isEnabled());
}

TEST_F(GuiTest, ADiagramNodesMenuOffersStepAndKillForItsProcess) {
  ipclab::Session* session = open(QStringLiteral("sysv-sem-undo"));
  ASSERT_NE(session, nullptr);
  controller()->deliverNow();
  QCoreApplication::processEvents();
  DiagramView* diagram = window_->diagram();
  const int next = session->worker_index("next");
  const ProcessNode* node = diagram->diagram()->processNode(next);
  ASSERT_NE(node, nullptr);
  const QPoint at = diagram->mapFromScene(node->sceneBoundingRect().center());
  ASSERT_EQ(diagram->processAt(at), next);
  EXPECT_EQ(diagram->processAt(QPoint(-50, -50)), -1);

  emit diagram->customContextMenuRequested(at);
  QMenu* menu = nullptr;
  ASSERT_TRUE(pumpUntil([&] {
    for (QWidget* w : QApplication::topLevelWidgets())
      if (auto* m = qobject_cast<QMenu*>(w); m && m->objectName() == QLatin1String("processMenu"))
        menu = m;
    return menu != nullptr && menu->isVisible();
  }));
  EXPECT_EQ(window_->processView()->currentIndex().row(), next) << "the node's process is selected";
  QAction* kill = nullptr;
  for (QAction* a : menu->actions())
    if (a->text() == QStringLiteral("&Kill (SIGKILL)")) kill = a;
  ASSERT_NE(kill, nullptr);
  ASSERT_TRUE(kill->isEnabled());
  menu->close();
  kill->trigger();
  ASSERT_TRUE(pumpUntil([&] {
    return processCell(next, ProcessTableModel::State, ProcessTableModel::StateRole).toInt() ==
           static_cast<int>(ipclab::WorkerState::killed);
  }));
  EXPECT_EQ(session->snapshot().workers[static_cast<size_t>(next)].term_signal, SIGKILL);
}

}  // namespace
}  // namespace guitest
