// The ipclab window driven offscreen: every bundled lesson stepped to its end
// with the tables checked against Session::snapshot, a broken lesson file
// reported in place, free running through the notifier, reset, and the
// command-line screenshot as a subprocess. Nothing may survive a test: no
// worker process, no session folder, no /dev/shm or /dev/mqueue object.
#include <gtest/gtest.h>
#include <signal.h>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTableView>
#include <QTemporaryDir>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "event_log_model.h"
#include "event_log_panel.h"
#include "lesson_catalog.h"
#include "main_window.h"
#include "message_bar.h"
#include "object_table_model.h"
#include "problems_panel.h"
#include "process_table_model.h"
#include "scenario/loader.hpp"
#include "session_controller.h"
#include "session_status.h"
#include "state_style.h"

namespace {

using namespace std::chrono_literals;

// What a session leaves to check after it is gone.
struct Traces {
  std::string folder;
  std::string tag;
  std::vector<pid_t> pids;
};

Traces tracesOf(ipclab::Session& session) {
  Traces t;
  t.folder = session.folder();
  t.tag = std::filesystem::path(t.folder).filename().string();
  for (const ipclab::WorkerStatus& w : session.snapshot().workers) t.pids.push_back(w.pid);
  return t;
}

void expectNothingLeft(const Traces& t) {
  EXPECT_FALSE(std::filesystem::exists(t.folder)) << t.folder;
  for (pid_t pid : t.pids) EXPECT_NE(::kill(pid, 0), 0) << "worker " << pid << " survived";
  for (const char* dir : {"/dev/shm", "/dev/mqueue"}) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
      EXPECT_EQ(entry.path().filename().string().find(t.tag), std::string::npos)
          << "left behind: " << entry.path();
  }
}

class GuiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    MainWindow::Options options;
    options.scripted = true;
    options.language = QStringLiteral("en");
    window_ = std::make_unique<MainWindow>(options);
    window_->show();
  }

  void TearDown() override {
    std::vector<Traces> all = traces_;
    if (ipclab::Session* s = controller()->session()) all.push_back(tracesOf(*s));
    window_.reset();  // stops the session
    for (const Traces& t : all) expectNothingLeft(t);
  }

  SessionController* controller() const { return window_->controller(); }

  // With IPCLAB_GUI_SHOTS=DIR set, saves the window as DIR/NAME.png, to look at.
  void shoot(const char* name) const {
    const QString dir = qEnvironmentVariable("IPCLAB_GUI_SHOTS");
    if (dir.isEmpty()) return;
    QCoreApplication::processEvents();
    window_->grab().save(QDir(dir).filePath(QString::fromLatin1(name) + QStringLiteral(".png")));
  }

  // Opens a lesson and waits until its processes stand at their gates.
  ipclab::Session* open(const QString& id) {
    if (ipclab::Session* old = controller()->session()) traces_.push_back(tracesOf(*old));
    if (!window_->openScenario(id)) {
      ADD_FAILURE() << "cannot open " << id.toStdString() << ": "
                    << window_->messageBar()->text().toStdString();
      return nullptr;
    }
    controller()->waitUntilIdle();
    ipclab::Session* session = controller()->session();
    EXPECT_NE(session, nullptr) << window_->messageBar()->text().toStdString();
    return session;
  }

  // The GUI's view of one cell.
  QVariant processCell(int row, int column, int role = Qt::DisplayRole) const {
    const ProcessTableModel* m = window_->processModel();
    return m->data(m->index(row, column), role);
  }
  QVariant objectCell(int row, int column, int role = Qt::DisplayRole) const {
    const ObjectTableModel* m = window_->objectModel();
    return m->data(m->index(row, column), role);
  }

  // The tables must say what the core says.
  void expectTablesMatch(const ipclab::Snapshot& snap, const std::string& where) {
    ASSERT_EQ(window_->processModel()->rowCount(), static_cast<int>(snap.workers.size())) << where;
    for (size_t i = 0; i < snap.workers.size(); ++i) {
      const int row = static_cast<int>(i);
      const ipclab::WorkerStatus& w = snap.workers[i];
      EXPECT_EQ(processCell(row, ProcessTableModel::Name).toString().toStdString(), w.id.name);
      EXPECT_EQ(processCell(row, ProcessTableModel::Pid).toInt(), w.pid) << where;
      EXPECT_EQ(processCell(row, ProcessTableModel::State, ProcessTableModel::StateRole).toInt(),
                static_cast<int>(w.state))
          << where << " " << w.id.name;
      const QString text = processCell(row, ProcessTableModel::State).toString();
      EXPECT_TRUE(text.startsWith(StateStyle::stateWord(w.state)))
          << where << " " << w.id.name << ": " << text.toStdString();
      if (w.state == ipclab::WorkerState::blocked) {
        EXPECT_TRUE(text.startsWith(QLatin1String("blocked"))) << where;
      }
      if (w.state == ipclab::WorkerState::exited) {
        EXPECT_TRUE(text.startsWith(QLatin1String("finished"))) << where;
      }
    }
    ASSERT_EQ(window_->objectModel()->rowCount(), static_cast<int>(snap.objects.size()));
    for (size_t i = 0; i < snap.objects.size(); ++i) {
      const ipclab::ObjectStatus& o = snap.objects[i];
      if (o.spec->mechanism != ipclab::ObjectKind::semaphore) continue;
      const int row = static_cast<int>(i);
      EXPECT_EQ(
          objectCell(row, ObjectTableModel::ModelFill, ObjectTableModel::ValueRole).toLongLong(),
          o.model_fill)
          << where << " " << o.spec->name;
      EXPECT_EQ(objectCell(row, ObjectTableModel::ModelFill).toString(),
                QString::number(o.model_fill));
      ASSERT_TRUE(o.kernel_fill.has_value()) << o.spec->name;
      EXPECT_EQ(objectCell(row, ObjectTableModel::KernelFill).toString(),
                QString::number(*o.kernel_fill))
          << where << " " << o.spec->name;
    }
  }

  std::unique_ptr<MainWindow> window_;
  std::vector<Traces> traces_;
};

bool allGone(const ipclab::Snapshot& snap) {
  for (const ipclab::WorkerStatus& w : snap.workers)
    if (w.state != ipclab::WorkerState::exited && w.state != ipclab::WorkerState::killed)
      return false;
  return true;
}

bool anyAtGate(const ipclab::Snapshot& snap) {
  for (const ipclab::WorkerStatus& w : snap.workers)
    if (w.state == ipclab::WorkerState::at_gate) return true;
  return false;
}

// Lets the event loop run until `done` or the deadline (generous: it only
// matters when something is broken).
template <typename Done>
bool pumpUntil(Done done, int ms = 15000) {
  QElapsedTimer timer;
  timer.start();
  while (!done()) {
    if (timer.elapsed() > ms) return false;
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  }
  return true;
}

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
    EXPECT_GT(window_->eventLog()->model()->rowCount(), 0) << id;
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
  // The log holds every exit.
  int exits = 0;
  const EventLogModel* log = window_->eventLog()->model();
  for (int r = 0; r < log->rowCount(); ++r)
    if (log->event(r).ev == ipclab::EventKind::exit) ++exits;
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

TEST_F(GuiTest, PresentationModeEnlargesTextAndRows) {
  ipclab::Session* session = open(QStringLiteral("producer-consumer"));
  ASSERT_NE(session, nullptr);
  controller()->deliverNow();
  const qreal normalSize = window_->processView()->font().pointSizeF();
  const int normalRow = window_->processView()->rowHeight(0);
  window_->setPresentationMode(true);
  QCoreApplication::processEvents();
  EXPECT_GT(window_->processView()->font().pointSizeF(), normalSize * 1.3);
  EXPECT_GT(window_->processView()->rowHeight(0), normalRow);
  shoot("presentation");
  window_->setPresentationMode(false);
  QCoreApplication::processEvents();
  EXPECT_EQ(window_->processView()->font().pointSizeF(), normalSize);
}

// The command line as a user runs it, in a subprocess.
class ScreenshotTest : public ::testing::Test {
 protected:
  int runGui(const QStringList& args, QString* errors = nullptr) {
    QProcess gui;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    gui.setProcessEnvironment(env);
    gui.start(QStringLiteral(IPCLAB_GUI_PATH), args);
    if (!gui.waitForFinished(60000)) {
      gui.kill();
      gui.waitForFinished();
      ADD_FAILURE() << "ipclab did not finish within 60 s";
      return -1;
    }
    if (errors) *errors = QString::fromLocal8Bit(gui.readAllStandardError());
    return gui.exitStatus() == QProcess::NormalExit ? gui.exitCode() : -1;
  }
  QTemporaryDir dir_;
};

TEST_F(ScreenshotTest, WritesAPngOfTheWindow) {
  ASSERT_TRUE(dir_.isValid());
  for (const QString& lang : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
    const QString png = dir_.filePath(QStringLiteral("pc-%1.png").arg(lang));
    QString errors;
    ASSERT_EQ(runGui({QStringLiteral("--scenario"), QStringLiteral("producer-consumer"),
                      QStringLiteral("--steps"), QStringLiteral("4"), QStringLiteral("--lang"),
                      lang, QStringLiteral("--screenshot"), png},
                     &errors),
              0)
        << errors.toStdString();
    ASSERT_GT(QFileInfo(png).size(), 0);
    const QImage image(png);
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1400, 900));
  }
}

TEST_F(ScreenshotTest, AnUnknownLessonFailsWithAMessage) {
  ASSERT_TRUE(dir_.isValid());
  const QString png = dir_.filePath(QStringLiteral("none.png"));
  QString errors;
  EXPECT_NE(runGui({QStringLiteral("--scenario"), QStringLiteral("no-such-lesson"),
                    QStringLiteral("--screenshot"), png},
                   &errors),
            0);
  EXPECT_TRUE(errors.contains(QLatin1String("no-such-lesson"))) << errors.toStdString();
  EXPECT_FALSE(QFileInfo::exists(png));
  // The same in Chinese: the translation is compiled into the program.
  EXPECT_NE(runGui({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--scenario"),
                    QStringLiteral("no-such-lesson"), QStringLiteral("--screenshot"), png},
                   &errors),
            0);
  EXPECT_TRUE(errors.contains(QStringLiteral("无法打开"))) << errors.toStdString();
}

}  // namespace

int main(int argc, char** argv) {
  // gtest_discover_tests runs this binary too: never ask for a display.
  if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
  // Private settings and a private runtime folder for the sessions.
  static QTemporaryDir home;
  if (home.isValid()) {
    qputenv("XDG_CONFIG_HOME", QDir(home.path()).filePath(QStringLiteral("config")).toLocal8Bit());
    const QString runtime = QDir(home.path()).filePath(QStringLiteral("runtime"));
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    qputenv("XDG_RUNTIME_DIR", runtime.toLocal8Bit());
  }
  QApplication app(argc, argv);
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
