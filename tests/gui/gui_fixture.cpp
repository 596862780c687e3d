#include "gui_fixture.h"

#include <signal.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <filesystem>

#include "language.h"
#include "message_bar.h"
#include "object_table_model.h"
#include "process_table_model.h"
#include "session_controller.h"
#include "state_style.h"

namespace guitest {

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

MainWindow::Options GuiTest::options() const {
  MainWindow::Options options;
  options.scripted = true;
  options.language = QStringLiteral("en");
  return options;
}

void GuiTest::SetUp() {
  window_ = std::make_unique<MainWindow>(options());
  window_->show();
}

void GuiTest::TearDown() {
  if (window_) closeWindow();
}

void GuiTest::closeWindow() {
  std::vector<Traces> all = traces_;
  traces_.clear();
  if (ipclab::Session* s = controller()->session()) all.push_back(tracesOf(*s));
  window_->close();
  window_.reset();  // stops the session
  for (const Traces& t : all) expectNothingLeft(t);
}

SessionController* GuiTest::controller() const {
  return window_->controller();
}

void GuiTest::shoot(const char* name) const {
  const QString dir = qEnvironmentVariable("IPCLAB_GUI_SHOTS");
  if (dir.isEmpty()) return;
  QCoreApplication::processEvents();
  window_->grab().save(QDir(dir).filePath(QString::fromLatin1(name) + QStringLiteral(".png")));
}

ipclab::Session* GuiTest::open(const QString& id) {
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

QVariant GuiTest::processCell(int row, int column, int role) const {
  const ProcessTableModel* m = window_->processModel();
  return m->data(m->index(row, column), role);
}

QVariant GuiTest::objectCell(int row, int column, int role) const {
  const ObjectTableModel* m = window_->objectModel();
  return m->data(m->index(row, column), role);
}

void GuiTest::expectTablesMatch(const ipclab::Snapshot& snap, const std::string& where) {
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
    // An open lesson question hides this value ("?") until it is answered.
    if (window_->objectModel()->hiddenObjects().contains(QString::fromStdString(o.spec->name)))
      continue;
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

}  // namespace guitest

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
  QApplication::setOrganizationName(QStringLiteral("IPC Lab tests"));
  QApplication::setApplicationName(QStringLiteral("ipclab_gui_tests"));
  Language::addSearchPath(QStringLiteral(IPCLAB_QM_DIR));
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
