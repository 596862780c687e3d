// The window itself: presentation mode, keyboard shortcuts, switching the
// language while it runs, remembered settings, a start that fails.
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QTest>
#include <chrono>

#include "diagram/diagram_paint.h"
#include "diagram/diagram_view.h"
#include "event_log_model.h"
#include "event_log_panel.h"
#include "gui_fixture.h"
#include "message_bar.h"
#include "panels/panel_docks.h"
#include "process_table_model.h"
#include "scenario/catalog.hpp"
#include "session_controller.h"
#include "session_status.h"

namespace guitest {
namespace {

using namespace std::chrono_literals;

TEST_F(GuiTest, PresentationModeEnlargesTextRowsAndTheDiagram) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  controller()->deliverNow();
  QCoreApplication::processEvents();
  const qreal normalSize = window_->processView()->font().pointSizeF();
  const int normalRow = window_->processView()->rowHeight(0);
  // The diagram's text as tall as it appears on screen: its line height
  // times the view's scale.
  auto diagramLine = [this] { return DiagramPaint::lineHeight() * window_->diagram()->zoom(); };
  const qreal normalLine = diagramLine();
  QDockWidget* code = window_->panels()->codeDock();
  ASSERT_TRUE(code->isVisible());
  window_->setPresentationMode(true);
  QCoreApplication::processEvents();
  EXPECT_GT(window_->processView()->font().pointSizeF(), normalSize * 1.3);
  EXPECT_GT(window_->processView()->rowHeight(0), normalRow);
  EXPECT_GT(diagramLine(), normalLine * 1.15) << "the diagram did not grow";
  EXPECT_TRUE(window_->panels()->lessonDock()->isVisible());
  EXPECT_FALSE(code->isVisible());  // its room went to the diagram
  shoot("presentation");
  window_->setPresentationMode(false);
  QCoreApplication::processEvents();
  EXPECT_EQ(window_->processView()->font().pointSizeF(), normalSize);
  EXPECT_TRUE(code->isVisible());  // every panel back where it was
  EXPECT_NEAR(diagramLine(), normalLine, normalLine * 0.02);
}

TEST_F(GuiTest, KeyboardStepsTheSelectedProcessAndAll) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  window_->activateWindow();
  ASSERT_TRUE(QTest::qWaitForWindowActive(window_.get()));
  const int producer = session->worker_index("producer");
  const int consumer = session->worker_index("consumer");
  QTableView* view = window_->processView();
  view->setFocus();
  view->selectRow(consumer);
  QTest::keyClick(view, Qt::Key_Space);  // step the selected process: wait(full) blocks
  ASSERT_TRUE(session->wait_settled(10s));
  controller()->deliverNow();
  ipclab::Snapshot snap = session->snapshot();
  EXPECT_EQ(snap.workers[static_cast<size_t>(consumer)].state, ipclab::WorkerState::blocked);
  EXPECT_EQ(snap.workers[static_cast<size_t>(producer)].steps, 0u);
  EXPECT_TRUE(processCell(consumer, ProcessTableModel::State)
                  .toString()
                  .startsWith(QLatin1String("blocked")));

  QTest::keyClick(window_.get(), Qt::Key_S);  // step all: only the producer can
  ASSERT_TRUE(session->wait_settled(10s));
  controller()->deliverNow();
  snap = session->snapshot();
  EXPECT_EQ(snap.workers[static_cast<size_t>(producer)].steps, 1u);
  EXPECT_EQ(snap.workers[static_cast<size_t>(consumer)].state, ipclab::WorkerState::blocked);
  expectTablesMatch(snap, "after the keys");

  // The filter box keeps its keys: typing there steps nothing.
  auto* filter = window_->findChild<QLineEdit*>(QStringLiteral("eventFilter"));
  ASSERT_NE(filter, nullptr);
  filter->setFocus();
  QTest::keyClicks(filter, QStringLiteral("consumer block"));
  EXPECT_EQ(filter->text(), QStringLiteral("consumer block"));
  window_->eventLog()->applyFilter();
  ASSERT_TRUE(session->wait_settled(10s));
  EXPECT_EQ(session->snapshot().workers[static_cast<size_t>(producer)].steps, 1u);
  // ... and it narrows the log to the consumer's block.
  const QAbstractItemModel* shown = window_->eventLog()->view()->model();
  ASSERT_EQ(shown->rowCount(), 1);
  EXPECT_EQ(shown->index(0, EventLogModel::Kind).data().toString(), QStringLiteral("block"));
}

TEST_F(GuiTest, LanguageSwitchesWhileALessonRuns) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  controller()->deliverNow();
  const ProcessTableModel* processes = window_->processModel();
  window_->setLanguage(QStringLiteral("zh_CN"));
  QCoreApplication::processEvents();
  EXPECT_EQ(window_->language(), QStringLiteral("zh_CN"));
  EXPECT_EQ(processes->headerData(ProcessTableModel::Name, Qt::Horizontal).toString(),
            QStringLiteral("进程"));
  EXPECT_EQ(processCell(0, ProcessTableModel::State).toString(), QStringLiteral("在闸门处"));
  EXPECT_TRUE(window_->windowTitle().contains(QStringLiteral("生产者与消费者")))
      << window_->windowTitle().toStdString();
  EXPECT_TRUE(window_->sessionStatus()->text().contains(QStringLiteral("单步")));
  shoot("language-zh");
  window_->setLanguage(QStringLiteral("en"));
  QCoreApplication::processEvents();
  EXPECT_EQ(processes->headerData(ProcessTableModel::Name, Qt::Horizontal).toString(),
            QStringLiteral("Process"));
  EXPECT_EQ(processCell(0, ProcessTableModel::State).toString(), QStringLiteral("at gate"));
  EXPECT_TRUE(window_->windowTitle().contains(QStringLiteral("Producer and consumer")));
  // The session went on undisturbed.
  EXPECT_EQ(controller()->session(), session);
}

TEST(SessionControllerTest, AStartThatFailsIsReportedInWords) {
  ipclab::SessionOptions options;
  options.worker_path = "/nonexistent/ipclab-worker";
  SessionController controller(options);
  QString failure;
  bool started = false;
  QObject::connect(&controller, &SessionController::failed,
                   [&](const QString& text) { failure = text; });
  QObject::connect(&controller, &SessionController::sessionStarted, [&] { started = true; });
  const ipclab::LoadResult lesson = ipclab::resolve_scenario("pipe-basics");
  ASSERT_TRUE(lesson.ok());
  controller.open(*lesson.scenario);
  EXPECT_TRUE(controller.isStarting());
  controller.waitUntilIdle();
  EXPECT_FALSE(controller.isStarting());
  EXPECT_FALSE(started);
  EXPECT_EQ(controller.session(), nullptr);
  EXPECT_TRUE(failure.contains(QLatin1String("pipe-basics"))) << failure.toStdString();
  EXPECT_TRUE(failure.contains(QLatin1String("/nonexistent/ipclab-worker")))
      << failure.toStdString();
  // Steps without a session are refused in words, not crashes.
  QString notice;
  QObject::connect(&controller, &SessionController::notice,
                   [&](const QString& text) { notice = text; });
  controller.stepAll();
  EXPECT_FALSE(notice.isEmpty());
}

// A window that remembers: last lesson, presentation mode, layout.
class RememberingWindowTest : public GuiTest {
 protected:
  MainWindow::Options options() const override {
    MainWindow::Options o = GuiTest::options();
    o.scripted = false;
    return o;
  }
};

TEST_F(RememberingWindowTest, TheLastLessonAndPresentationModeAreRemembered) {
  QSettings().clear();
  EXPECT_EQ(window_->initialScenario(), QStringLiteral("pipe-basics"));
  ASSERT_NE(open(QStringLiteral("producer-consumer")), nullptr);
  window_->setPresentationMode(true);
  closeWindow();  // saves the settings

  window_ = std::make_unique<MainWindow>(options());
  EXPECT_EQ(window_->initialScenario(), QStringLiteral("producer-consumer"));
  EXPECT_TRUE(window_->findChild<QAction*>() != nullptr);
  EXPECT_GT(QApplication::font().pointSizeF(), 0);
  bool presentation = false;
  for (QAction* action : window_->actions())
    if (action->isCheckable() && action->shortcut() == QKeySequence(Qt::Key_F11))
      presentation = action->isChecked();
  EXPECT_TRUE(presentation);
  window_->setPresentationMode(false);
  QSettings().clear();
}

}  // namespace
}  // namespace guitest
